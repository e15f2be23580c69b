package io.servesim.optimize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
 * running evaluations and throws {@link CancellationException}. On more than one thread a batch starts longest
 * first ({@link LongestFirst}) and may be started ahead of time ({@link #prefetch}); neither changes a record or the
 * visit order.
 */
final class Evaluations implements AutoCloseable {
    private final Evaluator evaluator;
    private final Ranking ranking;
    private final ProgressListener listener;
    private final ExecutorService pool;
    private final Map<DeploymentState, EvaluatedState> memo = new LinkedHashMap<>();
    /** Records of an earlier search over the same spec (the descent's, for the exhaustive baseline): not re-run. */
    private final Map<DeploymentState, EvaluatedState> prior;
    private final Map<DeploymentState, Future<Object>> pending = new HashMap<>();
    private final LongestFirst schedule;
    private int planned;
    private EvaluatedState bestSoFar;

    Evaluations(Evaluator evaluator, Ranking ranking, int threads, ProgressListener listener) {
        this(evaluator, ranking, threads, listener, List.of(), new LongestFirst());
    }

    /**
     * Creates the memo of a search that reuses {@code prior} records of the same spec and ranking instead of
     * evaluating their states again, and orders its batches with {@code schedule}.
     */
    Evaluations(Evaluator evaluator, Ranking ranking, int threads, ProgressListener listener,
                List<EvaluatedState> prior, LongestFirst schedule) {
        this.prior = new HashMap<>();
        prior.forEach(e -> this.prior.put(e.state(), e));
        this.schedule = schedule;
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

    /**
     * Starts evaluating {@code states} in the background, ahead of the {@link #evaluate} call that will need them
     * (only on more than one thread). Nothing is recorded until then, so results and visit order are unchanged.
     */
    void prefetch(List<DeploymentState> states) {
        if (pool != null) {
            submit(unseen(states));
        }
    }

    /** Evaluates {@code states} (reusing memoised ones) and returns their records in the given order. */
    List<EvaluatedState> evaluate(List<DeploymentState> states) {
        List<DeploymentState> fresh = unseen(states);
        planned += fresh.size();
        if (pool != null) {
            submit(fresh);
        }
        try {
            for (DeploymentState s : fresh) {
                if (pool == null) {
                    checkInterrupt();
                }
                EvaluatedState known = prior.get(s);
                if (known != null) {
                    record(known);
                } else {
                    record(s, pool == null ? attempt(s) : pending.remove(s).get());
                }
            }
        } catch (InterruptedException e) {
            pending.values().forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancellationException("sweep interrupted after " + memo.size() + " evaluations");
        } catch (ExecutionException e) {
            pending.values().forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        List<EvaluatedState> out = new ArrayList<>(states.size());
        for (DeploymentState s : states) {
            out.add(memo.get(s));
        }
        return out;
    }

    /** Returns the states not yet recorded, without repeats, in the given order. */
    private List<DeploymentState> unseen(List<DeploymentState> states) {
        // a set keeps the visit order and makes this linear: an exhaustive space has tens of thousands of states
        LinkedHashSet<DeploymentState> unseen = new LinkedHashSet<>();
        for (DeploymentState s : states) {
            if (!memo.containsKey(s)) {
                unseen.add(s);
            }
        }
        return new ArrayList<>(unseen);
    }

    /** Starts the states neither running nor known yet, longest first. */
    private void submit(List<DeploymentState> states) {
        List<DeploymentState> todo = new ArrayList<>();
        for (DeploymentState s : states) {
            if (!pending.containsKey(s) && !prior.containsKey(s)) {
                todo.add(s);
            }
        }
        for (int i : schedule.order(todo)) {
            DeploymentState s = todo.get(i);
            pending.put(s, pool.submit(() -> attempt(s)));
        }
    }

    /** Returns the state's report, or its failure reason as a String; cancellation still propagates. */
    private Object attempt(DeploymentState s) {
        long started = System.nanoTime();
        try {
            Object outcome = evaluator.evaluate(s);
            schedule.measured(s, System.nanoTime() - started);
            return outcome;
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
        record(outcome instanceof String reason ? EvaluatedState.failed(s, reason)
                : ranking.judge(s, (Map<String, Double>) outcome));
    }

    private void record(EvaluatedState e) {
        memo.put(e.state(), e);
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
