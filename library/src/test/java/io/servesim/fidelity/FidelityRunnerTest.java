package io.servesim.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replaying measured rows: predictions, rows that cannot be modelled, determinism and the JSON report. */
class FidelityRunnerTest {
    static final FidelityMethod QUICK = FidelityMethod.standard().withRequestsPerClient(4);
    static final String ROWS = MeasuredDatasetTest.HEADER
            + "h200_sxm,Qwen/Qwen3-8B,bf16,agg,512,32,4,1,40,8,a\n"
            + "h100_sxm,Qwen/Qwen3-32B,bf16,agg,1024,64,8,2,150,18,b\n"
            + "h200_sxm,example/Unknown-1B,bf16,agg,512,32,4,1,40,8,c\n"
            + "h200_sxm,Qwen/Qwen3-8B,int4,agg,512,32,4,1,40,8,d\n"
            + "h200_sxm,Qwen/Qwen3-8B,bf16,disagg,512,32,4,1,40,8,e\n";

    @Test
    void modelledRowsGetPredictionsAndOthersAReasonWithoutStoppingTheRun() throws IOException {
        FidelityReport r = FidelityRunner.run(MeasuredDatasetTest.parse(ROWS), QUICK, 2);
        assertThat(r.outcomes()).hasSize(5);
        assertThat(r.predicted()).hasSize(2);
        assertThat(r.skipped()).isEqualTo(3);
        for (RowOutcome.Predicted p : r.predicted()) {
            assertThat(p.predictedTtftMs()).isPositive();
            assertThat(p.predictedTpotMs()).isPositive();
        }
        List<String> reasons = r.outcomes().stream().filter(o -> o instanceof RowOutcome.Skipped)
                .map(o -> ((RowOutcome.Skipped) o).reason()).toList();
        assertThat(reasons.get(0)).contains("example/Unknown-1B");
        assertThat(reasons.get(1)).contains("precision int4");
        assertThat(reasons.get(2)).contains("mode disagg");
        assertThat(r.groups()).containsOnlyKeys("h200_sxm Qwen/Qwen3-8B bf16", "h100_sxm Qwen/Qwen3-32B bf16");
        assertThat(r.overall().rows()).isEqualTo(2);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws IOException {
        MeasuredDataset d = MeasuredDatasetTest.parse(ROWS);
        assertThat(FidelityRunner.run(d, QUICK, 1).outcomes()).isEqualTo(FidelityRunner.run(d, QUICK, 3).outcomes());
    }

    @Test
    void mapeIsTheMeanAbsolutePercentageError() throws IOException {
        MeasuredRow a = MeasuredDatasetTest.parse(ROWS).rows().get(0);
        Accuracy acc = Accuracy.of(List.of(new RowOutcome.Predicted(a, 50, 6), new RowOutcome.Predicted(a, 30, 10)));
        assertThat(acc.mapeTtftPct()).isEqualTo(25.0);
        assertThat(acc.mapeTpotPct()).isEqualTo(25.0);
        assertThat(Accuracy.of(List.of()).mapeTtftPct()).isNaN();
    }

    @Test
    void jsonHasTheDocumentedKeys() throws IOException {
        FidelityReport r = FidelityRunner.run(MeasuredDatasetTest.parse(ROWS), QUICK, 2);
        JsonNode j = new ObjectMapper().readTree(FidelityReportWriter.json(r));
        assertThat(j.fieldNames()).toIterable().containsExactly("rows", "mape_ttft_pct", "mape_tpot_pct", "groups",
                "rows_modelled", "rows_skipped", "wall_time_ms");
        assertThat(j.get("rows")).hasSize(5);
        assertThat(j.get("rows").get(0).get("note").asText()).isEqualTo("a");
        assertThat(j.get("rows").get(0).has("predicted_ttft_ms")).isTrue();
        assertThat(j.get("rows").get(2).get("error").asText()).contains("Unknown-1B");
        assertThat(j.get("rows_modelled").asInt()).isEqualTo(2);
        assertThat(j.get("rows_skipped").asInt()).isEqualTo(3);
        assertThat(j.get("groups").get(0).get("mape_tpot_pct").isNumber()).isTrue();
        StringWriter text = new StringWriter();
        FidelityReportWriter.text(r, new PrintWriter(text));
        assertThat(text.toString()).contains("skipped: precision int4").contains("MAPE over 2 modelled rows");
    }
}
