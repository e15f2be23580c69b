package io.servesim.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The least-squares fit recovers overheads that generated the "measurements", and stores them with provenance. */
class OverheadFitTest {
    static final FidelityMethod QUICK = FidelityMethod.standard().withRequestsPerClient(10);

    @Test
    void recoversTheOverheadsThatProducedTheData(@TempDir Path dir) throws IOException {
        // measurements made by servesim itself with known overheads: the fit must find them again (to within the
        // staircase a request's wait for the running pass puts on TTFT as a function of the overhead)
        MeasuredDataset shape = MeasuredDatasetTest.parse(MeasuredDatasetTest.HEADER
                + "h200_sxm,Qwen/Qwen3-8B,bf16,agg,512,32,16,1,1,1,a\n"
                + "h200_sxm,Qwen/Qwen3-8B,bf16,agg,2048,64,8,1,1,1,b\n"
                + "h100_sxm,Qwen/Qwen3-8B,bf16,agg,1024,48,16,2,1,1,c\n");
        FidelityReport truth = FidelityRunner.run(shape, QUICK, 35.0, 1.5, 2);
        List<MeasuredRow> measured = truth.predicted().stream().map(p -> withMeasured(p.row(), p.predictedTtftMs(),
                p.predictedTpotMs())).toList();
        OverheadFit.Result fit = OverheadFit.fit(new MeasuredDataset("generated", measured), QUICK, 2);
        assertThat(fit.ttftOverheadMs()).isCloseTo(35.0, offset(3.0));
        assertThat(fit.stepOverheadMs()).isCloseTo(1.5, offset(0.15));
        assertThat(fit.accuracy().mapeTpotPct()).isLessThan(1.0);

        Path file = dir.resolve("overheads.json");
        OverheadStore.write(file, fit, "generated");
        String json = Files.readString(file);
        assertThat(json).contains("\"vllm\"").contains("\"ttft_overhead_ms\" : " + fit.ttftOverheadMs())
                .contains("fitted by `servesim fidelity --fit`").contains("generated, 3 rows");
    }

    private static MeasuredRow withMeasured(MeasuredRow r, double ttft, double tpot) {
        Map<String, String> c = new LinkedHashMap<>(r.columns());
        c.put("ttft_ms", Double.toString(ttft));
        c.put("tpot_ms", Double.toString(tpot));
        return new MeasuredRow(r.line(), c, r.system(), r.model(), r.precision(), r.mode(), r.isl(), r.osl(),
                r.concurrency(), r.tp(), ttft, tpot);
    }
}
