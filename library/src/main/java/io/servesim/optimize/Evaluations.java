package io.servesim.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The memo of a sweep: evaluates batches of states on {@code maxParallelEvals} threads, never the same state twice,
 * and keeps every record in visit order. Results are collected in batch order, so they do not depend on the thread
 * count. Interrupting the sweep's thread cancels running evaluations and throws {@link CancellationException}.
 */
final class Evaluations implements AutoCloseable {
    private final Evaluator evaluator;
    private final Ranking ranking;
    private final ProgressListener listener;
    private final ExecutorService pool;
    private final Map<DeploymentState, EvaluatedState> memo = new LinkedHashMap<>();
    private int planned;
    private EvaluatedState bestSoFar;

    Evaluations(Evaluator evaluator, Ranking ranking, int threads, ProgressListener listener) {
        this.evaluator = evaluator;
        this.ranking = ranking;
        this.listener = listener;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "servesim-eval-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads, factory);
    }

    /** Evaluates {@code states} (reusing memoised ones) and returns their records in the given order. */
    List<EvaluatedState> evaluate(List<DeploymentState> states) {
        List<DeploymentState> fresh = new ArrayList<>();
        for (DeploymentState s : states) {
            if (!memo.containsKey(s) && !fresh.contains(s)) {
                fresh.add(s);
            }
        }
        planned += fresh.size();
        if (pool == null) {
            for (DeploymentState s : fresh) {
                checkInterrupt();
                record(s, evaluator.evaluate(s));
            }
        } else {
            List<Future<Map<String, Double>>> futures = new ArrayList<>();
            for (DeploymentState s : fresh) {
                futures.add(pool.submit(() -> evaluator.evaluate(s)));
            }
            try {
                for (int i = 0; i < fresh.size(); i++) {
                    record(fresh.get(i), futures.get(i).get());
                }
            } catch (InterruptedException e) {
                futures.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new CancellationException("sweep interrupted after " + memo.size() + " evaluations");
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        List<EvaluatedState> out = new ArrayList<>(states.size());
        for (DeploymentState s : states) {
            out.add(memo.get(s));
        }
        return out;
    }

    private void checkInterrupt() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("sweep interrupted after " + memo.size() + " evaluations");
        }
    }

    private void record(DeploymentState s, Map<String, Double> metrics) {
        EvaluatedState e = ranking.judge(s, metrics);
        memo.put(s, e);
        if (Ranking.beats(e, bestSoFar)) {
            bestSoFar = e;
        }
        listener.evaluated(memo.size(), planned, e, Optional.of(bestSoFar));
    }

    /** Returns every record in visit order. */
    List<EvaluatedState> all() {
        return List.copyOf(memo.values());
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
