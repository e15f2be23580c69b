package io.servesim.fidelity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Replays every row of a {@link MeasuredDataset} on a pool of threads and gathers a {@link FidelityReport}. Results
 * do not depend on the number of threads (each row is an independent, seeded replay). Stateless.
 */
public final class FidelityRunner {
    private FidelityRunner() {
    }

    /** Replays {@code data} with the backend's default engine overheads on {@code threads} threads. */
    public static FidelityReport run(MeasuredDataset data, FidelityMethod method, int threads) {
        return run(data, method, null, null, threads);
    }

    /**
     * Replays {@code data} with the engine overheads pinned to {@code ttftOverheadMs} and {@code stepOverheadMs}
     * (null = the backend's defaults) on {@code threads} threads.
     */
    public static FidelityReport run(MeasuredDataset data, FidelityMethod method, Double ttftOverheadMs,
                                     Double stepOverheadMs, int threads) {
        long started = System.nanoTime();
        List<RowOutcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "servesim-fidelity");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RowOutcome>> futures = new ArrayList<>();
            // longest rows first so that the pool is not left waiting on one late long replay
            List<MeasuredRow> order = new ArrayList<>(data.rows());
            order.sort((a, b) -> Double.compare(cost(b), cost(a)));
            for (MeasuredRow row : order) {
                futures.add(pool.submit(() -> RowReplay.replay(row, method, ttftOverheadMs, stepOverheadMs)));
            }
            java.util.Map<MeasuredRow, RowOutcome> byRow = new java.util.IdentityHashMap<>();
            for (int i = 0; i < order.size(); i++) {
                byRow.put(order.get(i), futures.get(i).get());
            }
            for (MeasuredRow row : data.rows()) {
                outcomes.add(byRow.get(row));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("fidelity run interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("replaying a row failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new FidelityReport(data.name(), method, outcomes, (System.nanoTime() - started) / 1e6);
    }

    private static double cost(MeasuredRow r) {
        return (double) r.concurrency() * r.osl() * (r.osl() + r.isl() / 64.0);
    }
}
