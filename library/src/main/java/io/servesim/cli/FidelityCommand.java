package io.servesim.cli;

import io.servesim.fidelity.FidelityMethod;
import io.servesim.fidelity.FidelityReport;
import io.servesim.fidelity.FidelityReportWriter;
import io.servesim.fidelity.FidelityRunner;
import io.servesim.fidelity.MeasuredDataset;
import io.servesim.fidelity.OverheadFit;
import io.servesim.fidelity.OverheadStore;
import io.servesim.spec.Defaults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code servesim fidelity}: predictions checked against measured serving results. */
@Command(name = "fidelity", mixinStandardHelpOptions = true,
        description = "Replay measured serving points (default: the shipped public vLLM sample) and print measured vs"
                + " predicted TTFT/TPOT per row and the MAPE overall and per (system, model, precision).")
final class FidelityCommand implements Callable<Integer> {
    @Spec CommandSpec command;
    @Option(names = "--measured", paramLabel = "FILE",
            description = "CSV with columns " + MeasuredDataset.COLUMNS + " (default: the shipped dataset)")
    Path measured;
    @Option(names = "--json", description = "Print the report as JSON") boolean json;
    @Option(names = "--threads", description = "Rows replayed at once (default: min(8, cores))") Integer threads;
    @Option(names = "--fit", description = "Fit the engine overheads to the rows by least squares, print them and"
            + " store them in --out") boolean fit;
    @Option(names = "--out", paramLabel = "FILE", defaultValue = OverheadStore.SOURCE_PATH,
            description = "Where --fit stores the fitted values (default: ${DEFAULT-VALUE}, the resource servesim"
                    + " reads its defaults from)") Path out;

    @Override
    public Integer call() {
        MeasuredDataset data = measured == null ? MeasuredDataset.shipped() : MeasuredDataset.read(measured);
        int n = threads == null ? Defaults.maxParallelEvals() : threads;
        if (n < 1) {
            throw new IllegalArgumentException("--threads is " + n + "; allowed: an integer >= 1");
        }
        PrintWriter out = command.commandLine().getOut();
        if (fit) {
            PrintWriter err = command.commandLine().getErr();
            OverheadFit.Result r = OverheadFit.fit(data, OverheadFit.method(), n, line -> {
                err.println(line);
                err.flush();
            });
            OverheadStore.write(this.out, r, data.name());
            out.printf(java.util.Locale.ROOT, "fitted on %d rows of %s (%d full replays, %.0f s):%n"
                    + "  ttft_overhead_ms %.1f%n  step_overhead_ms %.2f%n  MAPE with them: TTFT %.1f%%, TPOT %.1f%%%n"
                    + "stored in %s (backend %s); rebuild servesim to use them as defaults%n", r.rows(), data.name(),
                    r.replays(), r.wallMs() / 1000, r.ttftOverheadMs(), r.stepOverheadMs(),
                    r.accuracy().mapeTtftPct(), r.accuracy().mapeTpotPct(), this.out, Defaults.BACKEND);
            out.flush();
            return 0;
        }
        FidelityReport report = FidelityRunner.run(data, FidelityMethod.standard(), n);
        if (json) {
            out.println(FidelityReportWriter.json(report));
            out.flush();
        } else {
            FidelityReportWriter.text(report, out);
        }
        return 0;
    }
}
