package io.servesim.metrics;

/**
 * The statistics reported for every latency distribution, in report order, and the one percentile rule they use:
 * nearest rank on {@code (n-1)·p/100}.
 */
public enum Statistic {
    MEAN("mean", Double.NaN),
    MIN("min", Double.NaN),
    MAX("max", Double.NaN),
    MEDIAN("median", 50),
    P50("p50", 50),
    P75("p75", 75),
    P90("p90", 90),
    P95("p95", 95),
    P99("p99", 99),
    STD("std", Double.NaN);

    private final String prefix;
    private final double percent;

    Statistic(String prefix, double percent) {
        this.prefix = prefix;
        this.percent = percent;
    }

    /** Returns the column prefix, e.g. {@code p95}. */
    public String prefix() {
        return prefix;
    }

    /** Returns the percentile this statistic reads (NaN for mean, min, max and std). */
    public double percent() {
        return percent;
    }

    /** Returns the 0-based rank of percentile {@code p} among {@code n} sorted values (0 when {@code n} is 0). */
    public static long rank(long n, double p) {
        return n == 0 ? 0 : Math.round((n - 1) * p / 100.0);
    }
}
