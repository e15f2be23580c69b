package io.servesim.optimize;

import io.servesim.metrics.Metric;
import java.util.List;
import java.util.Map;

/**
 * A state with its run's report and its verdict: {@code score} (higher is better, from the objective), whether it
 * is feasible (within the GPU budget and every SLA bound), its violation penalty (Σ relative excess over each SLA
 * bound, +1 when over budget) and which bounds failed. A state whose evaluation failed (e.g. a prompt that does not
 * fit the KV cache) is infeasible with an empty report, an infinite penalty and its reason in {@code error} (null
 * for evaluations that ran).
 */
public record EvaluatedState(DeploymentState state, Map<String, Double> metrics, double score, boolean feasible,
                             double violationPenalty, List<String> violations, String error) {
    /** Violation named by states whose evaluation failed. */
    public static final String FAILED = "evaluation_failed";

    /** Creates the record of an evaluation that ran. */
    public EvaluatedState(DeploymentState state, Map<String, Double> metrics, double score, boolean feasible,
                          double violationPenalty, List<String> violations) {
        this(state, metrics, score, feasible, violationPenalty, violations, null);
    }

    /** Returns the record of a state whose evaluation failed for {@code reason}. */
    public static EvaluatedState failed(DeploymentState state, String reason) {
        return new EvaluatedState(state, Map.of(), Double.NaN, false, Double.POSITIVE_INFINITY, List.of(FAILED),
                reason == null ? "unknown error" : reason);
    }

    /** Returns true when the evaluation failed (see {@link #error()}). */
    public boolean hasFailed() {
        return error != null;
    }

    /** Returns a metric of the run, NaN when absent. */
    public double metric(String name) {
        Double v = metrics.get(name);
        return v == null ? Double.NaN : v;
    }

    /** Returns {@code metric} of the run, NaN when absent. */
    public double metric(Metric metric) {
        return metric(metric.name());
    }

    /** Returns output tokens per second. */
    public double outputThroughput() {
        return metric(Metric.OUTPUT_THROUGHPUT_TOK_S.name());
    }

    /** Returns output tokens per second per GPU used. */
    public double outputThroughputPerGpu() {
        return outputThroughput() / state.totalGpusUsed();
    }

    /** Returns mean end-to-end latency in ms. */
    public double meanE2eLatencyMs() {
        return metric(Metric.MEAN_E2E_LATENCY_MS);
    }

    @Override
    public String toString() {
        if (hasFailed()) {
            return state.label() + ": evaluation failed: " + error;
        }
        return state.label() + String.format(java.util.Locale.ROOT, ": score %.4g, %s, %.1f tok/s, mean TTFT %.0f ms,"
                        + " mean e2e %.0f ms", score, feasible ? "feasible" : "infeasible " + violations,
                outputThroughput(), metric(Metric.MEAN_TTFT_MS.name()), meanE2eLatencyMs());
    }
}
