package io.servesim.cluster;

import io.servesim.workload.Request;

/** The cluster's bookkeeping of one request in flight: when it arrived and where its prompt was served. */
final class Flight {
    final Request request;
    final double arrivalMs;
    int prefillWorker = -1;
    int reusedTokens;

    Flight(Request request, double arrivalMs) {
        this.request = request;
        this.arrivalMs = arrivalMs;
    }
}
