package io.servesim.router;

import java.util.List;

/**
 * One routing decision of a run, for inspection ({@code servesim replay --decisions N}): which pool routed which
 * request when, to which worker, how long the request waited in the router's queue first, and the cost terms of every
 * worker (empty for round-robin). Immutable.
 */
public record RoutingDecision(String pool, double timeMs, long requestId, int worker, double routerQueueMs,
                              List<RoutingCost> costs) {
    public RoutingDecision {
        costs = List.copyOf(costs);
    }
}
