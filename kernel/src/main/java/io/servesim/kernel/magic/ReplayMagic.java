package io.servesim.kernel.magic;

import io.servesim.cli.DeploymentOptions;
import io.servesim.kernel.session.CellError;
import io.servesim.kernel.render.ReplayView;
import io.servesim.metrics.ReplayMetrics;
import io.servesim.optimize.DeploymentState;
import io.servesim.optimize.LocalEvaluator;
import io.servesim.report.DecisionText;
import io.servesim.router.DecisionRecorder;
import io.servesim.spec.ReplayOptimizeSpec;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code %replay [NAME] --prefill-tp … }: one run with per-request records; shows metrics and timelines. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay the spec's workload through one topology; returns its ReplayMetrics.")
public final class ReplayMagic extends Magic {
    @Mixin MagicSpecs source;
    @Mixin DeploymentOptions deployment;
    @Option(names = "--as", paramLabel = "VAR") String as;
    @Option(names = "--decisions", paramLabel = "N",
            description = "Also print the first N routing decisions with the KV router's cost terms") int decisions;

    @Override
    protected Object run(MagicContext ctx, String body) {
        ReplayOptimizeSpec spec = source.resolve(ctx);
        DeploymentState state;
        try {
            state = deployment.state(spec);
        } catch (IllegalArgumentException e) {
            throw new CellError("UsageError", List.of(e.getMessage(), "", usage()));
        }
        DecisionRecorder recorder = decisions > 0 ? new DecisionRecorder(decisions) : null;
        ReplayMetrics m = new LocalEvaluator(spec).replay(state, true, null, recorder);
        if (recorder != null) {
            ctx.println(DecisionText.format(recorder.decisions()));
        }
        if (as != null) {
            ctx.bind(as, m);
        }
        return new ReplayView(state.label(), m);
    }
}
