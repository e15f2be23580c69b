package io.servesim.cli;

import io.servesim.optimize.DeploymentState;
import io.servesim.optimize.RouterState;
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

    private static int need(Integer v, String flag) {
        if (v == null) {
            throw new IllegalArgumentException(flag + " is required for this spec's engine");
        }
        return v;
    }
}
