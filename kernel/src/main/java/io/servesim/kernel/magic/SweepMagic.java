package io.servesim.kernel.magic;

import io.servesim.optimize.OptimizationResult;
import io.servesim.optimize.ReplayOptimizer;
import io.servesim.optimize.LocalEvaluator;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.SpecOverrides;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code %sweep [NAME] [flags]}: runs a sweep with a live progress display and returns the result. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a sweep of the spec in variable NAME (or --spec FILE, or the default example).")
public final class SweepMagic extends Magic {
    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Variable holding a ReplayOptimizeSpec")
    String name;

    @Option(names = "--spec", paramLabel = "FILE") Path specFile;
    @Option(names = "--objective", paramLabel = "NAME") String objective;
    @Option(names = "--total-gpus", paramLabel = "N") Integer totalGpus;
    @Option(names = "--router-mode", paramLabel = "MODE") String routerMode;
    @Option(names = "--max-parallel-evals", paramLabel = "N") Integer maxParallelEvals;
    @Option(names = "--trace-file", paramLabel = "F") Path traceFile;
    @Option(names = "--arrival-speedup-ratio", paramLabel = "R") Double arrivalSpeedupRatio;
    @Option(names = "--exhaustive", description = "Also run the exhaustive baseline and report the optimality gap")
    boolean exhaustive;
    @Option(names = "--as", paramLabel = "VAR", description = "Bind the result to this variable") String as;

    @Override
    protected Object run(MagicContext ctx, String body) {
        ReplayOptimizeSpec spec = MagicSpecs.resolve(ctx, name, specFile);
        spec = new SpecOverrides(traceFile == null ? null : traceFile.toString(), arrivalSpeedupRatio, objective,
                totalGpus, routerMode, maxParallelEvals).applyTo(spec);
        Consumer<String> display = ctx.liveDisplay(SweepProgress.starting());
        SweepProgress listener = new SweepProgress(display);
        LocalEvaluator evaluator = new LocalEvaluator(spec);
        OptimizationResult result = exhaustive ? ReplayOptimizer.optimizeWithGap(spec, evaluator, listener)
                : ReplayOptimizer.optimize(spec, evaluator, listener);
        display.accept(listener.done(result.records().size(), result.feasibleRecords().size(), result.wallTimeMs())
                + SweepProgress.warnings(result.warnings()));
        if (as != null) {
            ctx.bind(as, result);
        }
        return result;
    }
}
