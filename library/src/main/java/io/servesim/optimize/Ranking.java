package io.servesim.optimize;

import io.servesim.cluster.ReplayRunner;
import io.servesim.spec.Defaults;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.SlaSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges a run against the spec and orders states. Score = the objective (higher is better); feasible = no SLA bound
 * exceeded and within the GPU budget; violation penalty = Σ max(value / bound − 1, 0) over the SLA bounds, + 1 when
 * over budget, + the unfinished fraction when some requests sent did not complete (such runs are infeasible).
 * Feasible states rank by (score desc, output throughput desc, mean e2e asc, GPUs used asc);
 * infeasible ones by (penalty asc, output throughput desc, mean e2e asc). Ties keep visit order.
 */
public final class Ranking {
    /** The order of feasible states, best first. */
    public static final Comparator<EvaluatedState> FEASIBLE_ORDER = Comparator
            .comparingDouble(EvaluatedState::score).reversed()
            .thenComparing(Comparator.comparingDouble(EvaluatedState::outputThroughput).reversed())
            .thenComparingDouble(EvaluatedState::meanE2eLatencyMs)
            .thenComparingInt(e -> e.state().totalGpusUsed());

    /** The order of infeasible states, least bad first. */
    public static final Comparator<EvaluatedState> INFEASIBLE_ORDER = Comparator
            .comparingDouble(EvaluatedState::violationPenalty)
            .thenComparing(Comparator.comparingDouble(EvaluatedState::outputThroughput).reversed())
            .thenComparingDouble(EvaluatedState::meanE2eLatencyMs);

    private final ReplayOptimizeSpec spec;

    /** Creates the ranking of {@code spec}'s objective, SLA and budget. */
    public Ranking(ReplayOptimizeSpec spec) {
        this.spec = spec;
    }

    /** Returns the verdict on {@code state} given its report. */
    public EvaluatedState judge(DeploymentState state, Map<String, Double> metrics) {
        SlaSpec sla = spec.sla();
        double penalty = 0;
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Double> bound : sla.activeBounds().entrySet()) {
            Double v = metrics.get(bound.getKey());
            double value = v == null ? Double.NaN : v;
            double excess = Double.isNaN(value) ? Double.POSITIVE_INFINITY : Math.max(value / bound.getValue() - 1, 0);
            if (excess > 0) {
                violations.add(bound.getKey());
            }
            penalty += excess;
        }
        Double unfinished = metrics.get(ReplayRunner.UNFINISHED_REQUESTS);
        if (unfinished != null && unfinished > 0) {
            // a run that left requests unserved is not a deployment anyone can use, whatever its latencies say
            violations.add(ReplayRunner.UNFINISHED_REQUESTS);
            Double sent = metrics.get(ReplayRunner.SENT_REQUESTS);
            penalty += sent == null || sent <= 0 ? 1 : unfinished / sent;
        }
        boolean overBudget = state.totalGpusUsed() > spec.hardware().totalGpus();
        if (overBudget) {
            violations.add("total_gpus_used");
        }
        boolean feasible = penalty == 0 && !overBudget;
        double score = spec.objective().score(k -> {
            Double v = metrics.get(k);
            return v == null ? Double.NaN : v;
        });
        return new EvaluatedState(state, metrics, score, feasible, penalty + (overBudget ? Defaults.OVER_BUDGET_PENALTY : 0.0),
                List.copyOf(violations));
    }

    /** Returns the best of {@code records}: the best feasible one if any, else the least infeasible; first wins ties. */
    public static Optional<EvaluatedState> best(List<EvaluatedState> records) {
        EvaluatedState best = null;
        for (EvaluatedState e : records) {
            if (beats(e, best)) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Returns true when {@code candidate} ranks strictly before {@code incumbent} (null: nothing yet): feasible before
     * infeasible, then {@link #FEASIBLE_ORDER} or {@link #INFEASIBLE_ORDER}. Ties keep the incumbent.
     */
    public static boolean beats(EvaluatedState candidate, EvaluatedState incumbent) {
        if (incumbent == null) {
            return true;
        }
        if (candidate.feasible() != incumbent.feasible()) {
            return candidate.feasible();
        }
        return (candidate.feasible() ? FEASIBLE_ORDER : INFEASIBLE_ORDER).compare(candidate, incumbent) < 0;
    }
}
