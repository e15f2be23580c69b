package io.servesim.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The memo returns exactly the value stored for exactly its key, or a miss; never another key's value. */
class ExactMemoTest {

    private static long bits(double x) {
        return Double.doubleToRawLongBits(x);
    }

    private static double f(int n, double x) {
        return Math.exp(Math.log(x + 1) * 0.37) * n + x / 7;
    }

    @Property(tries = 200)
    void aHitIsTheValueStoredForThatExactKey(@ForAll @IntRange(min = 1, max = 8) int log2Slots,
                                             @ForAll long seed) {
        ExactMemo memo = new ExactMemo(log2Slots);
        Random r = new Random(seed);
        double[] xs = new double[20];
        for (int i = 0; i < xs.length; i++) {
            double x = r.nextDouble() * 1e5;
            xs[i] = i % 3 == 1 ? Math.nextUp(xs[i - 1]) : x; // neighbours one ulp apart are distinct keys
        }
        for (int k = 0; k < 2000; k++) {
            int n = 1 + r.nextInt(64);
            double x = xs[r.nextInt(xs.length)];
            double got = memo.get(n, bits(x));
            if (Double.isNaN(got)) {
                memo.put(n, bits(x), f(n, x));
            } else {
                assertThat(got).isEqualTo(f(n, x));
            }
        }
    }

    @Test
    void storesAKeyTheSecondTimeItsSlotMissesOnIt() {
        ExactMemo memo = new ExactMemo(4);
        assertThat(memo.get(7, 99)).isNaN();
        assertThat(memo.put(7, 99, 1.25)).isEqualTo(1.25);
        assertThat(memo.get(7, 99)).isNaN();
        memo.put(7, 99, 1.25);
        assertThat(memo.get(7, 99)).isEqualTo(1.25);
    }

    @Test
    void keysDifferingInOneComponentAreDistinct() {
        ExactMemo memo = new ExactMemo(1); // two slots: every key collides with many others
        memo.put(3, bits(1.5), 10);
        memo.put(3, bits(1.5), 10);
        assertThat(memo.get(3, bits(1.5))).isEqualTo(10);
        assertThat(memo.get(4, bits(1.5))).isNaN();
        assertThat(memo.get(3, bits(Math.nextUp(1.5)))).isNaN();
        assertThat(memo.get(3, bits(-1.5))).isNaN();
        assertThat(memo.get(3, bits(1.5) + (1L << 40))).isNaN();
        assertThat(memo.put(4, bits(1.5), 11)).isEqualTo(11);
        memo.put(4, bits(1.5), 11);
        assertThat(memo.get(4, bits(1.5))).isEqualTo(11);
    }

    @Test
    void threadsSharingAMemoOnlyEverSeeExactValues() throws Exception {
        ExactMemo memo = new ExactMemo(4); // 16 slots for 200 keys: constant eviction races
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Long>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                long seed = t;
                Callable<Long> run = () -> {
                    Random r = new Random(seed);
                    long hits = 0;
                    for (int k = 0; k < 400_000; k++) {
                        int n = 1 + r.nextInt(10);
                        double x = 1000 + r.nextInt(20) * 0.25;
                        double got = memo.get(n, bits(x));
                        if (Double.isNaN(got)) {
                            memo.put(n, bits(x), f(n, x));
                        } else if (got != f(n, x)) {
                            throw new AssertionError("memo returned " + got + " for (" + n + ", " + x + ")");
                        } else {
                            hits++;
                        }
                    }
                    return hits;
                };
                runs.add(pool.submit(run));
            }
            for (Future<Long> run : runs) {
                assertThat(run.get()).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsASizeOutOfRange() {
        assertThatThrownBy(() -> new ExactMemo(0)).hasMessageContaining("log2Slots (0)");
        assertThatThrownBy(() -> new ExactMemo(25)).hasMessageContaining("log2Slots (25)");
    }
}
