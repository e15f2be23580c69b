package io.servesim.kernel.magic;

import io.servesim.cli.SweepOptions;
import io.servesim.optimize.OptimizationResult;
import io.servesim.optimize.ReplayOptimizer;
import io.servesim.spec.ReplayOptimizeSpec;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code %sweep [NAME] [flags]}: runs a sweep with a live progress display and returns the result. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a sweep of the spec in variable NAME (or --spec FILE, or the default example).")
public final class SweepMagic extends Magic {
    @Mixin MagicSpecs source;
    @Mixin SweepOptions sweep;
    @Option(names = "--as", paramLabel = "VAR", description = "Bind the result to this variable") String as;

    @Override
    protected Object run(MagicContext ctx, String body) {
        ReplayOptimizeSpec spec = sweep.applyTo(source.resolve(ctx));
        Consumer<String> display = ctx.liveDisplay(SweepProgress.starting());
        SweepProgress listener = new SweepProgress(display);
        OptimizationResult result = ReplayOptimizer.run(spec, listener, sweep.exhaustive());
        display.accept(listener.done(result.records().size(), result.feasibleRecords().size(), result.wallTimeMs())
                + SweepProgress.warnings(result.warnings()));
        if (as != null) {
            ctx.bind(as, result);
        }
        return result;
    }
}
