package io.servesim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The radix sort puts doubles in exactly the order of {@link Arrays#sort(double[])}, bit for bit. */
class DoubleSortTest {

    private static void assertSortsLikeArraysSort(double[] values) {
        double[] expected = values.clone();
        Arrays.sort(expected);
        double[] got = values.clone();
        DoubleSort.sort(got);
        long[] expectedBits = Arrays.stream(expected).mapToLong(Double::doubleToRawLongBits).toArray();
        long[] gotBits = Arrays.stream(got).mapToLong(Double::doubleToRawLongBits).toArray();
        assertThat(gotBits).containsExactly(expectedBits);
    }

    @Property(tries = 200)
    void sortsLikeArraysSort(@ForAll @IntRange(min = 0, max = 6000) int n, @ForAll @IntRange(min = 0, max = 5) int kind,
                             @ForAll long seed) {
        Random r = new Random(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = switch (kind) {
                case 0 -> r.nextDouble() * 1e6; // latencies
                case 1 -> Math.exp(r.nextGaussian() * 5); // many magnitudes
                case 2 -> r.nextInt(20) * 0.5; // many duplicates and zeros
                case 3 -> r.nextGaussian() * 1e3; // negatives
                case 4 -> new double[] {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, 1}[r.nextInt(8)];
                default -> 42; // all equal
            };
        }
        assertSortsLikeArraysSort(a);
    }

    @Test
    void leavesNaNsLastAsArraysSortDoes() {
        double[] a = new double[2000];
        Random r = new Random(7);
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 97 == 0 ? Double.NaN : r.nextGaussian();
        }
        assertSortsLikeArraysSort(a);
    }

    @Test
    void sortsLongRunsOfZeroAndNegativeZero() {
        double[] a = new double[4000];
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 3 == 0 ? -0.0 : 0.0;
        }
        assertSortsLikeArraysSort(a);
    }
}
