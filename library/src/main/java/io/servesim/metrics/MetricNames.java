package io.servesim.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The report column names of a run's summary, in report order (users' scripts depend on them). Distributions
 * {@code ttft, ttst, tpot, itl, e2e_latency} have {@code mean_, min_, max_, median_, p50_, p75_, p90_, p95_, p99_,
 * std_} variants with an {@code _ms} suffix.
 */
public final class MetricNames {
    public static final String NUM_REQUESTS = "num_requests";
    public static final String COMPLETED_REQUESTS = "completed_requests";
    public static final String TOTAL_INPUT_TOKENS = "total_input_tokens";
    public static final String TOTAL_REUSED_INPUT_TOKENS = "total_reused_input_tokens";
    public static final String TOTAL_OUTPUT_TOKENS = "total_output_tokens";
    public static final String DURATION_MS = "duration_ms";
    public static final String WALL_TIME_MS = "wall_time_ms";
    public static final String REQUEST_THROUGHPUT_RPS = "request_throughput_rps";
    public static final String INPUT_THROUGHPUT_TOK_S = "input_throughput_tok_s";
    public static final String OUTPUT_THROUGHPUT_TOK_S = "output_throughput_tok_s";
    public static final String TOTAL_THROUGHPUT_TOK_S = "total_throughput_tok_s";
    public static final String PREFIX_CACHE_REUSED_RATIO = "prefix_cache_reused_ratio";
    /** Present only when the workload has a warm-up: completed requests left out of every other figure. */
    public static final String WARMUP_REQUESTS = "warmup_requests";
    public static final String MEAN_TTFT_MS = "mean_ttft_ms";
    public static final String MEAN_TPOT_MS = "mean_tpot_ms";
    public static final String MEAN_E2E_LATENCY_MS = "mean_e2e_latency_ms";
    public static final String P95_TTFT_MS = "p95_ttft_ms";
    public static final String P95_TPOT_MS = "p95_tpot_ms";
    public static final String P95_E2E_LATENCY_MS = "p95_e2e_latency_ms";
    /** Time requests waited in the router's queue before being routed (all routers of the run together). */
    public static final String MEAN_ROUTER_QUEUE_MS = "mean_router_queue_ms";
    public static final String P95_ROUTER_QUEUE_MS = "p95_router_queue_ms";

    /** Distributions reported with statistic prefixes. */
    public static final List<String> DISTRIBUTIONS = List.of("ttft", "ttst", "tpot", "itl", "e2e_latency");
    /** Statistic prefixes of each distribution. */
    public static final List<String> STATISTICS = List.of("mean", "min", "max", "median", "p50", "p75", "p90", "p95",
            "p99", "std");

    private static final List<String> ALL = build();

    private MetricNames() {
    }

    /** Returns every summary column in report order. */
    public static List<String> all() {
        return ALL;
    }

    /** Returns the column for {@code statistic} of {@code distribution}, e.g. {@code p95} + {@code ttft}. */
    public static String of(String statistic, String distribution) {
        return statistic + "_" + distribution + "_ms";
    }

    private static List<String> build() {
        List<String> names = new ArrayList<>(List.of(NUM_REQUESTS, COMPLETED_REQUESTS, TOTAL_INPUT_TOKENS,
                TOTAL_REUSED_INPUT_TOKENS, TOTAL_OUTPUT_TOKENS, DURATION_MS, WALL_TIME_MS, REQUEST_THROUGHPUT_RPS,
                INPUT_THROUGHPUT_TOK_S, OUTPUT_THROUGHPUT_TOK_S, TOTAL_THROUGHPUT_TOK_S, PREFIX_CACHE_REUSED_RATIO));
        for (String d : DISTRIBUTIONS) {
            for (String s : STATISTICS) {
                names.add(of(s, d));
            }
        }
        names.add("max_itl_ms");
        for (String s : STATISTICS) {
            names.add(s + "_output_token_throughput_per_user");
        }
        names.add(MEAN_ROUTER_QUEUE_MS);
        names.add(P95_ROUTER_QUEUE_MS);
        return Collections.unmodifiableList(names);
    }
}
