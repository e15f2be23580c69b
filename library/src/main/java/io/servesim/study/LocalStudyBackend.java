package io.servesim.study;

import io.servesim.optimize.LocalEvaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Searches cells in this process: up to {@code threads} cells at once, each on {@code threads / cells-at-once}
 * evaluation threads (so a study with fewer cells than cores still uses every core). Results are handed over on the
 * calling thread as cells finish.
 */
public final class LocalStudyBackend implements StudyBackend {
    private final int threads;

    /** Creates a backend on {@code threads} threads (> 0). */
    public LocalStudyBackend(int threads) {
        if (threads <= 0) {
            throw new IllegalArgumentException("--threads is " + threads + "; allowed: an integer > 0");
        }
        this.threads = threads;
    }

    @Override
    public String describe() {
        return "in-process, " + threads + " thread" + (threads == 1 ? "" : "s");
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public void run(StudySpec study, List<StudyCell> pending, Consumer<CellResult> done) {
        if (pending.isEmpty()) {
            return;
        }
        int cellThreads = Math.min(threads, pending.size());
        int evalThreads = Math.max(1, threads / cellThreads);
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(cellThreads, r -> {
            Thread t = new Thread(r, "servesim-study-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ExecutorCompletionService<CellResult> finished = new ExecutorCompletionService<>(pool);
        List<Future<CellResult>> futures = new ArrayList<>();
        try {
            for (StudyCell cell : pending) {
                futures.add(finished.submit(() -> CellSearch.run(cell, study.search(),
                        new LocalEvaluator(cell.spec()), evalThreads)));
            }
            for (int i = 0; i < pending.size(); i++) {
                done.accept(finished.take().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("study interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            futures.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }
}
