package io.servesim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servesim.metrics.ReplayMetrics;
import io.servesim.metrics.RequestRecord;
import io.servesim.router.RouterPlan;
import io.servesim.router.RouterSetting;
import io.servesim.spec.EngineArgs;
import io.servesim.spec.SpecException;
import io.servesim.spec.WorkloadSpec;
import io.servesim.workload.Workloads;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replays with ramp-up and warm-up: clients start spread out and the first completions are left out. */
class SteadyStateReplayTest {
    private static final EngineArgs ARGS = EngineArgs.builder().blockSize(64).build();
    private static final ReplayConfig AGG = ReplayConfig.aggregated("Qwen/Qwen3-32B", "h200_sxm",
            new PoolConfig(2, 1, ARGS), RouterPlan.of(RouterSetting.roundRobin())).withRecordRequests(true);

    private static ReplayMetrics run(WorkloadSpec w) {
        return ReplayRunner.run(AGG, Workloads.create(w, 64));
    }

    private static WorkloadSpec closed(Double rampUpMs, Integer warmup) {
        return WorkloadSpec.synthetic().isl(1024).osl(64).requestCount(160).concurrency(16).rampUpMs(rampUpMs)
                .warmupRequests(warmup).build();
    }

    @Test
    void rampUpStartsClientsEvenlyOverTheWindow() {
        List<RequestRecord> rs = run(closed(1600.0, null)).requests();
        List<Double> firstArrivals = rs.stream().map(RequestRecord::arrivalMs).sorted().limit(16).toList();
        for (int i = 0; i < 16; i++) {
            assertThat(firstArrivals.get(i)).isEqualTo(100.0 * i);
        }
    }

    @Test
    void withoutRampUpEveryClientStartsAtZero() {
        List<RequestRecord> rs = run(closed(null, null)).requests();
        assertThat(rs.stream().filter(r -> r.arrivalMs() == 0).count()).isEqualTo(16);
    }

    @Test
    void warmupRequestsAreLeftOutAndCounted() {
        ReplayMetrics all = run(closed(null, null));
        ReplayMetrics warm = run(closed(null, 32));
        assertThat(all.summary()).doesNotContainKey("warmup_requests");
        assertThat(warm.get("warmup_requests")).isEqualTo(32);
        assertThat(warm.get("completed_requests")).isEqualTo(128);
        assertThat(warm.get("num_requests")).isEqualTo(128);
        assertThat(warm.get("total_output_tokens")).isEqualTo(128 * 64);
        assertThat(warm.requests()).hasSize(128);
        // the same simulation: the measured requests are the last 128 to complete
        List<Long> lastIds = all.requests().subList(32, 160).stream().map(RequestRecord::id).toList();
        assertThat(warm.requests().stream().map(RequestRecord::id).toList()).isEqualTo(lastIds);
        assertThat(warm.get("duration_ms")).isEqualTo(all.get("duration_ms"));
        // the cold start (every prompt at once) inflates the mean TTFT of the whole run
        assertThat(warm.get("mean_ttft_ms")).isLessThan(all.get("mean_ttft_ms"));
    }

    @Test
    void steadyStateKnobsAreValidated() {
        assertThatThrownBy(() -> closed(null, 160)).isInstanceOf(SpecException.class)
                .hasMessageContaining("warmupRequests");
        assertThatThrownBy(() -> WorkloadSpec.synthetic().isl(8).osl(8).requestCount(4).requestRate(1)
                .rampUpMs(10.0).build()).isInstanceOf(SpecException.class).hasMessageContaining("rampUpMs");
        assertThatThrownBy(() -> WorkloadSpec.synthetic().isl(8).osl(8).requestCount(4).concurrency(1)
                .islStddev(-1.0).build()).isInstanceOf(SpecException.class).hasMessageContaining("islStddev");
        assertThatThrownBy(() -> WorkloadSpec.trace("t.jsonl").warmupRequests(3).build())
                .isInstanceOf(SpecException.class).hasMessageContaining("warmupRequests");
    }
}
