package io.servesim.router;

import io.servesim.engine.KvEventListener;
import io.servesim.workload.Request;
import java.util.List;

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

    /**
     * Returns true when a new request must wait in the router because every worker is over the queue threshold
     * (only the KV router queues).
     */
    default boolean queues() {
        return false;
    }

    /** Returns the cost terms of sending {@code request} to each worker now (empty for routers without a cost). */
    default List<RoutingCost> costs(Request request) {
        return List.of();
    }
}
