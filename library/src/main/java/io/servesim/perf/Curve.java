package io.servesim.perf;

import java.util.Arrays;

/**
 * A measured latency curve y(x) (x &gt; 0 sorted ascending), interpolated linearly in log-log space. Below the first
 * point the first value holds (launch-latency floor); beyond the last the value grows as {@code (x / x_last)^exponent}
 * (1 for GEMMs and all-reduce, 2 for causal attention). Immutable; lookups do not allocate.
 *
 * <p>A lookup finds its interval without a binary search: the binary exponent of {@code x} (a few bit operations)
 * indexes the first point of that power-of-two octave, and the search steps on from there (measured curves hold one
 * or two points per octave). The interpolation is the same arithmetic as always, so every value is bit for bit the
 * one a binary search gives.
 */
public final class Curve {
    private final double[] logX;
    private final double[] logY;
    private final double[] x;
    private final double[] y;
    private final double exponent;
    /** The binary exponent of the first x: octave {@code e} is {@code firstInOctave[e - minExponent]}. */
    private final int minExponent;
    /**
     * By binary exponent e (from {@link #minExponent}): the index of the first x at least 2^e; null when some x is
     * not a positive finite number (such a curve is searched by bisection).
     */
    private final int[] firstInOctave;

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
        minExponent = Math.getExponent(x[0]);
        firstInOctave = x[0] > 0 && Double.isFinite(x[x.length - 1]) ? octaves(this.x, minExponent) : null;
    }

    private static int[] octaves(double[] x, int minExponent) {
        int[] first = new int[Math.getExponent(x[x.length - 1]) - minExponent + 1];
        int i = 0;
        for (int e = 0; e < first.length; e++) {
            while (i < x.length - 1 && Math.getExponent(x[i]) < minExponent + e) {
                i++;
            }
            first[e] = i;
        }
        return first;
    }

    /** Returns y at {@code at}. */
    public double at(double at) {
        int n = x.length;
        if (at <= x[0]) {
            return y[0];
        }
        if (!(at < x[n - 1])) {
            // Math.pow(r, 1.0) is r by its specification: skip the call for linear growth
            double ratio = at / x[n - 1];
            return y[n - 1] * (exponent == 1 ? ratio : Math.pow(ratio, exponent));
        }
        int hi;
        if (firstInOctave != null) {
            // x[0] < at < x[n - 1]: at's octave lies within the table, and a point at or after its first is >= at
            hi = firstInOctave[Math.getExponent(at) - minExponent];
            while (x[hi] < at) {
                hi++;
            }
            if (x[hi] == at) {
                return y[hi];
            }
        } else {
            int i = Arrays.binarySearch(x, at);
            if (i >= 0) {
                return y[i];
            }
            hi = -i - 1;
        }
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
