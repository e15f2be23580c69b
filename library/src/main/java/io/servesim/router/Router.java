package io.servesim.router;

import io.servesim.engine.KvEventListener;
import io.servesim.workload.Request;

/**
 * Picks the worker of a pool that serves a request, and keeps whatever load and cache view it needs from the
 * cluster's notifications. One instance per pool per run; not thread-safe.
 */
public sealed interface Router extends KvEventListener permits KvRouter, RoundRobinRouter {
    /** Returns the index of the worker (0-based within the pool) that will serve {@code request}. */
    int route(Request request);

    /** The request routed to {@code worker} has its prompt computed. */
    void prefillCompleted(Request request, int worker);

    /** The request routed to {@code worker} left the worker. */
    void finished(Request request, int worker);

    /** Returns the prompt blocks of {@code request} cached on {@code worker}, as far as the router knows. */
    default int overlapBlocks(Request request, int worker) {
        return 0;
    }

    /** Creates the router a setting describes for a pool of {@code workers} workers with {@code blockSize} blocks. */
    static Router create(RouterSetting setting, int workers, int blockSize) {
        return setting.isKvRouter() ? new KvRouter(setting, workers, blockSize) : new RoundRobinRouter(workers);
    }
}
