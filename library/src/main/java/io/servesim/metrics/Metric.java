package io.servesim.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One figure a run reports, and the catalogue of all of them: the one place a metric's column name, unit and meaning
 * are spelled. {@link #summary()} lists a run's summary in report order (users' scripts depend on the names and the
 * order); the other constants are figures added around the summary (pool figures, trace counts, per-GPU throughput).
 * {@link Headline} groups the metrics each view shows first. Immutable.
 */
public record Metric(String name, String unit, String description) {
    private static final Map<String, Metric> BY_NAME = new LinkedHashMap<>();
    private static final List<Metric> SUMMARY = new ArrayList<>();
    private static final String PER_USER = "_output_token_throughput_per_user";

    public static final Metric NUM_REQUESTS = reported("num_requests", "requests that entered the cluster");
    public static final Metric COMPLETED_REQUESTS = reported("completed_requests", "requests that completed");
    public static final Metric TOTAL_INPUT_TOKENS = reported("total_input_tokens",
            "prompt tokens of completed requests");
    public static final Metric TOTAL_REUSED_INPUT_TOKENS = reported("total_reused_input_tokens",
            "prompt tokens served from the prefix cache");
    public static final Metric TOTAL_OUTPUT_TOKENS = reported("total_output_tokens", "generated tokens");
    public static final Metric DURATION_MS = reported("duration_ms", "makespan: the latest last token");
    public static final Metric WALL_TIME_MS = reported("wall_time_ms", "host time the simulation took");
    public static final Metric REQUEST_THROUGHPUT_RPS = reported("request_throughput_rps",
            "completed requests per second");
    public static final Metric INPUT_THROUGHPUT_TOK_S = reported("input_throughput_tok_s", "prompt tokens per second");
    public static final Metric OUTPUT_THROUGHPUT_TOK_S = reported("output_throughput_tok_s",
            "generated tokens per second");
    public static final Metric TOTAL_THROUGHPUT_TOK_S = reported("total_throughput_tok_s",
            "prompt and generated tokens per second");
    public static final Metric PREFIX_CACHE_REUSED_RATIO = reported("prefix_cache_reused_ratio",
            "share of prompt tokens served from the prefix cache");

    static {
        for (Latency l : List.of(Latency.TTFT, Latency.TTST, Latency.TPOT, Latency.ITL, Latency.E2E_LATENCY)) {
            for (Statistic s : Statistic.values()) {
                reported(column(s, l), s.prefix() + " " + l.description());
            }
        }
        for (Statistic s : Statistic.values()) {
            reported(s.prefix() + PER_USER, s.prefix() + " tokens per second one user sees");
        }
    }

    public static final Metric MEAN_TTFT_MS = of(Statistic.MEAN, Latency.TTFT);
    public static final Metric P50_TTFT_MS = of(Statistic.P50, Latency.TTFT);
    public static final Metric P95_TTFT_MS = of(Statistic.P95, Latency.TTFT);
    public static final Metric P99_TTFT_MS = of(Statistic.P99, Latency.TTFT);
    public static final Metric MEAN_TPOT_MS = of(Statistic.MEAN, Latency.TPOT);
    public static final Metric P95_TPOT_MS = of(Statistic.P95, Latency.TPOT);
    public static final Metric MEAN_ITL_MS = of(Statistic.MEAN, Latency.ITL);
    public static final Metric MEAN_E2E_LATENCY_MS = of(Statistic.MEAN, Latency.E2E_LATENCY);
    public static final Metric P95_E2E_LATENCY_MS = of(Statistic.P95, Latency.E2E_LATENCY);
    public static final Metric P99_E2E_LATENCY_MS = of(Statistic.P99, Latency.E2E_LATENCY);
    /** Time requests waited in the router's queue before being routed (all routers of the run together). */
    public static final Metric MEAN_ROUTER_QUEUE_MS = reported(column(Statistic.MEAN, Latency.ROUTER_QUEUE),
            "mean " + Latency.ROUTER_QUEUE.description());
    public static final Metric P95_ROUTER_QUEUE_MS = reported(column(Statistic.P95, Latency.ROUTER_QUEUE),
            "p95 " + Latency.ROUTER_QUEUE.description());

    /** Present only when the workload has a warm-up: completed requests left out of every other figure. */
    public static final Metric WARMUP_REQUESTS = added("warmup_requests", "completed requests left out as warm-up");
    public static final Metric SENT_REQUESTS = added("sent_requests", "requests the workload sent");
    public static final Metric UNFINISHED_REQUESTS = added("unfinished_requests",
            "requests sent that did not complete");
    public static final Metric SKIPPED_TRACE_LINES = added("skipped_trace_lines", "trace lines a lenient read skipped");
    public static final Metric OUTPUT_THROUGHPUT_TOK_S_PER_GPU = added("output_throughput_tok_s_per_gpu",
            "generated tokens per second per GPU used");
    public static final Metric PREFILL_BUSY_FRACTION = added("prefill_busy_fraction",
            "share of the makespan prefill workers were busy");
    public static final Metric DECODE_BUSY_FRACTION = added("decode_busy_fraction",
            "share of the makespan decode workers were busy");
    public static final Metric PEAK_KV_OCCUPANCY = added("peak_kv_occupancy", "highest KV-cache occupancy of a worker");
    public static final Metric PREEMPTIONS = added("preemptions", "sequences preempted for lack of KV blocks");
    public static final Metric BUSY_IMBALANCE = added("busy_imbalance", "spread of busy time across workers");

    private static final List<Metric> SUMMARY_VIEW = Collections.unmodifiableList(SUMMARY);

    public Metric {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("metric name (" + name + ") should not be blank");
        }
    }

    /** Returns every summary metric of a run, in report order. */
    public static List<Metric> summary() {
        return SUMMARY_VIEW;
    }

    /** Returns the metric {@code s} of latency {@code l}, e.g. {@code p95_ttft_ms}. */
    public static Metric of(Statistic s, Latency l) {
        return named(column(s, l)).orElseThrow(() -> new IllegalArgumentException(
                "metric " + column(s, l) + " is not reported"));
    }

    /** Returns statistic {@code s} of the per-user token rate, e.g. {@code p95_output_token_throughput_per_user}. */
    public static Metric perUser(Statistic s) {
        return BY_NAME.get(s.prefix() + PER_USER);
    }

    /** Returns the catalogued metric called {@code name}, if any. */
    public static Optional<Metric> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Returns the names of {@code metrics}, in order. */
    public static List<String> names(List<Metric> metrics) {
        return metrics.stream().map(Metric::name).toList();
    }

    /** Returns the headline views that show this metric. */
    public Set<Headline> headlines() {
        Set<Headline> out = EnumSet.noneOf(Headline.class);
        for (Headline h : Headline.values()) {
            if (h.metrics().contains(this)) {
                out.add(h);
            }
        }
        return out;
    }

    /** Returns the unit a column name implies ({@code ms}, {@code tok/s}, {@code fraction}, ...), or "". */
    public static String unitOf(String column) {
        if (column.endsWith("_tok_s_per_gpu")) {
            return "tok/s/GPU";
        }
        if (column.endsWith("_tok_s")) {
            return "tok/s";
        }
        if (column.endsWith("_ms")) {
            return "ms";
        }
        if (column.endsWith("_rps")) {
            return "req/s";
        }
        if (column.endsWith("_ratio") || column.endsWith("_fraction") || column.endsWith("_occupancy")) {
            return "fraction";
        }
        if (column.endsWith("_per_user")) {
            return "tok/s";
        }
        return "";
    }

    private static String column(Statistic s, Latency l) {
        return s.prefix() + "_" + l.id() + "_ms";
    }

    private static Metric reported(String name, String description) {
        Metric m = added(name, description);
        SUMMARY.add(m);
        return m;
    }

    private static Metric added(String name, String description) {
        Metric m = new Metric(name, unitOf(name), description);
        if (BY_NAME.putIfAbsent(name, m) != null) {
            throw new IllegalStateException("metric " + name + " is catalogued twice");
        }
        return m;
    }
}
