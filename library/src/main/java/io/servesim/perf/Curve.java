package io.servesim.perf;

import java.util.Arrays;

/**
 * A measured latency curve y(x) (x &gt; 0 sorted ascending), interpolated linearly in log-log space. Below the first
 * point the first value holds (launch-latency floor); beyond the last the value grows as {@code (x / x_last)^exponent}
 * (1 for GEMMs and all-reduce, 2 for causal attention). Immutable; lookups do not allocate.
 */
public final class Curve {
    private final double[] logX;
    private final double[] logY;
    private final double[] x;
    private final double[] y;
    private final double exponent;

    /** Creates a curve from points sorted by {@code x} (duplicates averaged by the caller). */
    public Curve(double[] x, double[] y, double exponent) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("a curve needs matching, non-empty x and y arrays");
        }
        this.x = x.clone();
        this.y = y.clone();
        this.exponent = exponent;
        logX = Arrays.stream(x).map(Math::log).toArray();
        logY = Arrays.stream(y).map(v -> Math.log(Math.max(v, 1e-9))).toArray();
    }

    /** Returns y at {@code at}. */
    public double at(double at) {
        int n = x.length;
        if (at <= x[0]) {
            return y[0];
        }
        if (at >= x[n - 1]) {
            return y[n - 1] * Math.pow(at / x[n - 1], exponent);
        }
        int i = Arrays.binarySearch(x, at);
        if (i >= 0) {
            return y[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double t = (Math.log(at) - logX[lo]) / (logX[hi] - logX[lo]);
        return Math.exp(logY[lo] + t * (logY[hi] - logY[lo]));
    }

    /** Returns the growth exponent beyond the last point. */
    public double exponent() {
        return exponent;
    }

    /** Returns the smallest y value. */
    public double minY() {
        return Arrays.stream(y).min().orElseThrow();
    }

    /** Returns the measured x values. */
    public double[] xs() {
        return x.clone();
    }

    /** Returns the measured y values. */
    public double[] ys() {
        return y.clone();
    }
}
