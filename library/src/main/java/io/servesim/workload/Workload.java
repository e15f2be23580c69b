package io.servesim.workload;

/**
 * A stream of requests for one replay, pulled by the simulator. Open-loop workloads ({@link #concurrency()} == 0)
 * hand out requests in non-decreasing {@code arrivalMs} order; closed-loop workloads keep {@link #concurrency()}
 * requests in flight and the simulator stamps each request's arrival when it admits it. Multi-turn sessions hand out
 * later turns through {@link #onCompleted} once the previous turn finished. Not thread-safe; one replay pulls from
 * one instance; close it to release files.
 */
public interface Workload extends AutoCloseable {
    /**
     * What {@link #nextOrEnd} returns once no more first turns will come: a request that never arrives (at
     * +infinity). Compare by identity.
     */
    Request END = new Request(-1, Double.POSITIVE_INFINITY, 1, 1, new long[0], -1, 0);

    /** Returns the number of requests kept in flight (closed loop), or 0 for open loop (arrival times given). */
    int concurrency();

    /** Returns the tokens per block the request hashes were made for. */
    int blockSize();

    /**
     * Returns the next first-turn request, or {@code null} when no more will come. Open loop: in non-decreasing
     * arrival order. Closed loop: the simulator calls this whenever a slot frees up.
     */
    Request next();

    /**
     * Returns {@link #next}, or {@link #END} instead of null: a simulator can then treat the end of the arrivals as
     * one more arrival that never comes, so its loop takes no new branch when the workload runs out.
     */
    default Request nextOrEnd() {
        Request r = next();
        return r != null ? r : END;
    }

    /**
     * Tells the workload that {@code request} produced its last token at {@code timeMs}; returns the session's next
     * turn (whose {@code arrivalMs} is when it becomes ready) or {@code null} when the session is over.
     */
    default Request onCompleted(Request request, double timeMs) {
        return null;
    }

    /**
     * Returns the window over which a closed-loop workload's clients start (client {@code i} of {@code c} sends its
     * first request at {@code i × window / c}); 0 = all at once.
     */
    default double rampUpMs() {
        return 0;
    }

    /** Returns how many of the first completed requests are left out of the metrics (warm-up). */
    default int warmupRequests() {
        return 0;
    }

    /** Returns the total number of requests this workload will produce (all turns), or -1 when unknown. */
    default long expectedRequests() {
        return -1;
    }

    @Override
    default void close() {
    }
}
