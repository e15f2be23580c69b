package io.servesim.kernel.magic;

import io.servesim.kernel.session.CellError;
import io.servesim.report.PlotlyHtml;
import io.servesim.spec.Defaults;
import io.servesim.study.StudyBackend;
import io.servesim.study.StudyBackends;
import io.servesim.study.StudyResult;
import io.servesim.study.StudyRunner;
import io.servesim.study.StudySpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.traces.BarTrace;

/**
 * {@code %study [NAME | --spec FILE] [--out DIR] [--spark MASTER] [--threads N] [--as VAR]}: runs a study with a live
 * display (cells done / total, ETA, and a chart of each finished cell's best output throughput per GPU), returns the
 * cells table and binds the {@link StudyResult} to {@code --as}. An existing {@code --out} folder of the same study
 * is resumed.
 */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Run a study (many sweeps over axes of spec values) from variable NAME or --spec FILE.")
public final class StudyMagic extends Magic {
    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Variable holding a StudySpec") String name;
    @Option(names = "--spec", paramLabel = "FILE", description = "Study file (YAML or JSON)") Path specFile;
    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default runs/study-<name>)") Path out;
    @Option(names = "--spark", paramLabel = "MASTER", description = "Run on Spark (needs the Spark module)")
    String spark;
    @Option(names = "--threads", paramLabel = "N", description = "In-process threads (default: all cores)")
    Integer threads;
    @Option(names = "--as", paramLabel = "VAR", description = "Bind the StudyResult to this variable") String as;

    @Override
    protected Object run(MagicContext ctx, String body) {
        StudySpec study = resolve(ctx);
        String label = name != null ? name : specFile.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
        Path dir = out != null ? out : Path.of("runs", Defaults.STUDY_OUT_PREFIX + label);
        List<String> cells = new ArrayList<>();
        List<Double> best = new ArrayList<>();
        Consumer<String> live = ctx.liveDisplay(PlotlyHtml.standalone(progress(0, study.cellCount(), "starting")));
        try (StudyBackend backend = spark != null ? StudyBackends.spark(spark)
                : StudyBackends.local(threads != null ? threads : Runtime.getRuntime().availableProcessors())) {
            StudyResult r = StudyRunner.run(study, dir, backend, p -> {
                cells.add(shortLabel(p.cell().labels()));
                best.add(p.summary().best().outputThroughputTokSPerGpu());
                live.accept(progress(p.done(), p.total(), "ETA " + p.eta() + " on " + backend.describe())
                        + PlotlyHtml.chart(chart(cells, best), "best state per cell"));
            });
            var table = r.cells();
            List<String> all = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < table.rowCount(); i++) {
                all.add(shortLabel(r.study().cells().get(i).labels()));
                values.add(table.doubleColumn("output_throughput_tok_s_per_gpu").getDouble(i));
            }
            live.accept(PlotlyHtml.standalone(ProgressHtml.render("study-done", Map.of("cells", r.cellCount(),
                    "run", r.cellsRun(), "resumed", r.cellsResumed(),
                    "seconds", String.format(Locale.ROOT, "%.1f", r.wallSeconds()), "folder", dir))
                    + PlotlyHtml.chart(chart(all, values), "best state per cell")));
            if (as != null) {
                ctx.bind(as, r);
            }
            return table;
        }
    }

    private StudySpec resolve(MagicContext ctx) {
        if ((name == null) == (specFile == null)) {
            throw new CellError("UsageError", List.of("give a StudySpec variable or --spec FILE (one of them)"));
        }
        if (specFile != null) {
            return StudySpec.read(specFile);
        }
        Object v = ctx.variable(name);
        if (!(v instanceof StudySpec s)) {
            throw new CellError("UsageError", List.of("variable " + name + " holds a "
                    + (v == null ? "null" : v.getClass().getSimpleName()) + ", not a StudySpec"));
        }
        return s;
    }

    /** Returns the cell's axis values joined by " · ", model ids without their organisation prefix. */
    private static String shortLabel(List<String> labels) {
        return String.join(" · ", labels.stream().map(l -> l.substring(l.lastIndexOf('/') + 1)).toList());
    }

    private static Figure chart(List<String> cells, List<Double> best) {
        return new Figure(Layout.builder().title("Best output tokens/s per GPU per cell").height(420).width(820)
                .margin(Margin.builder().bottom(140).build())
                .yAxis(Axis.builder().title("output tokens/s per GPU").build()).build(),
                BarTrace.builder(cells.toArray(), best.stream().mapToDouble(Double::doubleValue).toArray()).build());
    }

    private static String progress(int done, int total, String note) {
        int pct = total == 0 ? 0 : (int) Math.round(100.0 * done / total);
        return ProgressHtml.render("study-progress", Map.of("percent", pct, "done", done, "total", total,
                "note", note));
    }
}
