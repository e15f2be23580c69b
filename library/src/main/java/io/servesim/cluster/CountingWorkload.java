package io.servesim.cluster;

import io.servesim.workload.Request;
import io.servesim.workload.Workload;

/**
 * Wraps a workload and counts the requests it hands to the simulator (first turns and later turns), so a replay can
 * check that every request sent also completed. Not thread-safe, like the workload it wraps.
 */
final class CountingWorkload implements Workload {
    private final Workload inner;
    private long sent;
    private boolean exhausted;

    CountingWorkload(Workload inner) {
        this.inner = inner;
    }

    @Override
    public int concurrency() {
        return inner.concurrency();
    }

    @Override
    public int blockSize() {
        return inner.blockSize();
    }

    @Override
    public Request next() {
        Request r = inner.next();
        if (r == null) {
            exhausted = true;
        } else {
            sent++;
        }
        return r;
    }

    @Override
    public Request onCompleted(Request request, double timeMs) {
        Request r = inner.onCompleted(request, timeMs);
        if (r != null) {
            sent++;
        }
        return r;
    }

    @Override
    public long expectedRequests() {
        return inner.expectedRequests();
    }

    @Override
    public double rampUpMs() {
        return inner.rampUpMs();
    }

    @Override
    public int warmupRequests() {
        return inner.warmupRequests();
    }

    /** Returns how many requests were handed out. */
    long sent() {
        return sent;
    }

    /** Returns true once the workload said it has no more first turns. */
    boolean exhausted() {
        return exhausted;
    }

    @Override
    public void close() {
        inner.close();
    }
}
