package io.servesim.cli;

import io.servesim.cluster.ReplayRunner;
import io.servesim.metrics.Headline;
import io.servesim.metrics.ReplayMetrics;
import io.servesim.metrics.WorkerStats;
import io.servesim.optimize.DeploymentState;
import io.servesim.optimize.LocalEvaluator;
import io.servesim.report.DecisionText;
import io.servesim.report.TextTables;
import io.servesim.router.DecisionRecorder;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.Specs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code servesim replay}: one run of the spec's workload through one topology. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a workload through one topology and print its metrics.")
final class ReplayCommand implements Callable<Integer> {
    static final List<String> HEADLINE = Headline.REPLAY.names();

    @Spec
    CommandSpec command;

    @Option(names = "--spec", paramLabel = "FILE", description = "Spec file (default: the built-in default example)")
    Path specFile;

    @Mixin
    DeploymentOptions deployment;

    @Mixin
    Lenient lenient;

    @Option(names = "--json", description = "Print the metrics as JSON with the report column names as keys"
            + " (default: text)")
    boolean json;

    @Option(names = "--bench", paramLabel = "N", defaultValue = "0",
            description = "Replay N more times and report the time per replay (default: ${DEFAULT-VALUE})")
    int bench;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write a self-contained report.html into DIR"
            + " (default: none)")
    Path outDir;

    @Option(names = "--no-progress", description = "Do not draw the progress bar (default: drawn on a terminal)")
    boolean noProgress;

    @Option(names = "--decisions", paramLabel = "N",
            description = "Print the first N routing decisions with the KV router's cost terms per worker")
    int decisions;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        Flags.nonNegative("--bench", bench);
        ReplayOptimizeSpec spec = lenient.applyTo(Specs.readOrDefault(specFile));
        DeploymentState state = deployment.state(spec);
        LocalEvaluator evaluator = new LocalEvaluator(spec);
        ProgressBar bar = new ProgressBar(command.commandLine().getErr(), !noProgress && !json && System.console() != null);
        if (decisions < 0) {
            throw new IllegalArgumentException("--decisions is " + decisions + "; allowed: a count >= 0");
        }
        DecisionRecorder recorder = decisions > 0 ? new DecisionRecorder(decisions) : null;
        ReplayMetrics m = evaluator.replay(state, outDir != null,
                f -> bar.update(Math.round(f * 1000), 1000, String.format(Locale.ROOT, "%.0f%% of requests done", 100 * f)),
                recorder);
        bar.finish();
        if (outDir != null) {
            Path report = io.servesim.report.HtmlReport.writeReplay(spec, state.label(), m, outDir);
            command.commandLine().getErr().println("report written to " + report);
        }
        if (bench > 0) {
            long start = System.nanoTime();
            for (int i = 0; i < bench; i++) {
                evaluator.replay(state, false);
            }
            command.commandLine().getErr().printf(Locale.ROOT, "%d replays, %.1f ms per replay%n", bench,
                    (System.nanoTime() - start) / 1e6 / bench);
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>(LocalEvaluator.withPoolFigures(m));
            if (evaluator.firstSkippedLine() != null) {
                doc.put("first_skipped_line", evaluator.firstSkippedLine());
            }
            out.println(Specs.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            return 0;
        }
        out.println(state.label() + " (" + state.totalGpusUsed() + " GPUs), " + spec.engine().model() + " on "
                + spec.hardware().gpuSku());
        for (String k : HEADLINE) {
            out.printf(Locale.ROOT, "  %-28s %s%n", k, TextTables.cell(m.get(k)));
        }
        double unfinished = m.summary().getOrDefault(ReplayRunner.UNFINISHED_REQUESTS, 0.0);
        if (unfinished > 0) {
            out.printf(Locale.ROOT, "  WARNING: %.0f of %.0f requests sent did not complete; the figures above cover"
                    + " the completed ones only%n", unfinished, m.get(ReplayRunner.SENT_REQUESTS));
        }
        Double skipped = m.summary().get(ReplayRunner.SKIPPED_TRACE_LINES);
        if (skipped != null) {
            out.printf(Locale.ROOT, "  lenient trace: %.0f bad lines skipped; first: %s%n", skipped,
                    evaluator.firstSkippedLine());
        }
        out.println("workers:");
        for (WorkerStats w : m.workers()) {
            out.printf(Locale.ROOT, "  #%-3d %-10s TP%d  blocks %6d  passes %7d  busy %5.1f%%  KV mean %5.1f%% peak %5.1f%%"
                            + "  preemptions %d%n", w.index(), w.role(), w.tp(), w.numGpuBlocks(), w.passes(),
                    100 * w.busyFraction(), 100 * w.meanKvOccupancy(), 100 * w.peakKvOccupancy(), w.preemptions());
        }
        if (recorder != null) {
            out.println("first " + recorder.decisions().size() + " routing decisions (cost = prefill_load_scale ×"
                    + " (prefill_blocks − credit_blocks) + decode_blocks + active; lowest wins, * = chosen):");
            out.print(DecisionText.format(recorder.decisions()));
        }
        out.flush();
        return 0;
    }
}
