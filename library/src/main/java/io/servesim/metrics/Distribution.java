package io.servesim.metrics;

import java.util.Arrays;
import java.util.Map;

/**
 * Exact values of one per-request latency (a growable primitive array) summarised with the report's statistics:
 * the {@link Statistic}s (percentiles by {@link Statistic#rank}) with the population std.
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

    /** Writes the {@link Statistic}s of {@code latency} into {@code out}; all 0 when empty. */
    void summarise(Latency latency, Map<String, Double> out) {
        summary().writeTo(s -> Metric.of(s, latency), out);
    }

    /** Returns the statistics of the values so far; all 0 when empty. */
    Summary summary() {
        double[] sorted = Arrays.copyOf(values, size);
        DoubleSort.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        double mean = size == 0 ? 0 : sum / size;
        double sq = 0;
        for (double v : sorted) {
            sq += (v - mean) * (v - mean);
        }
        return new Summary(mean, size == 0 ? 0 : sorted[0], size == 0 ? 0 : sorted[size - 1],
                p -> percentile(sorted, p), size == 0 ? 0 : Math.sqrt(sq / size));
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Statistic.rank(sorted.length, p);
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
