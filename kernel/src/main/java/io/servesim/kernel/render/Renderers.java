package io.servesim.kernel.render;

import io.servesim.metrics.Headline;
import io.servesim.metrics.ReplayMetrics;
import io.servesim.optimize.EvaluatedState;
import io.servesim.optimize.OptimizationResult;
import io.servesim.optimize.ResultTables;
import io.servesim.report.Cards;
import io.servesim.report.Charts;
import io.servesim.report.Html;
import io.servesim.report.HtmlReport;
import io.servesim.report.HtmlTables;
import io.servesim.report.PlotlyHtml;
import io.servesim.report.TextTables;
import io.servesim.spec.Objective;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.Specs;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.HistogramTrace;

/** Registers the HTML and text renderings of servesim's types, Tablesaw tables and Plotly figures. */
public final class Renderers {
    private Renderers() {
    }

    /** Registers everything on {@code r}. */
    public static void install(Renderer r) {
        r.createRegistration(Table.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((t, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> HtmlTables.html(t, HtmlTables.DEFAULT_ROWS));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> TextTables.format(t, List.of(), HtmlTables.DEFAULT_ROWS));
                });
        r.createRegistration(Figure.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((f, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> PlotlyHtml.html(f, title(f)));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "[chart: " + title(f) + "]");
                });
        r.createRegistration(OptimizationResult.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((res, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> resultHtml(res));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> resultText(res));
                });
        r.createRegistration(ReplayMetrics.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((m, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> Cards.html("replay metrics", Cards.headline(m)));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> Cards.text("replay metrics", Cards.headline(m)));
                });
        r.createRegistration(ReplayView.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((v, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> replayHtml(v));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, v::toString);
                });
        r.createRegistration(TraceView.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((v, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> traceHtml(v));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, v::toString);
                });
        r.createRegistration(PerfView.class).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((v, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> Cards.html(v.title(), v.figures()));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, v::toString);
                });
        r.createRegistration(ReplayOptimizeSpec.class).preferring(MIMEType.TEXT_PLAIN)
                .register((s, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> Specs.toYaml(s)));
        r.createRegistration(EvaluatedState.class).preferring(MIMEType.TEXT_PLAIN)
                .register((s, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_PLAIN, s::toString));
        r.createRegistration(PlainText.class).preferring(MIMEType.TEXT_PLAIN)
                .register((s, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_PLAIN, s::text));
    }

    static String title(Figure f) {
        String t = f.getLayout() == null ? null : f.getLayout().getTitle();
        return t == null || t.isBlank() ? "Plotly figure" : t;
    }

    static String resultHtml(OptimizationResult res) {
        return PlotlyHtml.standalone(HtmlReport.sweepSection(res));
    }

    static String resultText(OptimizationResult res) {
        StringBuilder b = new StringBuilder(res.toString()).append('\n');
        res.bestFeasible().ifPresent(best -> b.append(res.explain(best)).append('\n'));
        b.append(TextTables.format(res.feasible(), ResultTables.shown(Headline.NOTEBOOK), 10));
        return b.toString();
    }

    static String replayHtml(ReplayView v) {
        return PlotlyHtml.standalone(HtmlReport.replaySection(v.label(), v.metrics()));
    }

    static String traceHtml(TraceView v) {
        var s = v.stats();
        var card = new java.util.LinkedHashMap<String, Object>();
        card.put("requests", (double) s.requests());
        card.put("time_span_s", s.spanMs() / 1000);
        card.put("arrival_rate_rps", s.arrivalRatePerS());
        s.inputLength().forEach((k, x) -> card.put("input_" + k, x));
        s.outputLength().forEach((k, x) -> card.put("output_" + k, x));
        card.put("infinite_cache_reuse_ratio", s.tokenReuse());
        StringBuilder b = new StringBuilder(Cards.html(v.file(), card));
        Figure in = new Figure(tech.tablesaw.plotly.components.Layout.builder().title("Input length (tokens)")
                .height(320).width(560).build(), HistogramTrace.builder(v.inputLengths()).nBinsX(60).build());
        Figure out = new Figure(tech.tablesaw.plotly.components.Layout.builder().title("Output length (tokens)")
                .height(320).width(560).build(), HistogramTrace.builder(v.outputLengths()).nBinsX(60).build());
        b.append(PlotlyHtml.chart(in, "input length histogram"));
        b.append(PlotlyHtml.chart(out, "output length histogram"));
        return PlotlyHtml.standalone(b.toString());
    }
}
