package io.servesim.study;

import io.servesim.metrics.Metric;
import io.servesim.optimize.OptimalityGap;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Builds the {@code cells} table: one row per cell in cell order, the axis columns (integer or number columns when
 * every value of the axis is one, text otherwise), then {@link StudyColumns#CELLS}. Gap columns are NaN for descent
 * cells.
 */
final class CellsTable {
    private CellsTable() {
    }

    static Table of(StudySpec study, Collection<CellSummary> summaries) {
        List<CellSummary> rows = summaries.stream().sorted(java.util.Comparator.comparingInt(CellSummary::cell)).toList();
        Table t = Table.create("cells");
        t.addColumns(ints(StudyColumns.CELL, rows, CellSummary::cell));
        for (int a = 0; a < study.axes().size(); a++) {
            t.addColumns(axisColumn(study.axes().get(a), a, rows));
        }
        t.addColumns(strings("search", rows, s -> s.search().id()), strings("objective", rows, CellSummary::objective),
                ints("states_evaluated", rows, CellSummary::statesEvaluated),
                ints("states_feasible", rows, CellSummary::statesFeasible),
                BooleanColumn.create("feasible", rows.stream().map(s -> s.best().feasible()).toList()),
                ints("prefill_tp", rows, s -> s.best().prefillTp()), ints("decode_tp", rows, s -> s.best().decodeTp()),
                ints("prefill_workers", rows, s -> s.best().prefillWorkers()),
                ints("decode_workers", rows, s -> s.best().decodeWorkers()),
                strings("router_mode", rows, s -> s.best().routerMode()),
                doubles("overlap_score_credit", rows, s -> s.best().overlapScoreCredit()),
                doubles("prefill_load_scale", rows, s -> s.best().prefillLoadScale()),
                ints("total_gpus_used", rows, s -> s.best().totalGpusUsed()),
                doubles(Metric.OUTPUT_THROUGHPUT_TOK_S.name(), rows, s -> s.best().outputThroughputTokS()),
                doubles(Metric.OUTPUT_THROUGHPUT_TOK_S_PER_GPU.name(), rows,
                        s -> s.best().outputThroughputTokSPerGpu()),
                doubles(Metric.MEAN_TTFT_MS.name(), rows, s -> s.best().meanTtftMs()),
                doubles(Metric.MEAN_TPOT_MS.name(), rows, s -> s.best().meanTpotMs()),
                doubles(Metric.MEAN_E2E_LATENCY_MS.name(), rows, s -> s.best().meanE2eLatencyMs()),
                doubles(Metric.P95_TTFT_MS.name(), rows, s -> s.best().p95TtftMs()),
                doubles(Metric.P95_TPOT_MS.name(), rows, s -> s.best().p95TpotMs()),
                doubles(Metric.PREFIX_CACHE_REUSED_RATIO.name(), rows, s -> s.best().prefixCacheReusedRatio()),
                doubles("score", rows, s -> s.best().score()),
                strings("violations", rows, s -> String.join(",", s.best().violations())),
                doubles("descent_best_score", rows, s -> gap(s, OptimalityGap::descentBestScore)),
                doubles("exhaustive_best_score", rows, s -> gap(s, OptimalityGap::exhaustiveBestScore)),
                doubles("optimality_gap", rows, s -> gap(s, OptimalityGap::relativeGap)),
                ints("descent_evaluations", rows, s -> s.gap() == null ? 0 : s.gap().descentEvaluations()));
        return t;
    }

    private static Column<?> axisColumn(StudyAxis axis, int a, List<CellSummary> rows) {
        boolean ints = axis.values().stream().allMatch(v -> v instanceof Integer || v instanceof Long);
        boolean numbers = axis.values().stream().allMatch(v -> v instanceof Number);
        Function<CellSummary, Number> value = s -> (Number) axis.values().get(axis.labels().indexOf(s.labels().get(a)));
        if (ints) {
            return ints(axis.name(), rows, s -> value.apply(s).intValue());
        }
        if (numbers) {
            return doubles(axis.name(), rows, s -> value.apply(s).doubleValue());
        }
        return strings(axis.name(), rows, s -> s.labels().get(a));
    }

    private static double gap(CellSummary s, ToDoubleFunction<OptimalityGap> f) {
        return s.gap() == null ? Double.NaN : f.applyAsDouble(s.gap());
    }

    private static IntColumn ints(String name, List<CellSummary> rows, ToIntFunction<CellSummary> f) {
        return IntColumn.create(name, rows.stream().mapToInt(f).toArray());
    }

    private static DoubleColumn doubles(String name, List<CellSummary> rows, ToDoubleFunction<CellSummary> f) {
        return DoubleColumn.create(name, rows.stream().mapToDouble(f).toArray());
    }

    private static StringColumn strings(String name, List<CellSummary> rows, Function<CellSummary, String> f) {
        return StringColumn.create(name, rows.stream().map(f).toList());
    }
}
