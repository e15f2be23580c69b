package io.servesim.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.fidelity.FidelityMethod;
import io.servesim.fidelity.FidelityReport;
import io.servesim.fidelity.MeasuredRow;
import io.servesim.fidelity.RowOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Figures and tables of a fidelity report, built from hand-made outcomes. */
class FidelityChartsTest {
    private static MeasuredRow row(String system, int c, int tp) {
        return new MeasuredRow(2, Map.of(), system, "Qwen/Qwen3-32B", "bf16", "agg", 1024, 128, c, tp, 100, 10);
    }

    private static final FidelityReport REPORT = new FidelityReport("test", FidelityMethod.standard(), List.of(
            new RowOutcome.Predicted(row("h100_sxm", 8, 2), 110, 9),
            new RowOutcome.Predicted(row("h100_sxm", 16, 2), 80, 10.5),
            new RowOutcome.Predicted(row("h200_sxm", 8, 4), 100, 12),
            new RowOutcome.Skipped(row("h200_sxm", 8, 8), "no reason")), 12.5);

    @Test
    void scattersHaveOneTracePerGroupAndTheDiagonal() {
        assertThat(FidelityCharts.ttft(REPORT).asJavascript("d")).contains("h100_sxm Qwen/Qwen3-32B bf16")
                .contains("h200_sxm Qwen/Qwen3-32B bf16").contains("y = x");
        assertThat(FidelityCharts.tpot(REPORT).asJavascript("d")).contains("Predicted vs measured mean TPOT");
        assertThat(FidelityCharts.errorByConcurrency(REPORT).asJavascript("d")).contains("by concurrency");
        assertThat(FidelityCharts.errorByTp(REPORT).asJavascript("d")).contains("tensor-parallel size");
    }

    @Test
    void tablesListGroupsAndRows() {
        var groups = FidelityTables.groups(REPORT);
        assertThat(groups.rowCount()).isEqualTo(3);
        assertThat(groups.stringColumn("group").get(2)).isEqualTo("all");
        // |110-100|, |80-100|, |100-100| over 100: (10 + 20 + 0) / 3
        assertThat(groups.doubleColumn("mape_ttft_pct").get(2)).isEqualTo(10.0);
        var rows = FidelityTables.rows(REPORT);
        assertThat(rows.rowCount()).isEqualTo(4);
        assertThat(rows.stringColumn("error").get(3)).isEqualTo("no reason");
    }
}
