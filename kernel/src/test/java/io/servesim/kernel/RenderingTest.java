package io.servesim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servesim.kernel.session.CellError;
import io.servesim.kernel.session.MagicArgs;
import io.servesim.report.HtmlTables;
import io.servesim.report.PlotlyHtml;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;

/** HTML tables, offline Plotly output and magic argument splitting, without a Jupyter front end. */
class RenderingTest {
    @Test
    void tablesShowReadableHeadersOneFormatPerColumnAndHiddenRowCount() {
        double[] ttft = new double[30];
        for (int i = 0; i < ttft.length; i++) {
            ttft[i] = 1234.56789 + i;
        }
        Table t = Table.create("runs", DoubleColumn.create("mean_ttft_ms", ttft),
                DoubleColumn.create("prefix_cache_reused_ratio", java.util.Collections.nCopies(30, 0.25)),
                StringColumn.create("router_mode", java.util.Collections.nCopies(30, "kv_router<x>")));
        String html = HtmlTables.html(t, 20);
        assertThat(html).contains(">mean TTFT (ms)<").contains(">1,235<").contains(">0.250<").contains("10 more rows")
                .contains("kv_router&lt;x&gt;").doesNotContain("1234.56789").doesNotContain("scroll sideways");
        assertThat(HtmlTables.unit("output_throughput_tok_s")).isEqualTo("tok/s");
        assertThat(HtmlTables.header("output_throughput_tok_s_per_gpu")).isEqualTo("output throughput (tok/s/GPU)");
        assertThat(HtmlTables.header("p95_e2e_latency_ms")).isEqualTo("p95 e2e latency (ms)");
        assertThat(HtmlTables.unit("request_throughput_rps")).isEqualTo("req/s");
    }

    @Test
    void everyChartOutputCarriesPlotlyGuardedAgainstLoadingTwice() {
        Figure f = new Figure(Layout.builder().title("it's a title").xAxis(Axis.builder().title("x axis").build()).build(),
                ScatterTrace.builder(new double[] {1, 2}, new double[] {3, 4}).build());
        String first = PlotlyHtml.html(f, "test");
        String second = PlotlyHtml.html(f, "test");
        for (String out : List.of(first, second)) {
            assertThat(out).contains("DecompressionStream").contains("Plotly.newPlot").doesNotContain("cdn.plot.ly")
                    .contains("title: {text: 'x axis'}").contains("window.__servesimPlotly=window.__servesimPlotly||")
                    .contains("window.Plotly?Promise.resolve(window.Plotly)")
                    .contains("run the cell, or trust the notebook").doesNotContain("needs JavaScript");
            assertThat(out.length()).isGreaterThan(1_000_000);
        }
        assertThat(second).containsPattern("id='servesim_chart_[0-9]+_[0-9]+'");
        String two = PlotlyHtml.standalone(PlotlyHtml.chart(f, "a") + PlotlyHtml.chart(f, "b"));
        assertThat(two.split("DecompressionStream", -1)).hasSize(2);
        assertThat(two.split("Plotly.newPlot", -1)).hasSize(3);
    }

    @Test
    void magicArgumentsSplitLikeAShell() {
        assertThat(MagicArgs.split(" --spec 'my specs/a.yaml' --total-gpus 8 \"x y\""))
                .containsExactly("--spec", "my specs/a.yaml", "--total-gpus", "8", "x y");
        assertThat(MagicArgs.split("")).isEmpty();
        assertThat(MagicArgs.split("a '' b")).containsExactly("a", "", "b");
        assertThatThrownBy(() -> MagicArgs.split("--spec 'open")).isInstanceOf(CellError.class)
                .hasMessageContaining("unclosed");
    }

    @Test
    void magicsPrintUsageOnBadArguments() {
        var sweep = io.servesim.kernel.magic.Magics.line("sweep");
        assertThatThrownBy(() -> sweep.invoke(null, List.of("--total-gpus"), null)).isInstanceOf(CellError.class)
                .satisfies(e -> assertThat(((CellError) e).lines()).anySatisfy(l -> assertThat(l).contains("Usage: %sweep")));
        assertThat(io.servesim.kernel.magic.Magics.cell("spec").usage()).startsWith("Usage: %%spec");
    }
}
