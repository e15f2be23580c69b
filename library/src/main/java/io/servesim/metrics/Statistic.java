package io.servesim.metrics;

import java.util.Locale;

/**
 * The statistics reported for every latency distribution, in report order, and the one percentile rule they use:
 * nearest rank on {@code (n-1)·p/100}.
 */
public enum Statistic {
    MEAN(Double.NaN),
    MIN(Double.NaN),
    MAX(Double.NaN),
    MEDIAN(50),
    P50(50),
    P75(75),
    P90(90),
    P95(95),
    P99(99),
    STD(Double.NaN);

    private final String prefix = name().toLowerCase(Locale.ROOT);
    private final double percent;

    Statistic(double percent) {
        this.percent = percent;
    }

    /** Returns the column prefix, e.g. {@code p95}: the constant's name in lower case. */
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
