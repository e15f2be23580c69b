package io.servesim.cluster;

import io.servesim.workload.Request;

/**
 * The cluster's bookkeeping of one request in flight: when it arrived, where its prompt was served and how long it
 * waited in router queues.
 */
final class Flight {
    final Request request;
    final double arrivalMs;
    int prefillWorker = -1;
    int reusedTokens;
    /** When the request entered its current router queue (NaN when not queued). */
    double queuedAtMs = Double.NaN;
    /** Total time spent in router queues so far. */
    double routerQueueMs;

    Flight(Request request, double arrivalMs) {
        this.request = request;
        this.arrivalMs = arrivalMs;
    }
}
