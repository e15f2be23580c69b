package io.servesim.report;

import io.servesim.OptionalDependency;
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
import java.util.Map;
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
        OptionalDependency.CHARTS.require();
        String best = res.bestFeasible()
                .map(b -> HtmlTemplate.named("sweep-best").render(Map.of("label", b.state().label(),
                        "explanation", res.explain(b))))
                .orElseGet(() -> HtmlTemplate.named("sweep-no-feasible").render(Map.of()));
        String bestInfeasible = res.bestInfeasible()
                .map(b -> HtmlTemplate.named("sweep-best-infeasible").render(Map.of("label", b.state().label(),
                        "explanation", res.explain(b))))
                .orElse("");
        String gap = res.optimalityGap()
                .map(g -> HtmlTemplate.named("sweep-gap").render(Map.of("exhaustive", g.exhaustiveEvaluations(),
                        "descent", g.descentEvaluations(),
                        "gapPercent", String.format(Locale.ROOT, "%.2f", 100 * g.relativeGap()))))
                .orElse("");
        Figure pareto = res.spec().objective() == Objective.MEAN_TTFT ? Charts.paretoTtft(res) : Charts.paretoE2e(res);
        return HtmlTemplate.named("sweep-section").render(Map.of(
                "evaluated", res.records().size(),
                "feasible", res.feasibleRecords().size(),
                "wallTime", String.format(Locale.ROOT, "%.1f s", res.wallTimeMs() / 1000),
                "best", best,
                "bestInfeasible", bestInfeasible,
                "gap", gap,
                "table", HtmlTables.html(ResultTables.headline("feasible states, best first", res.feasibleRecords()),
                        TOP),
                "columns", res.feasible().columnCount(),
                "chart", PlotlyHtml.chart(pareto, "Pareto chart")));
    }

    /** Returns a replay's metric card and its latency, utilisation and KV charts. */
    public static String replaySection(String label, ReplayMetrics m) {
        OptionalDependency.CHARTS.require();
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
        String page = HtmlTemplate.named("page").render(Map.of(
                "title", title,
                "version", Version.current(),
                "seed", spec.workload().arrivalSeed(),
                "model", spec.engine().model(),
                "gpus", spec.hardware().totalGpus(),
                "sku", spec.hardware().gpuSku(),
                "body", PlotlyHtml.standalone(body),
                "spec", Specs.toYaml(spec)));
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
