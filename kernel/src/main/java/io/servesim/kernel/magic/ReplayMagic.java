package io.servesim.kernel.magic;

import io.servesim.kernel.CellError;
import io.servesim.kernel.render.ReplayView;
import io.servesim.metrics.ReplayMetrics;
import io.servesim.optimize.DeploymentState;
import io.servesim.optimize.LocalEvaluator;
import io.servesim.optimize.RouterState;
import io.servesim.spec.ReplayOptimizeSpec;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code %replay [NAME] --prefill-tp … }: one run with per-request records; shows metrics and timelines. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay the spec's workload through one topology; returns its ReplayMetrics.")
public final class ReplayMagic extends Magic {
    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Variable holding a ReplayOptimizeSpec") String name;
    @Option(names = "--spec", paramLabel = "FILE") Path specFile;
    @Option(names = "--prefill-tp") Integer prefillTp;
    @Option(names = "--decode-tp") Integer decodeTp;
    @Option(names = "--prefill-workers") Integer prefillWorkers;
    @Option(names = "--decode-workers") Integer decodeWorkers;
    @Option(names = "--tp", description = "Aggregated specs") Integer tp;
    @Option(names = "--workers", description = "Aggregated specs") Integer workers;
    @Option(names = "--overlap-credit", defaultValue = "1.0") double credit;
    @Option(names = "--prefill-load-scale", defaultValue = "1.0") double scale;
    @Option(names = "--router-mode", defaultValue = "kv_router") String routerMode;
    @Option(names = "--as", paramLabel = "VAR") String as;

    @Override
    protected Object run(MagicContext ctx, String body) {
        ReplayOptimizeSpec spec = MagicSpecs.resolve(ctx, name, specFile);
        RouterState router;
        try {
            router = RouterState.named(routerMode, credit, scale);
        } catch (IllegalArgumentException e) {
            throw new CellError("UsageError", List.of(e.getMessage(), "", usage()));
        }
        DeploymentState state = spec.isDisaggregated()
                ? DeploymentState.disaggregated(need(prefillTp, "--prefill-tp"), need(decodeTp, "--decode-tp"),
                need(prefillWorkers, "--prefill-workers"), need(decodeWorkers, "--decode-workers"), router)
                : DeploymentState.aggregated(need(tp, "--tp"), need(workers, "--workers"), router);
        ReplayMetrics m = new LocalEvaluator(spec).replay(state, true);
        if (as != null) {
            ctx.bind(as, m);
        }
        return new ReplayView(state.label(), m);
    }

    private int need(Integer v, String flag) {
        if (v == null) {
            throw new CellError("UsageError", List.of(flag + " is required for this spec's engine", "", usage()));
        }
        return v;
    }
}
