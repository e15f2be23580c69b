package io.servesim.optimize;

import io.servesim.spec.ReplayOptimizeSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Searches deployments for a {@link ReplayOptimizeSpec}: the budget-focused descent ({@link #optimize}) or every
 * state ({@link #exhaustive}). Evaluations run on {@code maxParallelEvals} threads; results do not depend on it.
 * Interrupting the calling thread cancels the sweep with a {@link java.util.concurrent.CancellationException}.
 * States whose evaluation fails are recorded as failed (see {@link EvaluatedState#error()}); when every state
 * failed the sweep throws an {@link IllegalArgumentException} with the first reasons.
 */
public final class ReplayOptimizer {
    private static volatile java.util.function.Supplier<ProgressListener> defaultProgress = () -> ProgressListener.NONE;

    private ReplayOptimizer() {
    }

    /**
     * Sets where {@link #optimize(ReplayOptimizeSpec)} reports progress: a host such as the notebook kernel installs a
     * supplier of live progress displays; the default reports nowhere.
     */
    public static void defaultProgress(java.util.function.Supplier<ProgressListener> listeners) {
        defaultProgress = java.util.Objects.requireNonNull(listeners);
    }

    /** Runs the descent with local evaluations, reporting to the default progress (see {@link #defaultProgress}). */
    public static OptimizationResult optimize(ReplayOptimizeSpec spec) {
        return optimize(spec, new LocalEvaluator(spec), defaultProgress.get());
    }

    /** Runs the descent with local evaluations, reporting progress. */
    public static OptimizationResult optimize(ReplayOptimizeSpec spec, ProgressListener listener) {
        return optimize(spec, new LocalEvaluator(spec), listener);
    }

    /**
     * Runs a sweep as the command line and the notebook kernel do: the descent with local evaluations and, when
     * {@code exhaustive}, also the exhaustive baseline with the descent's optimality gap ({@link #optimizeWithGap}).
     */
    public static OptimizationResult run(ReplayOptimizeSpec spec, ProgressListener listener, boolean exhaustive) {
        LocalEvaluator evaluator = new LocalEvaluator(spec);
        return exhaustive ? optimizeWithGap(spec, evaluator, listener) : optimize(spec, evaluator, listener);
    }

    /** Runs the descent with the given evaluator. */
    public static OptimizationResult optimize(ReplayOptimizeSpec spec, Evaluator evaluator, ProgressListener listener) {
        return search(spec, evaluator, listener, false);
    }

    /** Evaluates every state within budget (the baseline the descent is measured against). */
    public static OptimizationResult exhaustive(ReplayOptimizeSpec spec, Evaluator evaluator, ProgressListener listener) {
        return search(spec, evaluator, listener, true);
    }

    /** Runs the descent and the exhaustive baseline; returns the descent's result with the optimality gap. */
    public static OptimizationResult optimizeWithGap(ReplayOptimizeSpec spec, Evaluator evaluator,
                                                     ProgressListener listener) {
        OptimizationResult descent = optimize(spec, evaluator, listener);
        OptimizationResult all = exhaustive(spec, evaluator, listener);
        double d = descent.bestFeasible().or(descent::bestInfeasible).map(EvaluatedState::score).orElse(Double.NaN);
        double x = all.bestFeasible().or(all::bestInfeasible).map(EvaluatedState::score).orElse(Double.NaN);
        return descent.withGap(new OptimalityGap(d, x, descent.records().size(), all.records().size()));
    }

    private static OptimizationResult search(ReplayOptimizeSpec spec, Evaluator evaluator, ProgressListener listener,
                                             boolean exhaustive) {
        long started = System.nanoTime();
        SearchSpace space = new SearchSpace(spec);
        try (Evaluations evaluations = new Evaluations(evaluator, new Ranking(spec), spec.maxParallelEvals(),
                listener)) {
            if (exhaustive) {
                evaluations.evaluate(space.allStates());
            } else {
                BudgetDescent.run(space, evaluations);
            }
            List<EvaluatedState> all = evaluations.all();
            if (!all.isEmpty() && all.stream().allMatch(EvaluatedState::hasFailed)) {
                Map<String, List<EvaluatedState>> byReason = all.stream().collect(
                        Collectors.groupingBy(EvaluatedState::error, LinkedHashMap::new, Collectors.toList()));
                throw new IllegalArgumentException("every evaluation failed (" + all.size() + " states); first reasons: "
                        + byReason.entrySet().stream().limit(3).map(e -> e.getKey() + " (" + e.getValue().size()
                        + " states, e.g. " + e.getValue().get(0).state().label() + ")").collect(Collectors.joining("; ")));
            }
            OptimizationResult result = new OptimizationResult(spec, all, exhaustive, null,
                    (System.nanoTime() - started) / 1e6, space.warnings());
            return evaluator instanceof LocalEvaluator local && local.firstSkippedLine() != null
                    ? result.withFirstSkippedLine(local.firstSkippedLine()) : result;
        }
    }
}
