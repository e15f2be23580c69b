package io.servesim.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Curve lookups: the octave-indexed interval search gives bit for bit what a binary search over the points with the
 * same log-log interpolation gives, on the measured tables and on random curves, at the points, between and beyond.
 */
class CurveTest {

    /** The lookup as it was computed with a binary search (the reference for bit-identity). */
    private static double bisected(double[] x, double[] y, double exponent, double at) {
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
        double logLo = Math.log(x[lo]);
        double t = (Math.log(at) - logLo) / (Math.log(x[hi]) - logLo);
        double yLo = Math.log(Math.max(y[lo], 1e-9));
        return Math.exp(yLo + t * (Math.log(Math.max(y[hi], 1e-9)) - yLo));
    }

    private static void assertSameAsBisection(double[] x, double[] y, double exponent, double at) {
        double got = new Curve(x, y, exponent).at(at);
        assertThat(Double.doubleToRawLongBits(got))
                .as("at(%s) on x=%s", at, Arrays.toString(x))
                .isEqualTo(Double.doubleToRawLongBits(bisected(x, y, exponent, at)));
    }

    @Property(tries = 300)
    void randomCurvesMatchTheBinarySearchBitForBit(@ForAll @IntRange(min = 1, max = 40) int points,
                                                   @ForAll @DoubleRange(min = -14, max = 14) double logFirst,
                                                   @ForAll @DoubleRange(min = 1.01, max = 40) double maxStep,
                                                   @ForAll @IntRange(min = 1, max = 2) int exponent,
                                                   @ForAll long seed) {
        Random r = new Random(seed);
        TreeSet<Double> xs = new TreeSet<>();
        double v = Math.exp(logFirst);
        while (xs.size() < points) {
            xs.add(v);
            v *= 1 + r.nextDouble() * (maxStep - 1) + 1e-12;
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextDouble() < 0.05 ? 0 : Math.exp(r.nextGaussian() * 3);
        }
        Curve c = new Curve(x, y, exponent);
        for (int k = 0; k < 200; k++) {
            double at = switch (k % 4) {
                case 0 -> x[r.nextInt(x.length)];
                case 1 -> Math.nextUp(x[r.nextInt(x.length)]);
                case 2 -> Math.nextDown(x[r.nextInt(x.length)]);
                default -> x[0] / 2 + r.nextDouble() * (x[x.length - 1] * 1.5 - x[0] / 2);
            };
            assertThat(Double.doubleToRawLongBits(c.at(at))).as("at(%s)", at)
                    .isEqualTo(Double.doubleToRawLongBits(bisected(x, y, exponent, at)));
        }
    }

    @Test
    void pointsOnPowersOfTwoAndInsideOneOctaveMatch() {
        double[] x = {2, 4, 8, 16, 32768, 32769, 40000, 65535, 65536, 131072};
        double[] y = {0.01, 0.011, 0.012, 0.02, 0.5, 0.51, 0.6, 0.8, 0.81, 1.7};
        for (double at : new double[] {1, 2, 3, 4, 5, 15.999, 16, 17, 32767.5, 32768, 32768.5, 32769, 39999.9, 40000,
                65535, 65535.5, 65536, 100000, 131071.9, 131072, 131073, 1e9}) {
            assertSameAsBisection(x, y, 1, at);
            assertSameAsBisection(x, y, 2, at);
        }
    }

    @Test
    void nonPositivePointsFallBackToBisection() {
        double[] x = {0, 0.5, 3, 10};
        double[] y = {1, 2, 3, 4};
        for (double at : new double[] {-1, 0, 0.25, 0.5, 1, 3, 7, 10, 20}) {
            assertSameAsBisection(x, y, 2, at);
        }
    }

    @Test
    void measuredTablesMatchAtEveryIntegerUpToTwiceTheirLastPoint() {
        PerfTables tables = TableTransfer.tablesFor(GpuSkus.of("h200_sxm")).orElseThrow();
        var layouts = tables.headLayouts(false);
        assertThat(layouts).isNotEmpty();
        for (int[] l : layouts) {
            Curve context = tables.contextAttention(l[0], l[1], false);
            double[] x = context.xs();
            double[] y = context.ys();
            for (int n = 1; n <= 2 * x[x.length - 1]; n++) {
                assertThat(context.at(n)).isEqualTo(bisected(x, y, context.exponent(), n));
            }
            for (Curve g : tables.generationAttention(l[0], l[1], false).values()) {
                double[] gx = g.xs();
                double[] gy = g.ys();
                for (int b = 1; b <= 2048; b++) {
                    assertThat(g.at(b)).isEqualTo(bisected(gx, gy, g.exponent(), b));
                }
            }
        }
    }
}
