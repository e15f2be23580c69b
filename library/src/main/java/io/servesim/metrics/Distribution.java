package io.servesim.metrics;

import java.util.Arrays;
import java.util.Map;

/**
 * Exact values of one per-request latency (a growable primitive array) summarised with the report's statistics:
 * mean, min, max, median/p50, p75, p90, p95, p99 (nearest rank on {@code (n-1)·p/100}) and population std.
 */
final class Distribution {
    private double[] values = new double[1024];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    /** Writes {@code <stat>_<name>_ms} entries into {@code out}; all 0 when empty. */
    void summarise(String name, Map<String, Double> out) {
        double[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        double mean = size == 0 ? 0 : sum / size;
        double sq = 0;
        for (double v : sorted) {
            sq += (v - mean) * (v - mean);
        }
        out.put(MetricNames.of("mean", name), mean);
        out.put(MetricNames.of("min", name), size == 0 ? 0 : sorted[0]);
        out.put(MetricNames.of("max", name), size == 0 ? 0 : sorted[size - 1]);
        out.put(MetricNames.of("median", name), percentile(sorted, 50));
        out.put(MetricNames.of("p50", name), percentile(sorted, 50));
        out.put(MetricNames.of("p75", name), percentile(sorted, 75));
        out.put(MetricNames.of("p90", name), percentile(sorted, 90));
        out.put(MetricNames.of("p95", name), percentile(sorted, 95));
        out.put(MetricNames.of("p99", name), percentile(sorted, 99));
        out.put(MetricNames.of("std", name), size == 0 ? 0 : Math.sqrt(sq / size));
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.round((sorted.length - 1) * p / 100.0);
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
