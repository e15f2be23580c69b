package io.servesim.metrics;

/**
 * What happened to one request in a run (for timelines and latency CDFs). Times are ms from the run's start.
 *
 * @param reusedInputTokens prompt tokens served from the prefix cache at admission
 * @param prefillWorker     index of the worker that computed the prompt
 * @param decodeWorker      index of the worker that generated the answer (equal to prefillWorker when aggregated)
 */
public record RequestRecord(long id, double arrivalMs, double firstTokenMs, double lastTokenMs, int inputLength,
                            int outputLength, int reusedInputTokens, int prefillWorker, int decodeWorker) {
    /** Returns time to first token in ms. */
    public double ttftMs() {
        return firstTokenMs - arrivalMs;
    }

    /** Returns end-to-end latency in ms. */
    public double e2eLatencyMs() {
        return lastTokenMs - arrivalMs;
    }
}
