package io.servesim.metrics;

import java.util.List;

/** The metrics each view shows first, in the order it shows them; one list per view. */
public enum Headline {
    /** Result tables: right after the topology columns. */
    RESULT_TABLE(Metric.OUTPUT_THROUGHPUT_TOK_S, Metric.PREFIX_CACHE_REUSED_RATIO, Metric.MEAN_TTFT_MS,
            Metric.MEAN_TPOT_MS, Metric.MEAN_E2E_LATENCY_MS),
    /** The sweep command's table of feasible states. */
    SWEEP(Metric.OUTPUT_THROUGHPUT_TOK_S, Metric.MEAN_TTFT_MS, Metric.MEAN_TPOT_MS, Metric.MEAN_E2E_LATENCY_MS,
            Metric.PREFIX_CACHE_REUSED_RATIO),
    /** The study command's table of best states per cell. */
    STUDY(Metric.OUTPUT_THROUGHPUT_TOK_S, Metric.OUTPUT_THROUGHPUT_TOK_S_PER_GPU, Metric.MEAN_TTFT_MS,
            Metric.MEAN_E2E_LATENCY_MS),
    /** The study's cells table: the best state of each cell. */
    STUDY_CELLS(Metric.OUTPUT_THROUGHPUT_TOK_S, Metric.OUTPUT_THROUGHPUT_TOK_S_PER_GPU, Metric.MEAN_TTFT_MS,
            Metric.MEAN_TPOT_MS, Metric.MEAN_E2E_LATENCY_MS, Metric.P95_TTFT_MS, Metric.P95_TPOT_MS,
            Metric.PREFIX_CACHE_REUSED_RATIO),
    /** The notebook's text rendering of a sweep result. */
    NOTEBOOK(Metric.OUTPUT_THROUGHPUT_TOK_S, Metric.MEAN_TTFT_MS, Metric.MEAN_E2E_LATENCY_MS),
    /** The replay command's printout. */
    REPLAY(Metric.SENT_REQUESTS, Metric.COMPLETED_REQUESTS, Metric.UNFINISHED_REQUESTS, Metric.DURATION_MS,
            Metric.REQUEST_THROUGHPUT_RPS, Metric.OUTPUT_THROUGHPUT_TOK_S, Metric.TOTAL_THROUGHPUT_TOK_S,
            Metric.PREFIX_CACHE_REUSED_RATIO, Metric.MEAN_TTFT_MS, Metric.P50_TTFT_MS, Metric.P95_TTFT_MS,
            Metric.P99_TTFT_MS, Metric.MEAN_TPOT_MS, Metric.P95_TPOT_MS, Metric.MEAN_ITL_MS,
            Metric.MEAN_E2E_LATENCY_MS, Metric.P95_E2E_LATENCY_MS, Metric.P99_E2E_LATENCY_MS),
    /** A run's card (HTML report, notebook). */
    CARD(Metric.COMPLETED_REQUESTS, Metric.DURATION_MS, Metric.REQUEST_THROUGHPUT_RPS, Metric.OUTPUT_THROUGHPUT_TOK_S,
            Metric.PREFIX_CACHE_REUSED_RATIO, Metric.MEAN_TTFT_MS, Metric.P95_TTFT_MS, Metric.MEAN_TPOT_MS,
            Metric.P95_TPOT_MS, Metric.MEAN_E2E_LATENCY_MS, Metric.P95_E2E_LATENCY_MS);

    private final List<Metric> metrics;

    Headline(Metric... metrics) {
        this.metrics = List.of(metrics);
    }

    /** Returns its metrics in display order. */
    public List<Metric> metrics() {
        return metrics;
    }

    /** Returns its metrics' column names in display order. */
    public List<String> names() {
        return Metric.names(metrics);
    }
}
