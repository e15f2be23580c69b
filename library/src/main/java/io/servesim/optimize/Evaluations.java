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
 * count. An evaluation that fails ({@link EvaluationException} or any other bad-input or state error) is recorded
 * as a failed, infeasible state with its reason, and the sweep goes on. Interrupting the sweep's thread cancels
 * running evaluations and throws {@link CancellationException}.
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
        // a set keeps the visit order and makes this linear: an exhaustive space has tens of thousands of states
        java.util.LinkedHashSet<DeploymentState> unseen = new java.util.LinkedHashSet<>();
        for (DeploymentState s : states) {
            if (!memo.containsKey(s)) {
                unseen.add(s);
            }
        }
        List<DeploymentState> fresh = new ArrayList<>(unseen);
        planned += fresh.size();
        if (pool == null) {
            for (DeploymentState s : fresh) {
                checkInterrupt();
                record(s, attempt(s));
            }
        } else {
            List<Future<Object>> futures = new ArrayList<>();
            for (DeploymentState s : fresh) {
                futures.add(pool.submit(() -> attempt(s)));
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

    /** Returns the state's report, or its failure reason as a String; cancellation still propagates. */
    private Object attempt(DeploymentState s) {
        try {
            return evaluator.evaluate(s);
        } catch (RuntimeException e) {
            // an interrupt is the user stopping the sweep, not a failure of this state (CancellationException is
            // an IllegalStateException, so evaluators may have wrapped it)
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CancellationException c) {
                    throw c;
                }
                if (t instanceof InterruptedException || t instanceof java.nio.channels.ClosedByInterruptException) {
                    throw new CancellationException("evaluation of " + s.label() + " interrupted");
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("evaluation of " + s.label() + " interrupted");
            }
            return reason(e instanceof EvaluationException && e.getCause() != null ? e.getCause() : e);
        }
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private void checkInterrupt() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("sweep interrupted after " + memo.size() + " evaluations");
        }
    }

    @SuppressWarnings("unchecked")
    private void record(DeploymentState s, Object outcome) {
        EvaluatedState e = outcome instanceof String reason ? EvaluatedState.failed(s, reason)
                : ranking.judge(s, (Map<String, Double>) outcome);
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
