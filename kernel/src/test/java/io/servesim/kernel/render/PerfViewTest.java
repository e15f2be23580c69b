package io.servesim.kernel.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.kernel.magic.PerfMagic;
import io.servesim.perf.PerfModel;
import io.servesim.perf.StepReport;
import io.servesim.report.TextTables;
import io.servesim.spec.EngineArgs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code %perf} renders the step report that {@code servesim perf step} prints, with the worker's KV capacity. */
class PerfViewTest {
    @Test
    void perfMagicShowsTheStepReportAndCapacity() throws Exception {
        Object shown = new PerfMagic().invoke(null, List.of("--tp", "2", "--prefill-tokens", "4096", "--decode-batch",
                "8", "--context", "2048"), "");
        assertThat(shown).isInstanceOf(PerfView.class);
        PerfView v = (PerfView) shown;
        PerfModel perf = PerfModel.of("Qwen/Qwen3-32B", "h200_sxm");
        EngineArgs args = EngineArgs.builder().build();
        StepReport expected = StepReport.of(perf, 2, args, new StepReport.Pass(4096, 0, 8, 2048));
        assertThat(v.step()).isEqualTo(expected);
        assertThat(v.figures()).containsEntry("step_ms", expected.stepMs())
                .containsEntry("prefill_alone_ms", expected.prefillAloneMs())
                .containsEntry("decode_alone_ms", expected.decodeAloneMs())
                .containsEntry("num_gpu_blocks", (double) perf.capacity(2, args).numGpuBlocks());
        assertThat(v.toString()).startsWith("Qwen/Qwen3-32B on 2 × h200_sxm: 4096 prefill tokens (0 cached), 8 decode"
                + " sequences at 2048 context").contains(TextTables.cell(expected.stepMs()));
    }
}
