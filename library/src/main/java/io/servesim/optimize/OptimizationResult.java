package io.servesim.optimize;

import io.servesim.metrics.Metric;
import io.servesim.spec.ReplayOptimizeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a sweep found: every evaluated state in visit order, the feasible ones ranked, the best feasible and best
 * infeasible states, the Pareto frontier and plain-word explanations. Tables use the documented column names plus
 * {@code same_as} (states with identical results, see {@link ResultGroups}). Immutable.
 */
public final class OptimizationResult {
    private final ReplayOptimizeSpec spec;
    private final List<EvaluatedState> records;
    private final List<EvaluatedState> feasibleRanked;
    private final List<EvaluatedState> infeasibleRanked;
    private final boolean exhaustive;
    private final OptimalityGap gap;
    private final double wallTimeMs;
    private final ResultGroups groups;
    private final List<String> warnings;
    private String firstSkippedLine;

    OptimizationResult(ReplayOptimizeSpec spec, List<EvaluatedState> records, boolean exhaustive, OptimalityGap gap,
                       double wallTimeMs, List<String> warnings) {
        this.spec = spec;
        this.records = List.copyOf(records);
        this.feasibleRanked = records.stream().filter(EvaluatedState::feasible).sorted(Ranking.FEASIBLE_ORDER).toList();
        this.infeasibleRanked = records.stream().filter(e -> !e.feasible()).sorted(Ranking.INFEASIBLE_ORDER).toList();
        this.exhaustive = exhaustive;
        this.gap = gap;
        this.wallTimeMs = wallTimeMs;
        this.groups = new ResultGroups(this.records);
        this.warnings = List.copyOf(warnings);
    }

    /** Returns the spec that was swept. */
    public ReplayOptimizeSpec spec() {
        return spec;
    }

    /** Returns the best feasible state, if any. */
    public Optional<EvaluatedState> bestFeasible() {
        return feasibleRanked.isEmpty() ? Optional.empty() : Optional.of(feasibleRanked.get(0));
    }

    /** Returns the least infeasible state, if any. */
    public Optional<EvaluatedState> bestInfeasible() {
        return infeasibleRanked.isEmpty() ? Optional.empty() : Optional.of(infeasibleRanked.get(0));
    }

    /** Returns every evaluated state in visit order. */
    public List<EvaluatedState> records() {
        return records;
    }

    /** Returns the feasible states, best first. */
    public List<EvaluatedState> feasibleRecords() {
        return feasibleRanked;
    }

    /**
     * Returns every evaluated state as a table, in visit order; lenient trace replays that skipped bad lines add a
     * {@code first_skipped_line} column with the first one's reason.
     */
    public Table evaluated() {
        Table t = table("evaluated", records);
        if (firstSkippedLine != null) {
            t.addColumns(StringColumn.create("first_skipped_line", records.stream().map(r -> firstSkippedLine)));
        }
        return t;
    }

    /** Returns the states whose evaluation failed, in visit order. */
    public List<EvaluatedState> failedRecords() {
        return records.stream().filter(EvaluatedState::hasFailed).toList();
    }

    /** Returns the first bad line a lenient trace replay skipped (file:line: reason), if any. */
    public Optional<String> firstSkippedLine() {
        return Optional.ofNullable(firstSkippedLine);
    }

    /** Returns a copy noting the first bad trace line a lenient replay skipped. */
    OptimizationResult withFirstSkippedLine(String reason) {
        OptimizationResult copy = new OptimizationResult(spec, records, exhaustive, gap, wallTimeMs, warnings);
        copy.firstSkippedLine = reason;
        return copy;
    }

    /** Returns the feasible states as a table, best first. */
    public Table feasible() {
        return table("feasible", feasibleRanked);
    }

    /**
     * Returns the feasible results as a table, best first, one row per group of states with identical results (the
     * first visited state of each group) and a column {@code identical_states} counting the group.
     */
    public Table feasibleGrouped() {
        List<EvaluatedState> firsts = feasibleRanked.stream().filter(e -> groups.sameAs(e).isEmpty()).toList();
        Table t = table("feasible_grouped", firsts);
        t.addColumns(tech.tablesaw.api.IntColumn.create("identical_states",
                firsts.stream().mapToInt(e -> groups.group(e).size()).toArray()));
        return t;
    }

    /** Returns the groups of states with identical results. */
    public ResultGroups groups() {
        return groups;
    }

    /** Returns warnings about the swept spec (deprecated fields, pins beyond physical capacity), one line each. */
    public List<String> warnings() {
        return warnings;
    }

    private Table table(String name, List<EvaluatedState> rows) {
        return ResultTables.of(name, rows, !spec.isDisaggregated(), spec.objective().id(), groups::sameAsLabel);
    }

    /**
     * Returns the non-dominated states (output throughput per GPU vs mean TTFT, and vs mean e2e latency) with a
     * column {@code frontier} = {@code ttft}, {@code e2e} or {@code both}.
     */
    public Table paretoFrontier() {
        List<EvaluatedState> ttft = ParetoFrontier.of(records, e -> e.metric(Metric.MEAN_TTFT_MS));
        List<EvaluatedState> e2e = ParetoFrontier.of(records, EvaluatedState::meanE2eLatencyMs);
        List<EvaluatedState> rows = new ArrayList<>();
        List<String> which = new ArrayList<>();
        for (EvaluatedState e : records) {
            boolean a = ttft.contains(e);
            boolean b = e2e.contains(e);
            if (a || b) {
                rows.add(e);
                which.add(a && b ? "both" : a ? "ttft" : "e2e");
            }
        }
        Table t = table("pareto", rows);
        t.addColumns(StringColumn.create("frontier", which));
        return t;
    }

    /** Explains in plain words why {@code state} wins or fails. */
    public String explain(EvaluatedState state) {
        return Explainer.explain(state, spec, feasibleRanked, groups);
    }

    /** Explains the evaluated record of {@code state}; fails if the sweep did not visit it. */
    public String explain(DeploymentState state) {
        return explain(records.stream().filter(e -> e.state().equals(state)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("state " + state.label() + " was not evaluated by this sweep")));
    }

    /** Returns true when this is the exhaustive baseline. */
    public boolean exhaustive() {
        return exhaustive;
    }

    /** Returns the optimality gap when the sweep was compared with the exhaustive baseline. */
    public Optional<OptimalityGap> optimalityGap() {
        return Optional.ofNullable(gap);
    }

    /** Returns the sweep's wall time in ms. */
    public double wallTimeMs() {
        return wallTimeMs;
    }

    /** Returns a copy carrying the optimality gap. */
    OptimizationResult withGap(OptimalityGap g) {
        OptimizationResult copy = new OptimizationResult(spec, records, exhaustive, g, wallTimeMs, warnings);
        copy.firstSkippedLine = firstSkippedLine;
        return copy;
    }

    @Override
    public String toString() {
        return "OptimizationResult[" + records.size() + " states evaluated, " + feasibleRanked.size() + " feasible"
                + bestFeasible().map(b -> "; best: " + b).orElse("; no feasible state") + "]";
    }
}
