package io.servesim.router;

import io.servesim.workload.Request;

/** Sends requests to the workers in turn, ignoring load and cache contents. */
public final class RoundRobinRouter implements Router {
    private final int workers;
    private int next;

    /** Creates a router over {@code workers} workers. */
    public RoundRobinRouter(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers (" + workers + ") should be >= 1");
        }
        this.workers = workers;
    }

    @Override
    public int route(Request request) {
        int w = next;
        next = (next + 1) % workers;
        return w;
    }

    @Override
    public void prefillCompleted(Request request, int worker) {
    }

    @Override
    public void finished(Request request, int worker) {
    }

    @Override
    public void stored(int worker, long hash) {
    }

    @Override
    public void removed(int worker, long hash) {
    }
}
