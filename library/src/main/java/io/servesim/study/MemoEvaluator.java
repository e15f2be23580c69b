package io.servesim.study;

import io.servesim.optimize.DeploymentState;
import io.servesim.optimize.Evaluator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An evaluator that remembers reports: states already known (evaluated here, or handed in from elsewhere, such as
 * Spark executors) are answered from memory; others go to the delegate once. Thread-safe; as deterministic as the
 * delegate.
 */
public final class MemoEvaluator implements Evaluator {
    private final Evaluator delegate;
    private final Map<DeploymentState, Map<String, Double>> known = new ConcurrentHashMap<>();

    /** Creates a memo over {@code delegate}, seeded with {@code reports} (may be empty). */
    public MemoEvaluator(Evaluator delegate, Map<DeploymentState, Map<String, Double>> reports) {
        this.delegate = delegate;
        known.putAll(reports);
    }

    @Override
    public Map<String, Double> evaluate(DeploymentState state) {
        Map<String, Double> r = known.get(state);
        if (r == null) {
            r = delegate.evaluate(state);
            Map<String, Double> raced = known.putIfAbsent(state, r);
            return raced == null ? r : raced;
        }
        return r;
    }
}
