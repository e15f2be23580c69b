package io.servesim.cli;

import io.servesim.optimize.DeploymentState;
import io.servesim.optimize.RouterState;
import io.servesim.perf.PerfModel;
import io.servesim.spec.EngineArgs;
import io.servesim.spec.ReplayOptimizeSpec;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The flags that name one deployment (topology and router), shared by {@code servesim replay} and the notebook's
 * {@code %replay} as a picocli mixin: disaggregated specs need the four prefill/decode flags, aggregated ones
 * {@code --tp} and {@code --workers}.
 */
public final class DeploymentOptions {
    @Option(names = "--prefill-tp", paramLabel = "N") Integer prefillTp;
    @Option(names = "--decode-tp", paramLabel = "N") Integer decodeTp;
    @Option(names = "--prefill-workers", paramLabel = "N") Integer prefillWorkers;
    @Option(names = "--decode-workers", paramLabel = "N") Integer decodeWorkers;
    @Option(names = "--tp", paramLabel = "N", description = "Aggregated specs: GPUs per worker") Integer tp;
    @Option(names = "--workers", paramLabel = "N", description = "Aggregated specs: worker count") Integer workers;

    @Option(names = "--overlap-credit", paramLabel = "C", defaultValue = "1.0") double credit;
    @Option(names = "--prefill-load-scale", paramLabel = "S", defaultValue = "1.0") double scale;
    @Option(names = "--router-mode", paramLabel = "MODE", defaultValue = "kv_router",
            description = "kv_router or round_robin") String routerMode;

    /** Returns the deployment the flags name for a disaggregated (or aggregated) spec; a missing flag is named. */
    public DeploymentState state(boolean disaggregated) {
        RouterState router = RouterState.named(routerMode, credit, scale);
        return disaggregated
                ? DeploymentState.disaggregated(need(prefillTp, "--prefill-tp"), need(decodeTp, "--decode-tp"),
                need(prefillWorkers, "--prefill-workers"), need(decodeWorkers, "--decode-workers"), router)
                : DeploymentState.aggregated(need(tp, "--tp"), need(workers, "--workers"), router);
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
