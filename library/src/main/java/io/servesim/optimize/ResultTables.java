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
    /** A disaggregated deployment's topology, router and GPU columns, in table order. */
    public static final List<String> DEPLOYMENT = List.of("prefill_tp", "decode_tp", "prefill_workers",
            "decode_workers", "router_mode", "overlap_score_credit", "prefill_load_scale", "total_gpus_used");

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
        if (aggregated) {
            t.addColumns(IntColumn.create("tp", records.stream().mapToInt(r -> r.state().tp()).toArray()),
                    IntColumn.create("workers", records.stream().mapToInt(r -> r.state().workers()).toArray()));
        }
        t.addColumns(
                IntColumn.create("prefill_tp", records.stream().mapToInt(r -> r.state().prefillTp()).toArray()),
                IntColumn.create("decode_tp", records.stream().mapToInt(r -> r.state().decodeTp()).toArray()),
                IntColumn.create("prefill_workers", records.stream().mapToInt(r -> r.state().prefillWorkers()).toArray()),
                IntColumn.create("decode_workers", records.stream().mapToInt(r -> r.state().decodeWorkers()).toArray()),
                StringColumn.create("router_mode", records.stream().map(r -> r.state().router().mode().id())),
                DoubleColumn.create("overlap_score_credit",
                        records.stream().mapToDouble(r -> r.state().router().overlapScoreCredit())),
                DoubleColumn.create("prefill_load_scale",
                        records.stream().mapToDouble(r -> r.state().router().prefillLoadScale())),
                IntColumn.create("total_gpus_used", records.stream().mapToInt(r -> r.state().totalGpusUsed()).toArray()));
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
        t.addColumns(DoubleColumn.create("score", records.stream().mapToDouble(EvaluatedState::score)),
                StringColumn.create("objective", records.stream().map(r -> objective)),
                BooleanColumn.create("feasible", records.stream().map(EvaluatedState::feasible).toList()),
                DoubleColumn.create("violation_penalty", records.stream().mapToDouble(EvaluatedState::violationPenalty)),
                StringColumn.create("violations", records.stream().map(r -> String.join(",", r.violations()))),
                StringColumn.create("error", records.stream().map(r -> r.hasFailed() ? r.error() : "")));
        return t;
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
}
