package io.servesim.workload;

import java.util.Arrays;
import java.util.Objects;

/**
 * One request as the simulator sees it: when it arrives, how long its prompt and answer are, and its prompt as a
 * chain of KV-block hashes (one per {@code blockSize} tokens, the last block may be partial). Hash {@code i}
 * identifies the whole prompt prefix up to and including block {@code i}, so two requests whose hashes agree up to
 * index {@code i} can share those KV blocks. Treat as immutable:
 * nobody may modify {@code blockHashes} after construction.
 *
 * @param id           unique id within a workload
 * @param arrivalMs    arrival time in ms from the start of the run (closed-loop workloads: stamped at admission)
 * @param inputLength  prompt tokens (&gt; 0)
 * @param outputLength tokens to generate (&gt; 0)
 * @param blockHashes  prefix-chained block hashes, {@code ceil(inputLength / blockSize)} of them
 * @param sessionId    the conversation this request belongs to (equal to {@code id} for single-turn workloads)
 * @param turn         0-based turn index within the session
 */
public record Request(long id, double arrivalMs, int inputLength, int outputLength, long[] blockHashes,
                      long sessionId, int turn) {
    public Request {
        Objects.requireNonNull(blockHashes, "blockHashes");
        if (inputLength <= 0) {
            throw new IllegalArgumentException("request " + id + ": inputLength (" + inputLength + ") should be > 0");
        }
        if (outputLength <= 0) {
            throw new IllegalArgumentException("request " + id + ": outputLength (" + outputLength + ") should be > 0");
        }
    }

    /** Creates a single-turn request. */
    public static Request of(long id, double arrivalMs, int inputLength, int outputLength, long[] blockHashes) {
        return new Request(id, arrivalMs, inputLength, outputLength, blockHashes, id, 0);
    }

    /** Returns a copy arriving at {@code ms}. */
    public Request withArrivalMs(double ms) {
        return new Request(id, ms, inputLength, outputLength, blockHashes, sessionId, turn);
    }

    /** Returns the number of prompt blocks. */
    public int numBlocks() {
        return blockHashes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Request r && id == r.id && Double.compare(arrivalMs, r.arrivalMs) == 0
                && inputLength == r.inputLength && outputLength == r.outputLength && sessionId == r.sessionId
                && turn == r.turn && Arrays.equals(blockHashes, r.blockHashes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, arrivalMs, inputLength, outputLength, sessionId, turn) * 31 + Arrays.hashCode(blockHashes);
    }

    @Override
    public String toString() {
        return "Request[id=" + id + ", arrivalMs=" + arrivalMs + ", inputLength=" + inputLength + ", outputLength="
                + outputLength + ", blocks=" + blockHashes.length + ", session=" + sessionId + ", turn=" + turn + "]";
    }
}
