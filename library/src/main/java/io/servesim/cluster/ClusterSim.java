package io.servesim.cluster;

import io.servesim.engine.EngineSim;
import io.servesim.engine.Sequence;
import io.servesim.metrics.MetricsCollector;
import io.servesim.metrics.ReplayMetrics;
import io.servesim.metrics.WorkerStats;
import io.servesim.perf.PerfModel;
import io.servesim.router.RouterPlan;
import io.servesim.router.RoutingDecision;
import io.servesim.workload.Request;
import io.servesim.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * The discrete-event simulation of one run on a logical clock (ms; it never sleeps). At each instant it applies pass
 * completions, KV handoffs and arrivals, then starts a pass on every idle worker with work. Aggregated: one pool
 * serves whole requests. Disaggregated: the prefill pool computes the prompt (its first token stays internal), the
 * KV moves to a decode worker chosen by the decode router ({@code input tokens × KV bytes per token} over NVLink
 * inside a node or the network across nodes, or {@code kv_transfer_bandwidth_gbps} GB/s when set), and the decode
 * worker produces every visible token. Closed-loop workloads keep {@code concurrency} sessions in flight (requests
 * waiting in a router queue count as in flight). A request reaches its first pool's router {@code ttft_overhead_ms}
 * after it was sent. A KV router holds a request in its queue while every worker of its pool is over the queue
 * threshold and routes it, with the costs of that moment, once a worker drops below.
 * Deterministic: same config and workload give the same metrics. One instance runs once.
 */
final class ClusterSim {
    private final Workload workload;
    private final PerfModel perf;
    private final Pool agg;
    private final Pool prefill;
    private final Pool decode;
    private final EventQueue events = new EventQueue();
    private final MetricsCollector metrics;
    private final DoubleConsumer progress;
    private final Consumer<RoutingDecision> decisions;
    private long order;
    private long inFlight;
    private double now;
    /** The next open-loop arrival; {@link Workload#END} (never arriving) once there is none, and in closed loop. */
    private Request pendingArrival = Workload.END;
    /**
     * Requests the workload handed out (first and later turns, not counting open-loop arrivals), and whether it said it
     * has no more first turns (closed loop).
     */
    private long sent;
    private boolean exhausted;
    /** Open-loop arrivals pulled from the workload, {@link Workload#END} included. */
    private long pulled;
    private final double ttftOverheadMs;
    /** The prefill-to-decode KV transfer time (null when aggregated). */
    private final KvHandoff handoff;
    /** Workers that only decode plan several passes at once (same results, fewer events). */
    private final boolean decodeRuns;

    ClusterSim(ReplayConfig config, Workload workload, DoubleConsumer progress, Consumer<RoutingDecision> decisions) {
        this(config, workload, progress, decisions, true);
    }

    /** Creates a run; {@code decodeRuns} false simulates every pass as its own event (for comparison). */
    ClusterSim(ReplayConfig config, Workload workload, DoubleConsumer progress, Consumer<RoutingDecision> decisions,
               boolean decodeRuns) {
        this.decodeRuns = decodeRuns;
        this.workload = workload;
        this.progress = progress;
        this.decisions = decisions;
        this.perf = PerfModel.of(config.model(), config.gpuSku());
        this.metrics = new MetricsCollector(config.recordRequests(), workload.warmupRequests());
        RouterPlan r = config.router();
        if (config instanceof ReplayConfig.Disaggregated d) {
            prefill = new Pool(d.prefill(), r.forPrefillPool(), perf, 0);
            decode = new Pool(d.decode(), r.forDecodePool(), perf, d.prefill().gpus());
            agg = null;
            prefill.listener = new PrefillListener();
            decode.listener = new FinalListener(decode);
        } else {
            agg = new Pool(((ReplayConfig.Aggregated) config).pool(), r.forAggregatedPool(), perf, 0);
            prefill = null;
            decode = null;
            agg.listener = new FinalListener(agg);
        }
        this.ttftOverheadMs = entry().config.args().ttftOverhead();
        this.handoff = prefill == null ? null : new KvHandoff(prefill, decode, perf);
        if (workload.blockSize() != entry().blockSize) {
            throw new IllegalArgumentException("workload block size (" + workload.blockSize()
                    + ") differs from the engines' block_size (" + entry().blockSize + ")");
        }
    }

    ReplayMetrics run() {
        long started = System.nanoTime();
        if (workload.concurrency() > 0) {
            for (int i = 0; i < workload.concurrency(); i++) {
                Request r = nextRequest();
                if (r == null) {
                    break;
                }
                // ramp-up: client i starts at i/c of the window (all at 0 without one)
                double start = workload.rampUpMs() * i / workload.concurrency();
                if (start > 0) {
                    inFlight++;
                    events.add(Event.arrival(start, now, order++, r.withArrivalMs(start)));
                } else {
                    arrive(r.withArrivalMs(0));
                }
            }
        } else {
            pendingArrival = nextArrival();
        }
        long expected = workload.expectedRequests();
        long steps = 0;
        startIdleWorkers();
        while (true) {
            double next = Double.POSITIVE_INFINITY;
            if (!events.isEmpty()) {
                next = events.peek().timeMs;
            }
            // no null check: the end of the arrivals is an arrival at +infinity, so the compiled loop stays valid
            next = Math.min(next, pendingArrival.arrivalMs());
            if (next == Double.POSITIVE_INFINITY) {
                break;
            }
            now = next;
            while (!events.isEmpty() && events.peek().timeMs <= now) {
                handle(events.poll());
            }
            while (pendingArrival.arrivalMs() <= now) {
                Request r = pendingArrival;
                pendingArrival = nextArrival();
                if (pendingArrival.arrivalMs() < r.arrivalMs()) {
                    throw new IllegalArgumentException("workload arrivals go back in time: request "
                            + pendingArrival.id() + " at " + pendingArrival.arrivalMs() + " ms after request "
                            + r.id() + " at " + r.arrivalMs() + " ms");
                }
                arrive(r);
            }
            routeQueued(entry());
            startIdleWorkers();
            if ((++steps & 0xFFF) == 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("replay interrupted at " + Math.round(now) + " ms simulated");
                }
                if (progress != null && expected > 0) {
                    progress.accept(Math.min(1.0, (double) metrics.completedRequests() / expected));
                }
            }
        }
        if (inFlight > 0) {
            throw new IllegalStateException(inFlight + " requests could not be scheduled at " + Math.round(now)
                    + " ms simulated: the workers have no work they can start (KV blocks exhausted?)");
        }
        if (progress != null) {
            progress.accept(1.0);
        }
        double wallMs = (System.nanoTime() - started) / 1e6;
        var summary = metrics.summary(wallMs);
        double durationMs = summary.get("duration_ms");
        List<WorkerStats> workers = new ArrayList<>();
        for (Pool pool : agg != null ? List.of(agg) : List.of(prefill, decode)) {
            pool.addWorkerStats(workers, durationMs);
        }
        return new ReplayMetrics(summary, workers, metrics.records());
    }

    /** Returns the workload's next first turn, counting it, or null once it has none. */
    private Request nextRequest() {
        Request r = workload.next();
        if (r == null) {
            exhausted = true;
        } else {
            sent++;
        }
        return r;
    }

    /** Returns the workload's next open-loop arrival, or {@link Workload#END} once it has none. */
    private Request nextArrival() {
        pulled++;
        return workload.nextOrEnd();
    }

    /** Returns how many requests the workload handed out during {@link #run}. */
    long sent() {
        return sent + pulled - (pendingArrival == Workload.END && pulled > 0 ? 1 : 0);
    }

    /** Returns true once the workload said it has no more first turns. */
    boolean exhausted() {
        return exhausted || pulled > 0 && pendingArrival == Workload.END;
    }

    private Pool entry() {
        return agg != null ? agg : prefill;
    }

    private void arrive(Request r) {
        metrics.arrived();
        inFlight++;
        Pool pool = entry();
        pool.checkFits(r);
        if (decode != null) {
            decode.checkFits(r);
        }
        Flight flight = new Flight(r, r.arrivalMs());
        Sequence seq = new Sequence(r, agg != null ? r.outputLength() : 1, false);
        seq.attach(flight);
        // the engine's per-request overhead (ttft_overhead_ms): the request reaches the router that much later
        if (ttftOverheadMs > 0) {
            events.add(Event.deliver(now + ttftOverheadMs, now, order++, pool, seq));
        } else {
            deliver(pool, seq);
        }
    }

    /** Hands a sent request to its pool's router: queued while the router holds requests, else routed now. */
    private void deliver(Pool pool, Sequence seq) {
        if (!pool.pending.isEmpty() || pool.router.queues()) {
            ((Flight) seq.attachment()).queuedAtMs = now;
            pool.pending.addLast(seq);
        } else {
            routeNow(pool, seq);
        }
    }

    /** Routes the requests waiting in {@code pool}'s router queue, oldest first, while a worker has room. */
    private void routeQueued(Pool pool) {
        while (!pool.pending.isEmpty() && !pool.router.queues()) {
            Sequence seq = pool.pending.pollFirst();
            Flight f = (Flight) seq.attachment();
            f.routerQueueMs += now - f.queuedAtMs;
            f.queuedAtMs = Double.NaN;
            routeNow(pool, seq);
        }
    }

    private void routeNow(Pool pool, Sequence seq) {
        Flight flight = (Flight) seq.attachment();
        int w = route(pool, flight.request, flight.routerQueueMs);
        enqueue(pool, w, seq);
    }

    /**
     * Queues {@code seq} on worker {@code w}; a decode run the worker had planned past now ends early when one of
     * its later passes could have admitted {@code seq} (see {@link EngineSim#enqueue}).
     */
    private void enqueue(Pool pool, int w, Sequence seq) {
        EngineSim engine = pool.engines[w];
        if (engine.enqueue(seq, now)) {
            pool.passEnds[w].cancelled = true;
            if (engine.passEndMs() <= now) {
                // the run's new last pass ends at this very instant: finish it now, as its event would have been
                engine.finishPass(now, pool.listener, pool.events());
            } else {
                schedulePassEnd(pool, w);
            }
        }
        pool.refresh(w);
    }

    private void schedulePassEnd(Pool pool, int w) {
        EngineSim engine = pool.engines[w];
        Event e = pool.passEnds[w];
        if (e != null && !e.queued) {
            // the worker's last pass end has left the queue: reuse it (millions fewer objects per run, same order)
            e.reschedule(engine.passEndMs(), engine.passStartMs());
        } else {
            e = Event.passEnd(engine.passEndMs(), engine.passStartMs(), pool, w);
            pool.passEnds[w] = e;
        }
        events.add(e);
    }

    private int route(Pool pool, Request r, double queuedMs) {
        if (decisions == null) {
            return pool.router.route(r);
        }
        var costs = pool.router.costs(r);
        int w = pool.router.route(r);
        decisions.accept(new RoutingDecision(pool.roleName(), now, r.id(), w, queuedMs, costs));
        return w;
    }

    private void handle(Event e) {
        switch (e.kind) {
            case Event.PASS_END -> {
                e.pool.engines[e.worker].finishPass(e.timeMs, e.pool.listener, e.pool.events());
                e.pool.refresh(e.worker);
            }
            case Event.HANDOFF -> enqueue(decode, e.worker, e.seq);
            case Event.DELIVER -> deliver(e.pool, e.seq);
            default -> {
                inFlight--;
                arrive(e.request);
            }
        }
    }

    private void startIdleWorkers() {
        if (agg != null) {
            start(agg);
        } else {
            start(prefill);
            start(decode);
        }
    }

    private void start(Pool pool) {
        // decode runs leave every gap to the worker's own ITL sums, which count only once warm-up is over
        boolean runs = decodeRuns && metrics.measuring();
        if (pool.tracksStartable()) {
            // the workers that are idle with work, in index order: the same passes as the scan below, fewer checks
            for (long m = pool.startable(); m != 0; m &= m - 1) {
                int w = Long.numberOfTrailingZeros(m);
                double end = pool.engines[w].startPass(now, runs);
                pool.refresh(w);
                if (!Double.isNaN(end)) {
                    schedulePassEnd(pool, w);
                }
            }
            return;
        }
        for (EngineSim e : pool.engines) {
            if (!e.busy() && e.hasWork()) {
                double end = e.startPass(now, runs);
                if (!Double.isNaN(end)) {
                    schedulePassEnd(pool, e.index());
                }
            }
        }
    }

    /** Prefill pool: when a prompt is done, route it to a decode worker and ship its KV. */
    private final class PrefillListener extends RoutedListener {
        PrefillListener() {
            super(prefill);
        }

        @Override
        void left(Sequence seq, double timeMs) {
            Flight flight = (Flight) seq.attachment();
            flight.prefillWorker = seq.worker();
            flight.reusedTokens = seq.reusedTokens();
            Request r = seq.request();
            int w = route(decode, r, 0);
            Sequence next = new Sequence(r, r.outputLength(), true);
            next.attach(flight);
            double delay = handoff.ms(seq.worker(), w, r.inputLength());
            events.add(Event.handoff(timeMs + delay, now, order++, next, w));
        }
    }

    /** The pool whose tokens users see (aggregated or decode); request records use run-wide worker indices. */
    private final class FinalListener extends RoutedListener {
        FinalListener(Pool pool) {
            super(pool);
        }

        @Override
        public void tokens(int worker, double timeMs, double gapMs, int count) {
            metrics.gaps(worker, gapMs, count);
        }

        @Override
        void left(Sequence seq, double timeMs) {
            Flight f = (Flight) seq.attachment();
            Request r = seq.request();
            boolean aggregated = agg != null;
            metrics.completed(r.id(), f.arrivalMs, seq.firstTokenMs(), seq.secondTokenMs(), seq.lastTokenMs(),
                    r.inputLength(), r.outputLength(), aggregated ? seq.reusedTokens() : f.reusedTokens,
                    aggregated ? seq.worker() : f.prefillWorker,
                    aggregated ? seq.worker() : prefill.engines.length + seq.worker(), f.routerQueueMs);
            inFlight--;
            Request nextTurn = workload.onCompleted(r, timeMs);
            if (nextTurn != null) {
                sent++;
                inFlight++;
                events.add(Event.arrival(Math.max(timeMs, nextTurn.arrivalMs()), now, order++, nextTurn));
            } else if (workload.concurrency() > 0 && !exhausted) {
                Request fresh = nextRequest();
                if (fresh != null) {
                    arrive(fresh.withArrivalMs(timeMs));
                }
            }
        }
    }
}
