package io.servesim.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one replay run: the summary metrics keyed by report column name ({@code mean_ttft_ms},
 * {@code output_throughput_tok_s}, ...; see {@link Metric}), per-worker statistics, and optionally one record
 * per request. Immutable.
 */
public final class ReplayMetrics {
    private final Map<String, Double> summary;
    private final List<WorkerStats> workers;
    private final List<RequestRecord> requests;

    /** Creates metrics from an ordered summary map, per-worker stats and (possibly empty) request records. */
    public ReplayMetrics(Map<String, Double> summary, List<WorkerStats> workers, List<RequestRecord> requests) {
        this.summary = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(summary, "summary")));
        this.workers = List.copyOf(workers);
        this.requests = List.copyOf(requests);
    }

    /** Returns the metric named {@code column}, or NaN when this run has no such metric. */
    public double get(String column) {
        Double v = summary.get(column);
        return v == null ? Double.NaN : v;
    }

    /** Returns every summary metric in report order. */
    public Map<String, Double> summary() {
        return summary;
    }

    /** Returns per-worker statistics, prefill workers first. */
    public List<WorkerStats> workers() {
        return workers;
    }

    /** Returns one record per completed request, in completion order (empty unless the run recorded them). */
    public List<RequestRecord> requests() {
        return requests;
    }

    @Override
    public String toString() {
        return "ReplayMetrics" + summary;
    }
}
