package io.servesim.cli;

import io.servesim.metrics.Headline;
import io.servesim.report.TextTables;
import io.servesim.spec.Defaults;
import io.servesim.study.StudyAxis;
import io.servesim.study.StudyBackend;
import io.servesim.study.StudyBackends;
import io.servesim.study.StudyResult;
import io.servesim.study.StudyRunner;
import io.servesim.study.StudySpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code servesim study}: runs every cell of a study (many sweeps) in this process or, with {@code --spark}, on Apache
 * Spark; resumes from the cells already in {@code --out}.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Run a study: many sweeps over axes of spec values (models, GPUs, budgets, workloads, SLAs),"
                + " in-process on all cores or on Apache Spark; resumes from the cells already written to --out.")
final class StudyCommand implements Callable<Integer> {
    static final List<String> SHOWN = Stream.of(List.of("feasible", "prefill_tp", "decode_tp", "prefill_workers",
            "decode_workers", "total_gpus_used"), Headline.STUDY.names(), List.of("optimality_gap"))
            .flatMap(List::stream).toList();

    @Spec
    CommandSpec command;

    @Option(names = "--spec", paramLabel = "FILE", required = true, description = "Study file (YAML or JSON)")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default runs/study-<spec name>);"
            + " an existing folder of the same study is resumed")
    Path out;

    @Option(names = "--spark", paramLabel = "MASTER", description = "Run evaluations as Spark tasks: local[N] or a"
            + " cluster master URL such as spark://host:7077 (needs the Spark module; see README)")
    String sparkMaster;

    @Option(names = "--threads", paramLabel = "N", description = "In-process threads (default: all cores)")
    Integer threads;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "Cells to print (default 20)")
    int top;

    @Option(names = "--no-progress", description = "Do not print progress")
    boolean noProgress;

    @Override
    public Integer call() {
        PrintWriter outw = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        StudySpec study = StudySpec.read(specFile);
        String name = specFile.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        Path dir = out != null ? out : Path.of("runs", Defaults.STUDY_OUT_PREFIX + name);
        if (sparkMaster != null && threads != null) {
            throw new IllegalArgumentException("--threads applies to in-process studies; with --spark the"
                    + " parallelism is the master's (e.g. local[4])");
        }
        try (StudyBackend backend = sparkMaster != null ? StudyBackends.spark(sparkMaster)
                : StudyBackends.local(threads != null ? threads : Runtime.getRuntime().availableProcessors())) {
            outw.printf(Locale.ROOT, "servesim study: %s, %d cells (%s, %s search) on %s -> %s%n", name,
                    study.cellCount(), study.combine().id(), study.search().id(), backend.describe(), dir);
            outw.flush();
            boolean terminal = System.console() != null;
            ProgressBar bar = new ProgressBar(err, !noProgress && terminal);
            StudyResult result = StudyRunner.run(study, dir, backend, p -> {
                if (noProgress) {
                    return;
                }
                if (terminal) {
                    bar.update(p.done(), p.total(), "ETA " + p.eta());
                } else {
                    err.println(p.line(study));
                    err.flush();
                }
            });
            bar.finish();
            outw.printf(Locale.ROOT, "%d cells run, %d resumed, in %.1f s (%.2f cells/s)%n", result.cellsRun(),
                    result.cellsResumed(), result.wallSeconds(),
                    result.cellsRun() == 0 ? 0 : result.cellsRun() / result.wallSeconds());
            outw.println();
            List<String> columns = new ArrayList<>(List.of("cell"));
            study.axes().stream().map(StudyAxis::name).forEach(columns::add);
            columns.addAll(SHOWN);
            outw.print(TextTables.format(result.cells(), columns, top));
            outw.println();
            outw.println("Results written to " + dir + "/ (states/ partitioned by " + String.join(", ",
                    study.axes().stream().map(StudyAxis::name).toList()) + "; cells.parquet, cells.csv, study.yaml,"
                    + " versions.json, runs.jsonl)");
            outw.flush();
        }
        return 0;
    }
}
