package io.servesim.cluster;

import io.servesim.engine.EngineListener;
import io.servesim.engine.EngineSim;
import io.servesim.engine.KvEventListener;
import io.servesim.engine.Sequence;
import io.servesim.metrics.WorkerStats;
import io.servesim.perf.PerfModel;
import io.servesim.perf.StepTimer;
import io.servesim.router.Router;
import io.servesim.router.PoolRouterPlan;
import io.servesim.spec.WorkerType;
import io.servesim.workload.Request;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The live workers of one {@link PoolConfig} in a run, their router, the requests waiting in the router's queue
 * (first come first served) and where the GPUs sit.
 */
final class Pool {
    final WorkerType role;
    final PoolConfig config;
    final EngineSim[] engines;
    final Router router;
    final int firstGpu;
    final int gpusPerNode;
    final int numGpuBlocks;
    final int blockSize;
    /** The order in which the cluster starts pools' passes at an instant (prefill before decode). */
    final int rank;
    /** Each worker's queued pass end (null before its first pass). */
    final Event[] passEnds;
    final ArrayDeque<Sequence> pending = new ArrayDeque<>();
    EngineListener listener;
    /** Bit w is set while worker w is idle with work; kept for pools of up to 64 workers (larger ones scan all). */
    private long startable;

    Pool(PoolConfig config, PoolRouterPlan router, PerfModel perf, int firstGpu) {
        this.role = router.role();
        this.rank = role == WorkerType.DECODE ? 1 : 0;
        this.config = config;
        this.firstGpu = firstGpu;
        this.gpusPerNode = perf.sku().gpusPerNode();
        this.blockSize = config.args().blockSize();
        this.numGpuBlocks = perf.numGpuBlocks(config.tp(), config.args());
        StepTimer timer = perf.stepTimer(config.tp(), config.args());
        this.engines = new EngineSim[config.workers()];
        this.passEnds = new Event[config.workers()];
        var args = config.args();
        for (int i = 0; i < engines.length; i++) {
            engines[i] = new EngineSim(i, args, numGpuBlocks, timer);
        }
        this.router = router.create(config.workers(), blockSize, args.maxNumBatchedTokens());
    }

    /** Returns true when {@link #startable()} tracks this pool's workers. */
    boolean tracksStartable() {
        return engines.length <= Long.SIZE;
    }

    /** Returns the workers that are idle with work as a bit set (bit w for worker w); see {@link #tracksStartable}. */
    long startable() {
        return startable;
    }

    /** Updates worker {@code w}'s bit in {@link #startable()} after its queue or pass state changed. */
    void refresh(int w) {
        EngineSim e = engines[w];
        if (!e.busy() && e.hasWork()) {
            startable |= 1L << w;
        } else {
            startable &= ~(1L << w);
        }
    }

    /** Returns the node of worker {@code w}'s first GPU. */
    int nodeOf(int w) {
        return (firstGpu + w * config.tp()) / gpusPerNode;
    }

    KvEventListener events() {
        return router;
    }

    String roleName() {
        return role.id();
    }

    /** Throws when request {@code r} needs more KV blocks than one of this pool's workers has. */
    void checkFits(Request r) {
        long tokens = (long) r.inputLength() + (role == WorkerType.PREFILL ? 1 : r.outputLength());
        long blocks = (tokens + blockSize - 1) / blockSize;
        if (blocks > numGpuBlocks) {
            throw new IllegalArgumentException("request " + r.id() + " needs " + blocks + " KV blocks (" + tokens
                    + " tokens at block_size " + blockSize + ") but a TP" + config.tp() + " "
                    + roleName() + " worker has only " + numGpuBlocks
                    + "; use a larger TP or pin num_gpu_blocks");
        }
    }

    /** Appends its workers' statistics over a run of {@code durationMs}, numbered on from {@code out.size()}. */
    void addWorkerStats(List<WorkerStats> out, double durationMs) {
        for (EngineSim e : engines) {
            var t = e.timeline();
            out.add(new WorkerStats(out.size(), roleName(), config.tp(), numGpuBlocks, e.passes(),
                    durationMs <= 0 ? 0 : Math.min(1, e.busyMs() / durationMs), t.meanKvOccupancy(),
                    t.peakKvOccupancy(), e.preemptions(), t.endsMs(durationMs), t.busyFractions(durationMs),
                    t.kvOccupancies(durationMs)));
        }
    }
}
