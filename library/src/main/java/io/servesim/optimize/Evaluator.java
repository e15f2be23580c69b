package io.servesim.optimize;

import java.util.Map;

/**
 * Turns a deployment state into its run's report (metric name → value). The optimizer talks only to this interface,
 * so evaluations can run in this process ({@link LocalEvaluator}) or elsewhere. Implementations must be thread-safe
 * and deterministic: the same state always gives the same report.
 */
@FunctionalInterface
public interface Evaluator {
    /** Evaluates {@code state}; failures throw with a message that names the state. */
    Map<String, Double> evaluate(DeploymentState state);
}
