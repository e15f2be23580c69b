package io.servesim.optimize;

import io.servesim.perf.PerfModel;
import io.servesim.router.RouterSetting;
import io.servesim.spec.EngineArgs;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.RouterMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The candidates of a sweep: TP shapes whose weights fit (or the pinned {@code tensor_parallel_size}, or those of the
 * {@code tensor_parallel_sizes} list), the router states in the order the search visits them (round-robin first for
 * mode {@code both}; for the KV router, credits outer and scales inner), and the topologies at a given TP. One rule
 * holds for the descent and the exhaustive baseline alike: an aggregated KV-router state needs at least 2 workers
 * (with one worker there is nothing to choose between). Construction fails when the space is empty, saying why;
 * {@link #warnings()} lists what is allowed but probably unintended.
 */
public final class SearchSpace {
    private final ReplayOptimizeSpec spec;
    private final List<Integer> prefillTps;
    private final List<Integer> decodeTps;
    private final List<RouterSetting> routerStates;
    private final List<String> warnings = new ArrayList<>();

    /** Builds the space of {@code spec}. */
    public SearchSpace(ReplayOptimizeSpec spec) {
        this.spec = spec;
        PerfModel perf = PerfModel.of(spec.engine().model(), spec.hardware().gpuSku());
        int budget = spec.hardware().totalGpus();
        if (spec.isDisaggregated()) {
            if (budget < 2) {
                throw new IllegalArgumentException("hardware.totalGpus is " + budget
                        + "; a disaggregated sweep needs at least 2 GPUs (one prefill and one decode worker)");
            }
            prefillTps = tps(perf, spec.engine().basePrefillEngineArgs(), "basePrefillEngineArgs");
            decodeTps = tps(perf, spec.engine().baseDecodeEngineArgs(), "baseDecodeEngineArgs");
            if (prefillTps.get(0) + decodeTps.get(0) > budget) {
                throw new IllegalArgumentException("hardware.totalGpus is " + budget + " but the smallest deployment"
                        + " that fits needs TP" + prefillTps.get(0) + " prefill + TP" + decodeTps.get(0) + " decode = "
                        + (prefillTps.get(0) + decodeTps.get(0)) + " GPUs");
            }
        } else {
            prefillTps = tps(perf, spec.engine().baseEngineArgs(), "baseEngineArgs");
            decodeTps = prefillTps;
            if (prefillTps.get(0) > budget) {
                throw new IllegalArgumentException("hardware.totalGpus is " + budget + " but the smallest TP that fits "
                        + spec.engine().model() + " is " + prefillTps.get(0));
            }
        }
        routerStates = routerStates(spec);
        if (!spec.isDisaggregated() && routerStates.stream().allMatch(RouterSetting::isKvRouter)
                && budget / prefillTps.get(0) < 2) {
            throw new IllegalArgumentException("hardware.totalGpus is " + budget + " but the KV router needs at least 2"
                    + " aggregated workers to choose between (smallest TP " + prefillTps.get(0) + "); use router.mode"
                    + " round_robin or both, or more GPUs");
        }
        warnings.addAll(spec.router().warnings());
        if (spec.isDisaggregated()) {
            warnPinnedBlocks(perf, spec.engine().basePrefillEngineArgs(), "basePrefillEngineArgs", prefillTps);
            warnPinnedBlocks(perf, spec.engine().baseDecodeEngineArgs(), "baseDecodeEngineArgs", decodeTps);
        } else {
            warnPinnedBlocks(perf, spec.engine().baseEngineArgs(), "baseEngineArgs", prefillTps);
        }
    }

    /** A pinned num_gpu_blocks above what GPU memory holds is allowed (the original examples do it) but flagged. */
    private void warnPinnedBlocks(PerfModel perf, EngineArgs args, String field, List<Integer> tps) {
        if (args.numGpuBlocks() == null) {
            return;
        }
        EngineArgs physical = args.toBuilder().numGpuBlocks(null).build();
        List<String> over = new ArrayList<>();
        for (int tp : tps) {
            var capacity = perf.capacity(tp, physical);
            int fits = capacity.fits() ? capacity.numGpuBlocks() : 0;
            if (args.numGpuBlocks() > fits) {
                over.add("TP" + tp + ": " + fits);
            }
        }
        if (!over.isEmpty()) {
            warnings.add("engine." + field + ".num_gpu_blocks is " + args.numGpuBlocks() + " but GPU memory holds only "
                    + String.join(", ", over) + " blocks of " + args.blockSize() + " tokens for "
                    + spec.engine().model() + " on " + spec.hardware().gpuSku() + "; the simulation assumes KV"
                    + " memory these GPUs do not have");
        }
    }

    /** Returns the warnings about this sweep's spec (deprecated fields, pins beyond physical capacity), one line each. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private List<Integer> tps(PerfModel perf, EngineArgs args, String field) {
        List<Integer> fits = perf.tpCandidates(args);
        if (args.tensorParallelSizes() != null) {
            List<Integer> listed = args.tensorParallelSizes();
            List<Integer> tooSmall = listed.stream().filter(tp -> !fits.contains(tp)).toList();
            if (!tooSmall.isEmpty()) {
                throw new IllegalArgumentException("engine." + field + ".tensor_parallel_sizes lists " + tooSmall
                        + " but the TP shapes on which " + spec.engine().model() + " fits on "
                        + spec.hardware().gpuSku() + " are " + fits);
            }
            return listed;
        }
        Integer pin = args.tensorParallelSize();
        if (pin != null) {
            if (!perf.fits(pin, args)) {
                throw new IllegalArgumentException("engine." + field + ".tensor_parallel_size is " + pin + " but "
                        + spec.engine().model() + " does not fit on " + pin + " " + spec.hardware().gpuSku()
                        + " GPU(s); TP shapes that fit: " + fits);
            }
            return List.of(pin);
        }
        if (fits.isEmpty()) {
            throw new IllegalArgumentException(spec.engine().model() + " does not fit on up to 8 "
                    + spec.hardware().gpuSku() + " GPUs at any TP shape; nothing to search");
        }
        return fits;
    }

    static List<RouterSetting> routerStates(ReplayOptimizeSpec spec) {
        List<RouterSetting> out = new ArrayList<>();
        RouterMode mode = spec.router().mode();
        if (mode == RouterMode.ROUND_ROBIN || mode == RouterMode.BOTH) {
            out.add(RouterSetting.roundRobin());
        }
        if (mode == RouterMode.KV_ROUTER || mode == RouterMode.BOTH) {
            for (var k : spec.router().knobs()) {
                out.add(RouterSetting.kvRouter(k.overlapScoreCredit(), k.prefillLoadScale()));
            }
        }
        return out;
    }

    /** Returns the prefill (aggregated: all) TP candidates, ascending. */
    public List<Integer> prefillTps() {
        return prefillTps;
    }

    /** Returns the decode TP candidates, ascending. */
    public List<Integer> decodeTps() {
        return decodeTps;
    }

    /** Returns the router states in visit order; the first is the initial one. */
    public List<RouterSetting> routerStates() {
        return routerStates;
    }

    /** Returns the equal-worker TP states: for each (prefill TP, decode TP), {@code budget / (ptp + dtp)} workers each. */
    public List<DeploymentState> equalWorkerTpStates(RouterSetting router) {
        int budget = spec.hardware().totalGpus();
        List<DeploymentState> out = new ArrayList<>();
        if (!spec.isDisaggregated()) {
            for (int tp : prefillTps) {
                if (budget / tp >= 1 && supportsAggRouter(router, budget / tp)) {
                    out.add(DeploymentState.aggregated(tp, budget / tp, router));
                }
            }
            return out;
        }
        for (int ptp : prefillTps) {
            for (int dtp : decodeTps) {
                int w = budget / (ptp + dtp);
                if (w >= 1) {
                    out.add(DeploymentState.disaggregated(ptp, dtp, w, w, router));
                }
            }
        }
        return out;
    }

    /**
     * Returns the worker splits at the given TP pair that use the most GPUs achievable within the budget (ties all
     * kept; prefill workers outer, decode inner). Aggregated: every worker count, without the KV router at 1 worker.
     */
    public List<DeploymentState> budgetEdgeWorkerStates(DeploymentState at) {
        int budget = spec.hardware().totalGpus();
        List<DeploymentState> out = new ArrayList<>();
        if (at.aggregated()) {
            for (int w = 1; w <= budget / at.tp(); w++) {
                if (supportsAggRouter(at.router(), w)) {
                    out.add(DeploymentState.aggregated(at.tp(), w, at.router()));
                }
            }
            return out;
        }
        int ptp = at.prefillTp();
        int dtp = at.decodeTp();
        int max = 0;
        for (int pw = 1; pw <= budget / ptp; pw++) {
            for (int dw = 1; dw <= budget / dtp; dw++) {
                int used = ptp * pw + dtp * dw;
                if (used <= budget) {
                    max = Math.max(max, used);
                }
            }
        }
        for (int pw = 1; pw <= budget / ptp; pw++) {
            for (int dw = 1; dw <= budget / dtp; dw++) {
                if (ptp * pw + dtp * dw == max) {
                    out.add(DeploymentState.disaggregated(ptp, dtp, pw, dw, at.router()));
                }
            }
        }
        return out;
    }

    /** Returns every router state at {@code at}'s topology (aggregated: those its worker count supports). */
    public List<DeploymentState> routerVariants(DeploymentState at) {
        List<DeploymentState> out = new ArrayList<>();
        for (RouterSetting r : routerStates) {
            if (!at.aggregated() || supportsAggRouter(r, at.workers())) {
                out.add(at.withRouter(r));
            }
        }
        return out;
    }

    /** Returns every state within budget: each TP pair × worker split × router state (the exhaustive baseline). */
    public List<DeploymentState> allStates() {
        int budget = spec.hardware().totalGpus();
        List<DeploymentState> out = new ArrayList<>();
        for (int ptp : prefillTps) {
            if (!spec.isDisaggregated()) {
                for (int w = 1; w <= budget / ptp; w++) {
                    for (RouterSetting r : routerStates) {
                        if (supportsAggRouter(r, w)) {
                            out.add(DeploymentState.aggregated(ptp, w, r));
                        }
                    }
                }
                continue;
            }
            for (int dtp : decodeTps) {
                for (int pw = 1; pw <= budget / ptp; pw++) {
                    for (int dw = 1; ptp * pw + dtp * dw <= budget; dw++) {
                        for (RouterSetting r : routerStates) {
                            out.add(DeploymentState.disaggregated(ptp, dtp, pw, dw, r));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The KV router needs at least 2 aggregated workers to choose between. */
    static boolean supportsAggRouter(RouterSetting r, int workers) {
        return !r.isKvRouter() || workers > 1;
    }
}
