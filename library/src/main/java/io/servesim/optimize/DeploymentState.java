package io.servesim.optimize;

import io.servesim.router.RouterSetting;

/**
 * One candidate deployment a sweep evaluates: the topology (disaggregated: prefill and decode TP and worker counts;
 * aggregated: one TP and worker count, reported in both column pairs) and the router state. A plain serialisable
 * value, so evaluations can run anywhere.
 */
public record DeploymentState(boolean aggregated, int prefillTp, int decodeTp, int prefillWorkers, int decodeWorkers,
                              RouterSetting router) {
    /** Returns a disaggregated state. */
    public static DeploymentState disaggregated(int prefillTp, int decodeTp, int prefillWorkers, int decodeWorkers,
                                                RouterSetting router) {
        return new DeploymentState(false, prefillTp, decodeTp, prefillWorkers, decodeWorkers, router);
    }

    /** Returns an aggregated state of {@code workers} workers of {@code tp} GPUs. */
    public static DeploymentState aggregated(int tp, int workers, RouterSetting router) {
        return new DeploymentState(true, tp, tp, workers, workers, router);
    }

    /** Returns the GPUs this deployment uses. */
    public int totalGpusUsed() {
        return aggregated ? prefillTp * prefillWorkers : prefillTp * prefillWorkers + decodeTp * decodeWorkers;
    }

    /** Returns the TP of an aggregated state. */
    public int tp() {
        return prefillTp;
    }

    /** Returns the worker count of an aggregated state. */
    public int workers() {
        return prefillWorkers;
    }

    /** Returns the same topology with another router state. */
    public DeploymentState withRouter(RouterSetting r) {
        return new DeploymentState(aggregated, prefillTp, decodeTp, prefillWorkers, decodeWorkers, r);
    }

    /** Returns a short label such as {@code 3×TP4 prefill + 4×TP1 decode, kv_router(credit 0.5, scale 1)}. */
    public String label() {
        String topology = aggregated ? workers() + "×TP" + tp() + " aggregated"
                : prefillWorkers + "×TP" + prefillTp + " prefill + " + decodeWorkers + "×TP" + decodeTp + " decode";
        return topology + ", " + router.label();
    }
}
