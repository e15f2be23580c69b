package io.servesim.cli;

import io.servesim.optimize.DeploymentState;
import io.servesim.perf.PerfModel;
import io.servesim.router.RouterSetting;
import io.servesim.spec.Defaults;
import io.servesim.spec.EngineArgs;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.RouterMode;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The flags that name one deployment (topology and router), shared by {@code servesim replay} and the notebook's
 * {@code %replay} as a picocli mixin: disaggregated specs need the four prefill/decode flags, aggregated ones
 * {@code --tp} and {@code --workers}.
 */
public final class DeploymentOptions {
    @Option(names = "--prefill-tp", paramLabel = "N",
            description = "Disaggregated specs: GPUs per prefill worker, a power of two (1, 2, 4, 8); required") Integer prefillTp;
    @Option(names = "--decode-tp", paramLabel = "N",
            description = "Disaggregated specs: GPUs per decode worker, a power of two (1, 2, 4, 8); required") Integer decodeTp;
    @Option(names = "--prefill-workers", paramLabel = "N",
            description = "Disaggregated specs: prefill worker count; required") Integer prefillWorkers;
    @Option(names = "--decode-workers", paramLabel = "N",
            description = "Disaggregated specs: decode worker count; required") Integer decodeWorkers;
    @Option(names = "--tp", paramLabel = "N",
            description = "Aggregated specs: GPUs per worker, a power of two (1, 2, 4, 8); required") Integer tp;
    @Option(names = "--workers", paramLabel = "N", description = "Aggregated specs: worker count; required")
    Integer workers;

    @Option(names = "--overlap-credit", paramLabel = "C", defaultValue = Defaults.Flag.OVERLAP_CREDIT,
            description = "KV router credit for cached prefix blocks, in [0, 1] (default ${DEFAULT-VALUE})") double credit;
    @Option(names = "--prefill-load-scale", paramLabel = "S", defaultValue = Defaults.Flag.PREFILL_LOAD_SCALE,
            description = "KV router weight of queued prefill work, > 0 (default ${DEFAULT-VALUE})") double scale;
    @Option(names = "--router-mode", paramLabel = "MODE", defaultValue = Defaults.Flag.ROUTER_MODE,
            description = "kv_router or round_robin (default ${DEFAULT-VALUE})") String routerMode;

    /** Returns the deployment the flags name for a disaggregated (or aggregated) spec; a missing flag is named. */
    public DeploymentState state(boolean disaggregated) {
        Flags.between("--overlap-credit", credit, 0, 1);
        Flags.between("--prefill-load-scale", scale, 0, io.servesim.spec.Limits.MAX_LOAD_SCALE);
        RouterSetting router = routerMode(routerMode) == RouterMode.KV_ROUTER
                ? RouterSetting.kvRouter(credit, scale) : RouterSetting.roundRobin();
        return disaggregated
                ? DeploymentState.disaggregated(Flags.tp("--prefill-tp", need(prefillTp, "--prefill-tp")),
                Flags.tp("--decode-tp", need(decodeTp, "--decode-tp")),
                Flags.positive("--prefill-workers", need(prefillWorkers, "--prefill-workers"), Flags.MAX_GPUS),
                Flags.positive("--decode-workers", need(decodeWorkers, "--decode-workers"), Flags.MAX_GPUS), router)
                : DeploymentState.aggregated(Flags.tp("--tp", need(tp, "--tp")),
                Flags.positive("--workers", need(workers, "--workers"), Flags.MAX_GPUS), router);
    }

    /**
     * Returns the deployment the flags name, checked against {@code spec} by the sweep's rules: each TP is a shape
     * the model fits on the spec's GPU, and the deployment stays within {@code hardware.totalGpus}.
     */
    public DeploymentState state(ReplayOptimizeSpec spec) {
        DeploymentState s = state(spec.isDisaggregated());
        PerfModel perf = PerfModel.of(spec.engine().model(), spec.hardware().gpuSku());
        if (spec.isDisaggregated()) {
            checkTp(perf, spec.engine().basePrefillEngineArgs(), "--prefill-tp", s.prefillTp());
            checkTp(perf, spec.engine().baseDecodeEngineArgs(), "--decode-tp", s.decodeTp());
        } else {
            checkTp(perf, spec.engine().baseEngineArgs(), "--tp", s.tp());
        }
        positive(s.prefillWorkers(), spec.isDisaggregated() ? "--prefill-workers" : "--workers");
        positive(s.decodeWorkers(), spec.isDisaggregated() ? "--decode-workers" : "--workers");
        int budget = spec.hardware().totalGpus();
        if (s.totalGpusUsed() > budget) {
            throw new IllegalArgumentException(s.label() + " uses " + s.totalGpusUsed() + " GPUs; the spec's"
                    + " hardware.totalGpus is " + budget + " (raise it in the spec to replay a larger deployment)");
        }
        return s;
    }

    /** Fails unless {@code tp} is a TP shape {@code perf}'s model fits with {@code args}; names {@code flag}. */
    public static void checkTp(PerfModel perf, EngineArgs args, String flag, int tp) {
        List<Integer> fits = perf.tpCandidates(args);
        if (!fits.contains(tp)) {
            throw new IllegalArgumentException(flag + " is " + tp + "; allowed: a TP shape the model fits on this GPU "
                    + fits);
        }
    }

    /** Returns the mode {@code --router-mode} names: exactly {@code kv_router} or {@code round_robin}. */
    private static RouterMode routerMode(String name) {
        for (RouterMode m : new RouterMode[] {RouterMode.KV_ROUTER, RouterMode.ROUND_ROBIN}) {
            if (m.id().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("--router-mode is \"" + name + "\"; allowed: kv_router, round_robin");
    }

    private static void positive(int v, String flag) {
        if (v < 1) {
            throw new IllegalArgumentException(flag + " is " + v + "; allowed: 1 or more");
        }
    }

    private static int need(Integer v, String flag) {
        if (v == null) {
            throw new IllegalArgumentException(flag + " is required for this spec's engine");
        }
        return v;
    }
}
