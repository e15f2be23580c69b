package io.servesim.kernel.magic;

import io.servesim.cli.DeploymentOptions;
import io.servesim.cli.PerfOptions;
import io.servesim.cli.StepOptions;
import io.servesim.kernel.session.CellError;
import io.servesim.kernel.render.PerfView;
import io.servesim.perf.PerfModel;
import io.servesim.perf.StepReport;
import io.servesim.spec.EngineArgs;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code %perf}: step time of one engine pass (and its parts) and the worker's KV capacity. */
@Command(name = "perf", mixinStandardHelpOptions = true, description = "Step time and KV capacity from the performance model.")
public final class PerfMagic extends Magic {
    @Mixin PerfOptions worker;
    @Mixin StepOptions step;

    @Override
    protected Object run(MagicContext ctx, String body) {
        PerfModel perf = worker.perf();
        EngineArgs args;
        StepReport.Pass pass;
        try {
            args = worker.args();
            pass = step.pass();
            DeploymentOptions.checkTp(perf, args, "--tp", worker.tp());
        } catch (IllegalArgumentException e) {
            throw new CellError("UsageError", List.of(e.getMessage(), "", usage()));
        }
        return new PerfView(StepReport.of(perf, worker.tp(), args, pass), perf.capacity(worker.tp(), args));
    }
}
