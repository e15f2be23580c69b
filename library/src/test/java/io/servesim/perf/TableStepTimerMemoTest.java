package io.servesim.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The table step timer's memo of decode-only passes (by sequences and context sum)
 * makes no result depend on which passes were priced before or on which thread: two timers, one pricing the passes in
 * order on one thread, one pricing them in other orders on two threads at once, agree bit for bit.
 */
class TableStepTimerMemoTest {
    private static final PerfTables TABLES = TableTransfer.tablesFor(GpuSkus.of("h200_sxm")).orElseThrow();
    private static final ModelCard QWEN = ModelCard.of("Qwen/Qwen3-32B");

    private static TableStepTimer timer(int tp) {
        return new TableStepTimer(TABLES, QWEN, GpuSkus.of("h200_sxm"), tp, 1.0);
    }

    /** A pass: prefill chunks (new, cached) and decodes (count, context sum), from a few shapes so keys repeat. */
    private static int[] pass(Random r) {
        int chunks = r.nextInt(3);
        int decodes = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(r.nextBoolean() ? 8 : 300);
        int[] p = new int[3 + 2 * chunks];
        p[0] = decodes;
        p[1] = decodes * (2 + r.nextInt(200_000)) + r.nextInt(Math.max(1, decodes)); // mean context 2..200k
        p[2] = chunks;
        for (int c = 0; c < chunks; c++) {
            p[3 + 2 * c] = 1 + r.nextInt(4) * 2048 + r.nextInt(3);
            p[4 + 2 * c] = r.nextInt(5) * 4096;
        }
        return p;
    }

    private static double price(StepTimer t, int[] p, StepBatch batch) {
        batch.clear();
        for (int c = 0; c < p[2]; c++) {
            batch.addPrefill(p[3 + 2 * c], p[4 + 2 * c]);
        }
        batch.addDecodes(p[0], p[1]);
        return t.stepMs(batch);
    }

    @Property(tries = 8)
    void resultsDoNotDependOnOrderOrThreads(@ForAll @IntRange(min = 0, max = 3) int tpLog2, @ForAll long seed)
            throws Exception {
        int tp = 1 << tpLog2;
        Random r = new Random(seed);
        List<int[]> passes = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            passes.add(i > 0 && r.nextInt(3) == 0 ? passes.get(r.nextInt(i)) : pass(r));
        }
        TableStepTimer ordered = timer(tp);
        StepBatch batch = new StepBatch();
        long[] expected = new long[passes.size()];
        for (int i = 0; i < passes.size(); i++) {
            expected[i] = Double.doubleToRawLongBits(price(ordered, passes.get(i), batch));
        }
        TableStepTimer shared = timer(tp);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<long[]>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                boolean reverse = t == 1;
                runs.add(pool.submit(() -> {
                    StepBatch b = new StepBatch();
                    long[] got = new long[passes.size()];
                    for (int round = 0; round < 3; round++) {
                        for (int k = 0; k < passes.size(); k++) {
                            int i = reverse ? passes.size() - 1 - k : (k * 7919 + round) % passes.size();
                            got[i] = Double.doubleToRawLongBits(price(shared, passes.get(i), b));
                        }
                    }
                    return got;
                }));
            }
            for (Future<long[]> run : runs) {
                assertThat(run.get()).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
