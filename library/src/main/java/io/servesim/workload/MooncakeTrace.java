package io.servesim.workload;

import io.servesim.spec.WorkloadSpec;
import java.nio.file.Path;

/**
 * Replays a Mooncake-style JSONL trace (see {@link TraceReader} for the format and checks), streaming it so that
 * traces of millions of lines need little memory; the file is read and parsed on a background thread, ahead of the run
 * (see {@link TracePrefetcher}). Open loop: the first request arrives at 0 ms and later ones at
 * {@code (timestamp - first timestamp) / arrivalSpeedupRatio}. With {@code traceReplayConcurrency} the timestamps are
 * ignored and the requests are replayed closed-loop at that concurrency.
 *
 * <p><b>Block-size remapping.</b> Each trace hash id stands for {@code traceBlockSize} tokens (512 in the public
 * traces). When the simulator's {@code block_size} B differs from the trace's T, simulator block {@code j} (tokens
 * {@code [jB, (j+1)B)}, cut at the prompt's end) gets a content key made of the ids of every trace block it overlaps,
 * its offset inside the first of them and its length; the keys are prefix-chained like all block hashes. So two
 * prompts share simulator block {@code j} exactly when they share every trace block covering tokens up to the end of
 * block {@code j}: no sharing is invented and none that the trace records at that granularity is lost.
 */
public final class MooncakeTrace implements Workload {
    private final TracePrefetcher prefetcher;
    private final int blockSize;
    private final int traceBlockSize;
    private final double speedup;
    private final int concurrency;
    private double firstTimestamp = Double.NaN;
    private long nextId;

    /** Opens the trace a trace {@code spec} names, for a simulator with {@code blockSize}-token blocks. */
    public MooncakeTrace(WorkloadSpec.Trace spec, int blockSize) {
        this(Path.of(spec.traceFile()), blockSize, spec.traceBlockSize(), spec.arrivalSpeedupRatio(), spec.clients(),
                spec.lenientTrace());
    }

    /** Opens {@code file}; {@code concurrency} 0 replays by timestamps. */
    public MooncakeTrace(Path file, int blockSize, int traceBlockSize, double arrivalSpeedupRatio, int concurrency,
                         boolean lenient) {
        if (blockSize <= 0 || traceBlockSize <= 0) {
            throw new IllegalArgumentException("block sizes (" + blockSize + ", " + traceBlockSize + ") should be > 0");
        }
        if (!(arrivalSpeedupRatio > 0) || Double.isInfinite(arrivalSpeedupRatio)) {
            throw new IllegalArgumentException("arrivalSpeedupRatio (" + arrivalSpeedupRatio + ") should be > 0");
        }
        this.blockSize = blockSize;
        this.traceBlockSize = traceBlockSize;
        this.speedup = arrivalSpeedupRatio;
        this.concurrency = concurrency;
        this.prefetcher = new TracePrefetcher(new TraceReader(file, traceBlockSize, lenient), this::request);
    }

    @Override
    public int concurrency() {
        return concurrency;
    }

    @Override
    public int blockSize() {
        return blockSize;
    }

    @Override
    public Request next() {
        Request r = prefetcher.next();
        return r != END ? r : null;
    }

    /** Returns the next request, read ahead on a background thread, or {@link #END} at the end of the trace. */
    @Override
    public Request nextOrEnd() {
        return prefetcher.next();
    }

    /** Turns a trace line into the next request (on the prefetcher's thread, in line order). */
    private Request request(TraceLine line) {
        if (Double.isNaN(firstTimestamp)) {
            firstTimestamp = line.timestampMs();
        }
        double arrival = concurrency > 0 ? 0 : (line.timestampMs() - firstTimestamp) / speedup;
        long[] ids = line.hashIds();
        int blocks = BlockHashes.blocksFor(line.inputLength(), blockSize);
        // the line's ids are this trace's own fresh copy: with equal block sizes they are chained in place
        long[] hashes = remap(ids, line.inputLength(), blockSize, traceBlockSize,
                blockSize == traceBlockSize && ids.length == blocks ? ids : new long[blocks]);
        return Request.of(nextId++, arrival, line.inputLength(), line.outputLength(), hashes);
    }

    /** Returns how many bad lines were skipped (lenient traces only). */
    public long skippedLines() {
        return prefetcher.skippedLines();
    }

    /** Returns the first skipped line's problem (file:line: reason), or null when none was skipped. */
    public String firstProblem() {
        return prefetcher.firstProblem();
    }

    /** Returns the chained simulator block hashes of a prompt of {@code inputLength} tokens given as trace ids. */
    public static long[] remap(long[] traceIds, int inputLength, int blockSize, int traceBlockSize) {
        return remap(traceIds, inputLength, blockSize, traceBlockSize,
                new long[BlockHashes.blocksFor(inputLength, blockSize)]);
    }

    /**
     * Writes the chained block hashes into {@code out} (one per simulator block) and returns it; {@code out} may be
     * {@code traceIds} itself when the block sizes are equal, as block j reads only id j before writing it.
     */
    private static long[] remap(long[] traceIds, int inputLength, int blockSize, int traceBlockSize, long[] out) {
        long parent = BlockHashes.ROOT;
        for (int j = 0; j < out.length; j++) {
            long start = (long) j * blockSize;
            long end = Math.min(start + blockSize, inputLength);
            long content;
            if (blockSize == traceBlockSize) {
                content = traceIds[j];
            } else {
                int first = (int) (start / traceBlockSize);
                int last = (int) ((end - 1) / traceBlockSize);
                content = BlockHashes.key(start % traceBlockSize, end - start);
                for (int k = first; k <= last; k++) {
                    content = BlockHashes.key(content, traceIds[k]);
                }
            }
            parent = BlockHashes.chain(parent, content);
            out[j] = parent;
        }
        return out;
    }

    @Override
    public void close() {
        prefetcher.close();
    }
}
