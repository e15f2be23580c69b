package io.servesim.optimize;

import io.servesim.cluster.ReplayRunner;
import io.servesim.metrics.Headline;
import io.servesim.metrics.Metric;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Builds the sweep's result tables (Tablesaw) with the documented column names: topology ({@code prefill_tp,
 * decode_tp, prefill_workers, decode_workers}; aggregated sweeps add {@code tp, workers} first), routing
 * ({@code router_mode, overlap_score_credit, prefill_load_scale}), {@code total_gpus_used},
 * {@code output_throughput_tok_s}, {@code output_throughput_tok_s_per_gpu}, {@code prefix_cache_reused_ratio},
 * the mean latencies, every other replay metric, the pool figures, then {@code score, objective, feasible,
 * violation_penalty, violations, error} ({@code error}: why the state's evaluation failed, empty when it ran) and,
 * when the sweep groups identical results, {@code same_as} (the router setting of the first visited state with the
 * same topology and identical results, empty for that state itself). Replays of lenient traces add
 * {@code skipped_trace_lines}. {@code wall_time_ms} is left out so tables depend only on the spec.
 */
public final class ResultTables {
    /** Metrics placed right after the topology columns, in this order. */
    public static final List<String> HEADLINE = Headline.RESULT_TABLE.names();
    /** The name of the column saying why a state's evaluation failed (empty when it ran). */
    public static final String ERROR = "error";

    private static final List<Column> AGGREGATED_TOPOLOGY = List.of(
            Column.ofInt("tp", r -> r.state().tp()),
            Column.ofInt("workers", r -> r.state().workers()));
    private static final List<Column> DEPLOYMENT_COLUMNS = List.of(
            Column.ofInt("prefill_tp", r -> r.state().prefillTp()),
            Column.ofInt("decode_tp", r -> r.state().decodeTp()),
            Column.ofInt("prefill_workers", r -> r.state().prefillWorkers()),
            Column.ofInt("decode_workers", r -> r.state().decodeWorkers()),
            Column.ofString("router_mode", r -> r.state().router().mode().id()),
            Column.ofDouble("overlap_score_credit", r -> r.state().router().overlapScoreCredit()),
            Column.ofDouble("prefill_load_scale", r -> r.state().router().prefillLoadScale()),
            Column.ofInt("total_gpus_used", r -> r.state().totalGpusUsed()));
    private static final List<Column> VERDICT = List.of(
            Column.ofDouble("score", EvaluatedState::score),
            Column.ofBoolean("feasible", EvaluatedState::feasible),
            Column.ofDouble("violation_penalty", EvaluatedState::violationPenalty),
            Column.ofString("violations", r -> String.join(",", r.violations())),
            Column.ofString(ERROR, r -> r.hasFailed() ? r.error() : ""));

    /** A disaggregated deployment's topology, router and GPU columns, in table order. */
    public static final List<String> DEPLOYMENT = DEPLOYMENT_COLUMNS.stream().map(Column::name).toList();

    private ResultTables() {
    }

    /** Returns a table with one row per record, in the given order. */
    public static Table of(String name, List<EvaluatedState> records, boolean aggregated, String objective) {
        return of(name, records, aggregated, objective, null);
    }

    /** Returns a table with one row per record and a {@code same_as} column filled by {@code sameAs} (if not null). */
    public static Table of(String name, List<EvaluatedState> records, boolean aggregated, String objective,
                           Function<EvaluatedState, String> sameAs) {
        Table t = columns(name, records, aggregated, objective);
        if (sameAs != null) {
            t.addColumns(StringColumn.create("same_as", records.stream().map(sameAs)));
        }
        return t;
    }

    private static Table columns(String name, List<EvaluatedState> records, boolean aggregated, String objective) {
        Table t = Table.create(name);
        for (Column c : deployment(aggregated)) {
            t.addColumns(c.of(records));
        }
        t.addColumns(metric(records, Metric.OUTPUT_THROUGHPUT_TOK_S.name()),
                DoubleColumn.create(Metric.OUTPUT_THROUGHPUT_TOK_S_PER_GPU.name(),
                        records.stream().mapToDouble(EvaluatedState::outputThroughputPerGpu)));
        for (String m : HEADLINE.subList(1, HEADLINE.size())) {
            t.addColumns(metric(records, m));
        }
        for (String m : otherMetrics()) {
            t.addColumns(metric(records, m));
        }
        if (records.stream().anyMatch(r -> r.metrics().containsKey(ReplayRunner.SKIPPED_TRACE_LINES))) {
            t.addColumns(metric(records, ReplayRunner.SKIPPED_TRACE_LINES));
        }
        List<Column> verdict = new ArrayList<>(VERDICT);
        verdict.add(1, Column.ofString("objective", r -> objective));
        for (Column c : verdict) {
            t.addColumns(c.of(records));
        }
        return t;
    }

    /**
     * Returns the columns naming a record's deployment, in table order: aggregated tables start with {@code tp} and
     * {@code workers}, then the topology ({@code prefill_tp, decode_tp, prefill_workers, decode_workers}), the router
     * ({@code router_mode, overlap_score_credit, prefill_load_scale}) and {@code total_gpus_used}.
     */
    public static List<Column> deployment(boolean aggregated) {
        if (!aggregated) {
            return DEPLOYMENT_COLUMNS;
        }
        List<Column> out = new ArrayList<>(AGGREGATED_TOPOLOGY);
        out.addAll(DEPLOYMENT_COLUMNS);
        return List.copyOf(out);
    }

    /**
     * Returns the columns of a record's verdict, in table order: {@code score, feasible, violation_penalty,
     * violations, error} (tables add {@code objective} after {@code score}).
     */
    public static List<Column> verdict() {
        return VERDICT;
    }

    /**
     * Returns the headline view of {@code records}: deployment, router, GPUs, throughput per GPU, mean TTFT, TPOT and
     * e2e latency, prefix reuse, feasibility and score, with readable headers ({@link #of} has every column).
     */
    public static Table headline(String name, List<EvaluatedState> records) {
        return Table.create(name,
                StringColumn.create("deployment", records.stream().map(r -> labelPart(r, 0))),
                StringColumn.create("router", records.stream().map(r -> labelPart(r, 1))),
                IntColumn.create("GPUs", records.stream().mapToInt(r -> r.state().totalGpusUsed()).toArray()),
                DoubleColumn.create("output tok/s per GPU", records.stream().mapToDouble(EvaluatedState::outputThroughputPerGpu)),
                DoubleColumn.create("mean TTFT (ms)", records.stream().mapToDouble(r -> r.metric(Metric.MEAN_TTFT_MS))),
                DoubleColumn.create("mean TPOT (ms)", records.stream().mapToDouble(r -> r.metric(Metric.MEAN_TPOT_MS))),
                DoubleColumn.create("mean e2e (ms)", records.stream().mapToDouble(r -> r.metric(Metric.MEAN_E2E_LATENCY_MS))),
                DoubleColumn.create("prefix reuse", records.stream().mapToDouble(r -> r.metric(Metric.PREFIX_CACHE_REUSED_RATIO))),
                BooleanColumn.create("feasible", records.stream().map(EvaluatedState::feasible).toList()),
                DoubleColumn.create("score", records.stream().mapToDouble(EvaluatedState::score)));
    }

    /** Returns the columns a compact view shows: {@link #DEPLOYMENT}, the metrics of {@code headline}, the score. */
    public static List<String> shown(Headline headline) {
        List<String> out = new ArrayList<>(DEPLOYMENT);
        out.addAll(headline.names());
        out.add("score");
        return List.copyOf(out);
    }

    private static String labelPart(EvaluatedState r, int part) {
        String label = r.state().label();
        int comma = label.indexOf(", ");
        return comma < 0 ? (part == 0 ? label : "") : part == 0 ? label.substring(0, comma) : label.substring(comma + 2);
    }

    private static List<String> otherMetrics() {
        Set<String> names = new LinkedHashSet<>(Metric.names(Metric.summary()));
        names.removeAll(HEADLINE);
        names.remove(Metric.WALL_TIME_MS.name());
        List<String> out = new ArrayList<>(names);
        out.addAll(List.of(LocalEvaluator.PREFILL_BUSY, LocalEvaluator.DECODE_BUSY, LocalEvaluator.PEAK_KV,
                LocalEvaluator.PREEMPTIONS, LocalEvaluator.BUSY_IMBALANCE, ReplayRunner.SENT_REQUESTS,
                ReplayRunner.UNFINISHED_REQUESTS));
        return out;
    }

    private static DoubleColumn metric(List<EvaluatedState> records, String name) {
        return DoubleColumn.create(name, records.stream().mapToDouble(r -> r.metric(name)));
    }

    /**
     * One column of the result tables: its name, the type of its values and the value a record gives it (an
     * {@code Integer}, {@code Double}, {@code String} or {@code Boolean} by type). Immutable.
     */
    public record Column(String name, Type type, Function<EvaluatedState, Object> value) {
        /** The type of a column's values. */
        public enum Type { INT, DOUBLE, STRING, BOOLEAN }

        static Column ofInt(String name, java.util.function.ToIntFunction<EvaluatedState> f) {
            return new Column(name, Type.INT, r -> f.applyAsInt(r));
        }

        static Column ofDouble(String name, java.util.function.ToDoubleFunction<EvaluatedState> f) {
            return new Column(name, Type.DOUBLE, r -> f.applyAsDouble(r));
        }

        static Column ofString(String name, Function<EvaluatedState, String> f) {
            return new Column(name, Type.STRING, f::apply);
        }

        static Column ofBoolean(String name, java.util.function.Predicate<EvaluatedState> f) {
            return new Column(name, Type.BOOLEAN, f::test);
        }

        /** Returns the value {@code record} gives this column. */
        public Object of(EvaluatedState record) {
            return value.apply(record);
        }

        /** Returns the Tablesaw column of {@code records}' values, in order. */
        tech.tablesaw.columns.Column<?> of(List<EvaluatedState> records) {
            return switch (type) {
                case INT -> IntColumn.create(name, records.stream().mapToInt(r -> (Integer) of(r)).toArray());
                case DOUBLE -> DoubleColumn.create(name, records.stream().mapToDouble(r -> (Double) of(r)));
                case STRING -> StringColumn.create(name, records.stream().map(r -> (String) of(r)));
                case BOOLEAN -> BooleanColumn.create(name, records.stream().map(r -> (Boolean) of(r)).toList());
            };
        }
    }
}
