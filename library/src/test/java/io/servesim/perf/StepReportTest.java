package io.servesim.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servesim.spec.EngineArgs;
import org.junit.jupiter.api.Test;

/** One engine pass as the performance model times it, computed once for the CLI and the notebook. */
class StepReportTest {
    private final PerfModel perf = PerfModel.of("Qwen/Qwen3-32B", "h200_sxm");
    private final EngineArgs args = EngineArgs.builder().build();

    @Test
    void timesThePassAndEachPartAloneWithTheWorkersTimer() {
        StepReport r = StepReport.of(perf, 2, args, new StepReport.Pass(4096, 1024, 8, 2048));
        StepTimer timer = perf.stepTimer(2, args);
        StepBatch all = new StepBatch().addPrefill(4096, 1024);
        StepBatch decode = new StepBatch();
        for (int i = 0; i < 8; i++) {
            all.addDecode(2048);
            decode.addDecode(2048);
        }
        assertThat(r.stepMs()).isEqualTo(timer.stepMs(all));
        assertThat(r.prefillAloneMs()).isEqualTo(timer.stepMs(new StepBatch().addPrefill(4096, 1024)));
        assertThat(r.decodeAloneMs()).isEqualTo(timer.stepMs(decode));
        assertThat(r.operators()).isEqualTo(timer.explain(all));
        assertThat(r.perPassMs()).isEqualTo(r.stepMs() + args.stepOverhead());
        assertThat(r.worker().source()).startsWith("tables ");
        assertThat(r.worker().precision()).isEqualTo(perf.precision(args).label());
        assertThat(r.worker().model()).isEqualTo("Qwen/Qwen3-32B");
        assertThat(r.worker().gpu()).isEqualTo("h200_sxm");
    }

    @Test
    void aMissingPartTakesNoTime() {
        StepReport decodeOnly = StepReport.of(perf, 1, args, new StepReport.Pass(0, 0, 4, 1000));
        assertThat(decodeOnly.prefillAloneMs()).isZero();
        assertThat(decodeOnly.decodeAloneMs()).isEqualTo(decodeOnly.stepMs());
        assertThat(new StepReport.Pass(0, 0, 0, 0).isEmpty()).isTrue();
        assertThatThrownBy(() -> new StepReport.Pass(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
