package io.servesim.report;

import io.servesim.Version;
import io.servesim.metrics.ReplayMetrics;
import io.servesim.optimize.OptimizationResult;
import io.servesim.optimize.ResultTables;
import io.servesim.spec.Objective;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.Specs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tech.tablesaw.plotly.components.Figure;

/**
 * HTML views of sweep and replay results, shared by the notebook kernel's renderers and the command line's
 * self-contained offline {@code report.html} (spec, servesim version, seed, best state with its explanation, the
 * headline table, the Pareto chart and the topology and router heatmaps; plotly.js embedded).
 */
public final class HtmlReport {
    /** The file name written next to a sweep's or replay's other outputs. */
    public static final String FILE = "report.html";
    /** Rows of the headline table. */
    static final int TOP = 10;

    private HtmlReport() {
    }

    /** Returns a sweep's summary, headline table and Pareto chart (charts without plotly.js: see {@link PlotlyHtml}). */
    public static String sweepSection(OptimizationResult res) {
        StringBuilder b = new StringBuilder("<div class='servesim-result'>");
        b.append("<p><b>").append(res.records().size()).append(" states evaluated, ")
                .append(res.feasibleRecords().size()).append(" feasible</b> (")
                .append(String.format(Locale.ROOT, "%.1f s", res.wallTimeMs() / 1000)).append(")</p>");
        res.bestFeasible().ifPresent(best -> b.append("<p><b>Best feasible:</b> ")
                .append(Html.escape(best.state().label())).append("</p><pre>")
                .append(Html.escape(res.explain(best))).append("</pre>"));
        if (res.bestFeasible().isEmpty()) {
            b.append("<p><b>No feasible state.</b></p>");
        }
        res.bestInfeasible().ifPresent(bi -> b.append("<details><summary>Best infeasible: ")
                .append(Html.escape(bi.state().label())).append("</summary><pre>").append(Html.escape(res.explain(bi)))
                .append("</pre></details>"));
        res.optimalityGap().ifPresent(g -> b.append(String.format(Locale.ROOT,
                "<p>Exhaustive baseline: %d states; the descent used %d; optimality gap %.2f%%.</p>",
                g.exhaustiveEvaluations(), g.descentEvaluations(), 100 * g.relativeGap())));
        b.append(HtmlTables.html(ResultTables.headline("feasible states, best first", res.feasibleRecords()), TOP));
        b.append("<div style='color:#666;font-size:smaller'>headline columns; every column (")
                .append(res.feasible().columnCount()).append("): <code>result.feasible()</code> or <code>result"
                        + ".evaluated()</code>, or feasible.csv</div>");
        Figure pareto = res.spec().objective() == Objective.MEAN_TTFT ? Charts.paretoTtft(res) : Charts.paretoE2e(res);
        b.append(PlotlyHtml.chart(pareto, "Pareto chart"));
        return b.append("</div>").toString();
    }

    /** Returns a replay's metric card and its latency, utilisation and KV charts. */
    public static String replaySection(String label, ReplayMetrics m) {
        StringBuilder b = new StringBuilder(Cards.html(label, Cards.headline(m)));
        if (!m.requests().isEmpty()) {
            b.append(PlotlyHtml.chart(Charts.latencyCdf(m.requests()), "latency CDF"));
        }
        b.append(PlotlyHtml.chart(Charts.workerUtilisation(m.workers()), "worker utilisation"));
        return b.append(PlotlyHtml.chart(Charts.workerKvOccupancy(m.workers()), "KV occupancy")).toString();
    }

    /** Writes the sweep report into {@code dir}; returns the file. */
    public static Path writeSweep(OptimizationResult res, Path dir) {
        String body = sweepSection(res) + "<h2>Where the good deployments are</h2>"
                + PlotlyHtml.chart(Charts.topologyHeatmap(res), "topology heatmap")
                + (res.spec().router().mode().id().equals("round_robin") ? ""
                : PlotlyHtml.chart(Charts.routerHeatmap(res), "router heatmap"));
        return write(dir, "servesim sweep report", res.spec(), body);
    }

    /** Writes the report of one replay of {@code spec} into {@code dir}; returns the file. */
    public static Path writeReplay(ReplayOptimizeSpec spec, String label, ReplayMetrics m, Path dir) {
        return write(dir, "servesim replay report", spec, replaySection(label, m));
    }

    private static Path write(Path dir, String title, ReplayOptimizeSpec spec, String body) {
        String page = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>" + Html.escape(title) + "</title>"
                + "<style>body{font-family:sans-serif;margin:24px;max-width:1100px}pre{background:#f6f6f6;padding:8px;"
                + "overflow:auto}table.dataframe{border-collapse:collapse;font-size:13px}table.dataframe td,"
                + "table.dataframe th{padding:2px 8px}</style></head><body><h1>" + Html.escape(title) + "</h1>"
                + "<p>servesim " + Html.escape(Version.current()) + " · seed (arrivalSeed) "
                + spec.workload().arrivalSeed() + " · " + Html.escape(spec.engine().model()) + " on "
                + spec.hardware().totalGpus() + " × " + Html.escape(spec.hardware().gpuSku()) + "</p>"
                + PlotlyHtml.standalone(body)
                + "<h2>Spec</h2><pre>" + Html.escape(Specs.toYaml(spec)) + "</pre></body></html>";
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE);
            Files.writeString(file, page, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }
}
