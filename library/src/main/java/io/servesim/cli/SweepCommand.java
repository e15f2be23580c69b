package io.servesim.cli;

import io.servesim.cluster.ReplayRunner;
import io.servesim.metrics.Headline;
import io.servesim.optimize.EvaluatedState;
import io.servesim.optimize.OptimizationResult;
import io.servesim.optimize.ProgressListener;
import io.servesim.optimize.ReplayOptimizer;
import io.servesim.optimize.ResultTables;
import io.servesim.report.Export;
import io.servesim.report.TextTables;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.Specs;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code servesim sweep}: searches deployments for the best feasible one and writes the result files. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Search deployments (TP shapes, worker counts, router knobs) for the best feasible one (the main job).")
final class SweepCommand implements Callable<Integer> {
    static final Path DEFAULT_SPEC = Path.of("notebooks", "specs", Specs.DEFAULT_EXAMPLE);
    static final List<String> SHOWN = ResultTables.shown(Headline.SWEEP);

    @Spec
    CommandSpec command;

    @Option(names = "--spec", paramLabel = "FILE", description = "Spec file (YAML or JSON); default: ${DEFAULT-VALUE} "
            + "(or the built-in default example)", defaultValue = "notebooks/specs/" + Specs.DEFAULT_EXAMPLE)
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write results: a new folder, an empty one or"
            + " a previous run's, which is replaced (default: runs/<spec>-<time>/)")
    Path out;

    @Mixin
    SweepOptions sweep;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "Feasible states to print (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--json", description = "Print best.json to stdout instead of tables (default: off)")
    boolean json;

    @Option(names = "--no-progress", description = "Do not draw the progress bar (default: drawn on a terminal)")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        PrintWriter outw = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        Flags.nonNegative("--top", top);
        ReplayOptimizeSpec spec = load();
        if (QuickJit.active() && QuickJit.estimate(spec, sweep.exhaustive()) > QuickJit.LIMIT) {
            return QuickJit.restartOptimised(command.root().commandLine().getParseResult().originalArgs());
        }
        String name = specFile != null && Files.exists(specFile)
                ? specFile.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "") : "default-disagg";
        Path dir = out != null ? out : Path.of("runs", name + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
        Export.checkWritable(dir);
        ProgressBar bar = new ProgressBar(err, !noProgress && !json && System.console() != null);
        ProgressListener listener = (done, planned, latest, best) -> bar.update(done, planned,
                best.map(b -> "best " + b.state().label()).orElse(""));
        OptimizationResult result;
        try {
            result = ReplayOptimizer.run(spec, listener, sweep.exhaustive());
        } finally {
            bar.finish();
        }
        for (String w : result.warnings()) {
            err.println("warning: " + w);
        }
        Export.writeAll(result, dir, spec.workload().arrivalSeed());
        if (json) {
            outw.println(Specs.jsonMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(Export.best(result, spec.workload().arrivalSeed())));
            return 0;
        }
        outw.printf(Locale.ROOT, "servesim sweep: %s, %s on %d × %s, objective %s%n", name, spec.engine().model(),
                spec.hardware().totalGpus(), spec.hardware().gpuSku(), spec.objective().id());
        outw.printf(Locale.ROOT, "%d states evaluated (%d feasible%s) in %.1f s%n", result.records().size(),
                result.feasibleRecords().size(), result.failedRecords().isEmpty() ? ""
                        : ", " + result.failedRecords().size() + " failed, see the error column",
                result.wallTimeMs() / 1000);
        result.failedRecords().stream().findFirst().ifPresent(f -> outw.println("first failure: " + f));
        skippedLines(result).ifPresent(n -> outw.printf(Locale.ROOT, "lenient trace: %d bad lines skipped; first: %s%n",
                n, result.firstSkippedLine().orElse("?")));
        result.optimalityGap().ifPresent(g -> outw.printf(Locale.ROOT,
                "exhaustive baseline: %d states; descent used %d; optimality gap %.2f%% (descent %s vs best %s)%n",
                g.exhaustiveEvaluations(), g.descentEvaluations(), 100 * g.relativeGap(),
                TextTables.cell(g.descentBestScore()), TextTables.cell(g.exhaustiveBestScore())));
        outw.println();
        if (result.bestFeasible().isPresent()) {
            EvaluatedState best = result.bestFeasible().get();
            outw.println("Best feasible: " + best.state().label());
            outw.println(indent(result.explain(best)));
        } else {
            outw.println("No feasible state.");
            result.bestInfeasible().ifPresent(b -> {
                outw.println("Least infeasible: " + b.state().label());
                outw.println(indent(result.explain(b)));
            });
        }
        if (!result.feasibleRecords().isEmpty() && top > 0) {
            outw.println();
            var grouped = result.feasibleGrouped();
            outw.println("Top " + Math.min(top, grouped.rowCount()) + " feasible results (" + grouped.rowCount()
                    + " distinct of " + result.feasibleRecords().size() + " states; identical_states counts the"
                    + " router settings that gave the same result):");
            List<String> columns = new java.util.ArrayList<>(shownColumns(spec));
            columns.add("identical_states");
            outw.print(TextTables.format(grouped, columns, top));
        }
        outw.println();
        outw.println("Results written to " + dir + "/ (evaluated.csv, feasible.csv, evaluated.parquet, best.json, pareto.csv, report.html)");
        outw.flush();
        return 0;
    }

    private static java.util.Optional<Long> skippedLines(OptimizationResult result) {
        return result.records().stream().map(r -> r.metrics().get(ReplayRunner.SKIPPED_TRACE_LINES))
                .filter(java.util.Objects::nonNull).map(Double::longValue).findFirst();
    }

    private static List<String> shownColumns(ReplayOptimizeSpec spec) {
        if (spec.isDisaggregated()) {
            return SHOWN;
        }
        return SHOWN.stream().map(c -> c.equals("prefill_tp") ? "tp" : c.equals("prefill_workers") ? "workers" : c)
                .filter(c -> !c.startsWith("decode_")).toList();
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }

    private ReplayOptimizeSpec load() {
        // the default --spec is the repository's copy of the built-in example: run from elsewhere, use the built-in
        boolean builtIn = specFile == null || specFile.equals(DEFAULT_SPEC) && !Files.exists(specFile);
        return sweep.applyTo(Specs.readOrDefault(builtIn ? null : specFile));
    }
}
