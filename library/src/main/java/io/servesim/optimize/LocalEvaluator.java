package io.servesim.optimize;

import io.servesim.cluster.PoolConfig;
import io.servesim.cluster.ReplayConfig;
import io.servesim.cluster.ReplayRunner;
import io.servesim.metrics.Metric;
import io.servesim.metrics.ReplayMetrics;
import io.servesim.metrics.WorkerStats;
import io.servesim.router.RouterPlan;
import io.servesim.spec.EngineSpec;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.workload.MooncakeTrace;
import io.servesim.perf.ModelCards;
import io.servesim.workload.SharedWorkload;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates states in this process: builds the run's {@link ReplayConfig} from the spec and the state (engine args
 * per pool with {@code worker_type} set, prefix caching off on decode workers, KV capacity per TP from the
 * performance model unless pinned) and replays the spec's workload (its requests made once and shared by every run). Adds pool-level figures the explanations use:
 * {@code prefill_busy_fraction}, {@code decode_busy_fraction}, {@code peak_kv_occupancy}, {@code preemptions},
 * {@code busy_imbalance} (largest spread of busy fractions between workers of one role).
 */
public final class LocalEvaluator implements Evaluator {
    /** Pool-level report keys added by this evaluator. */
    public static final String PREFILL_BUSY = Metric.PREFILL_BUSY_FRACTION.name();
    public static final String DECODE_BUSY = Metric.DECODE_BUSY_FRACTION.name();
    public static final String PEAK_KV = Metric.PEAK_KV_OCCUPANCY.name();
    public static final String PREEMPTIONS = Metric.PREEMPTIONS.name();
    public static final String BUSY_IMBALANCE = Metric.BUSY_IMBALANCE.name();

    private final ReplayOptimizeSpec spec;
    private volatile String firstSkippedLine;
    /** Every state replays the same requests: made (or parsed) once, shared by all runs of this evaluator. */
    private final SharedWorkload workload;

    /** Creates an evaluator for {@code spec}. */
    public LocalEvaluator(ReplayOptimizeSpec spec) {
        // a missing trace is the spec's problem, reported before any evaluation rather than inside each of them
        io.servesim.spec.Specs.checkTraceFile(spec.workload(), "workload.traceFile", null);
        this.spec = spec;
        this.workload = new SharedWorkload(spec.workload(), spec.engine().blockSize(),
                ModelCards.maxContextTokens(spec.engine().model()));
    }

    /** Returns the run configuration of {@code state}. */
    public ReplayConfig configOf(DeploymentState state) {
        RouterPlan router = new RouterPlan(state.router(), spec.router().baseRouterConfig());
        String model = spec.engine().model();
        String sku = spec.hardware().gpuSku();
        EngineSpec engine = spec.engine();
        if (state.aggregated()) {
            return ReplayConfig.aggregated(model, sku,
                    new PoolConfig(state.tp(), state.workers(), engine.baseEngineArgs()), router);
        }
        return ReplayConfig.disaggregated(model, sku,
                new PoolConfig(state.prefillTp(), state.prefillWorkers(), engine.basePrefillEngineArgs()),
                new PoolConfig(state.decodeTp(), state.decodeWorkers(), engine.baseDecodeEngineArgs()), router);
    }

    /** Replays {@code state}, keeping per-request records (for timelines) when asked. */
    public ReplayMetrics replay(DeploymentState state, boolean recordRequests) {
        return replay(state, recordRequests, null);
    }

    /** Replays {@code state}, reporting the fraction of requests completed to {@code progress} (may be null). */
    public ReplayMetrics replay(DeploymentState state, boolean recordRequests, java.util.function.DoubleConsumer progress) {
        return replay(state, recordRequests, progress, null);
    }

    /**
     * Replays {@code state}, reporting progress (may be null) and handing each routing decision with its cost terms
     * to {@code decisions} (may be null), e.g. a {@link io.servesim.router.DecisionRecorder}.
     */
    public ReplayMetrics replay(DeploymentState state, boolean recordRequests, java.util.function.DoubleConsumer progress,
                                java.util.function.Consumer<io.servesim.router.RoutingDecision> decisions) {
        ReplayConfig config = configOf(state).withRecordRequests(recordRequests);
        var run = workload.open();
        try {
            return ReplayRunner.run(config, run, progress, decisions);
        } finally {
            if (firstSkippedLine == null && run instanceof MooncakeTrace trace && trace.firstProblem() != null) {
                firstSkippedLine = trace.firstProblem();
            }
        }
    }

    /** Returns the first bad line a lenient trace replay skipped (file:line: reason), or null when none was. */
    public String firstSkippedLine() {
        return firstSkippedLine;
    }

    @Override
    public Map<String, Double> evaluate(DeploymentState state) {
        ReplayMetrics m;
        try {
            m = replay(state, false);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new EvaluationException(state, e);
        }
        return withPoolFigures(m);
    }

    /** Returns the run's summary plus the pool-level figures. */
    public static Map<String, Double> withPoolFigures(ReplayMetrics m) {
        Map<String, Double> out = new LinkedHashMap<>(m.summary());
        double prefillBusy = 0;
        double decodeBusy = 0;
        int prefillN = 0;
        int decodeN = 0;
        double peakKv = 0;
        long preemptions = 0;
        Map<String, double[]> range = new LinkedHashMap<>();
        for (WorkerStats w : m.workers()) {
            double[] r = range.computeIfAbsent(w.role(), k -> new double[] {1, 0});
            r[0] = Math.min(r[0], w.busyFraction());
            r[1] = Math.max(r[1], w.busyFraction());
            preemptions += w.preemptions();
            if (!"prefill".equals(w.role())) {
                decodeBusy += w.busyFraction();
                decodeN++;
                peakKv = Math.max(peakKv, w.peakKvOccupancy());
            }
            if (!"decode".equals(w.role())) {
                prefillBusy += w.busyFraction();
                prefillN++;
            }
        }
        out.put(PREFILL_BUSY, prefillN == 0 ? 0 : prefillBusy / prefillN);
        out.put(DECODE_BUSY, decodeN == 0 ? 0 : decodeBusy / decodeN);
        out.put(PEAK_KV, peakKv);
        out.put(PREEMPTIONS, (double) preemptions);
        out.put(BUSY_IMBALANCE, range.values().stream().mapToDouble(r -> r[1] - r[0]).max().orElse(0));
        return out;
    }
}
