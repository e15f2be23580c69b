package io.servesim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.servesim.metrics.ReplayMetrics;
import io.servesim.router.RouterPlan;
import io.servesim.router.RouterSetting;
import io.servesim.spec.EngineArgs;
import io.servesim.spec.EngineOverheads;
import io.servesim.spec.SpecException;
import io.servesim.spec.WorkloadSpec;
import io.servesim.workload.Workloads;
import org.junit.jupiter.api.Test;

/** ttft_overhead_ms delays each request before the engine; step_overhead_ms lengthens every pass. */
class EngineOverheadTest {
    private static ReplayMetrics run(Double ttftOverhead, Double stepOverhead) {
        EngineArgs args = EngineArgs.builder().blockSize(64).ttftOverheadMs(ttftOverhead).stepOverheadMs(stepOverhead)
                .build();
        ReplayConfig c = ReplayConfig.aggregated("Qwen/Qwen3-32B", "h200_sxm", new PoolConfig(2, 1, args),
                RouterPlan.of(RouterSetting.roundRobin()));
        WorkloadSpec w = WorkloadSpec.synthetic().isl(1024).osl(33).requestCount(5).concurrency(1).build();
        return ReplayRunner.run(c, Workloads.create(w, 64));
    }

    @Test
    void ttftOverheadAddsToFirstTokenTimeOnly() {
        ReplayMetrics none = run(0.0, 0.0);
        ReplayMetrics with = run(40.0, 0.0);
        assertThat(with.get("mean_ttft_ms")).isCloseTo(none.get("mean_ttft_ms") + 40, offset(1e-9));
        assertThat(with.get("mean_tpot_ms")).isCloseTo(none.get("mean_tpot_ms"), offset(1e-9));
        assertThat(with.get("mean_e2e_latency_ms")).isCloseTo(none.get("mean_e2e_latency_ms") + 40, offset(1e-9));
        // one request at a time: five requests, each 40 ms later
        assertThat(with.get("duration_ms")).isCloseTo(none.get("duration_ms") + 5 * 40, offset(1e-6));
        assertThat(with.workers().get(0).passes()).isEqualTo(none.workers().get(0).passes());
    }

    @Test
    void stepOverheadLengthensEveryPass() {
        ReplayMetrics none = run(0.0, 0.0);
        ReplayMetrics with = run(0.0, 2.0);
        // a 1024-token prompt is one pass, then one pass per further token
        assertThat(with.get("mean_ttft_ms")).isCloseTo(none.get("mean_ttft_ms") + 2, offset(1e-9));
        assertThat(with.get("mean_tpot_ms")).isCloseTo(none.get("mean_tpot_ms") + 2, offset(1e-9));
    }

    @Test
    void unsetOverheadsUseTheBackendDefaults() {
        EngineArgs unset = EngineArgs.defaults();
        EngineOverheads vllm = EngineOverheads.forBackend("vllm");
        assertThat(unset.ttftOverheadMs()).isNull();
        assertThat(unset.ttftOverhead()).isEqualTo(vllm.ttftOverheadMs());
        assertThat(unset.stepOverhead()).isEqualTo(vllm.stepOverheadMs());
        assertThat(vllm.source()).isNotBlank();
        assertThat(EngineOverheads.forBackend("sglang").ttftOverheadMs()).isZero();
    }

    @Test
    void negativeOverheadsAreRejected() {
        assertThatThrownBy(() -> EngineArgs.builder().ttftOverheadMs(-1.0).build()).isInstanceOf(SpecException.class)
                .hasMessageContaining("ttft_overhead_ms");
        assertThatThrownBy(() -> EngineArgs.builder().stepOverheadMs(Double.NaN).build())
                .isInstanceOf(SpecException.class).hasMessageContaining("step_overhead_ms");
    }
}
