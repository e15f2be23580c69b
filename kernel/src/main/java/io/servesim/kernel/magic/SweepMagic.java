package io.servesim.kernel.magic;

import io.servesim.kernel.render.Html;
import io.servesim.optimize.OptimizationResult;
import io.servesim.optimize.ProgressListener;
import io.servesim.optimize.ReplayOptimizer;
import io.servesim.optimize.LocalEvaluator;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.SpecOverrides;
import java.nio.file.Path;
import java.util.Locale;
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
        Consumer<String> progress = ctx.liveDisplay(progressHtml(0, 0, "starting"));
        long[] lastUpdate = {0};
        ProgressListener listener = (done, planned, latest, best) -> {
            long now = System.nanoTime();
            if (now - lastUpdate[0] > 200_000_000L || done == planned) {
                lastUpdate[0] = now;
                progress.accept(progressHtml(done, planned, best.map(b -> "best so far: " + b.state().label())
                        .orElse("")));
            }
        };
        LocalEvaluator evaluator = new LocalEvaluator(spec);
        OptimizationResult result = exhaustive ? ReplayOptimizer.optimizeWithGap(spec, evaluator, listener)
                : ReplayOptimizer.optimize(spec, evaluator, listener);
        progress.accept(String.format(Locale.ROOT, "<div class='servesim-progress'>sweep done: %d states evaluated"
                + " (%d feasible) in %.1f s</div>", result.records().size(), result.feasibleRecords().size(),
                result.wallTimeMs() / 1000));
        if (as != null) {
            ctx.bind(as, result);
        }
        return result;
    }

    static String progressHtml(int done, int planned, String note) {
        int pct = planned == 0 ? 0 : (int) Math.round(100.0 * done / planned);
        return "<div class='servesim-progress'><progress max='100' value='" + pct + "'></progress> "
                + done + " / " + planned + " states evaluated " + Html.escape(note) + "</div>";
    }
}
