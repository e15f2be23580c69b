package io.servesim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servesim.router.RouterPlan;
import io.servesim.router.RouterSetting;
import io.servesim.spec.EngineArgs;
import io.servesim.spec.WorkerType;
import org.junit.jupiter.api.Test;

/** The two run shapes set each pool's worker type once, and decode pools never prefix-cache. */
class ReplayConfigTest {
    private static final EngineArgs ARGS = EngineArgs.builder().blockSize(64).build();
    private static final RouterPlan ROUTER = RouterPlan.of(RouterSetting.roundRobin());

    @Test
    void aggregatedPoolIsAggregatedAndKeepsPrefixCaching() {
        ReplayConfig.Aggregated c = ReplayConfig.aggregated("m", "h200_sxm", new PoolConfig(2, 3, ARGS), ROUTER);
        assertThat(c.pool().args().workerType()).isEqualTo(WorkerType.AGGREGATED);
        assertThat(c.pool().args().enablePrefixCaching()).isTrue();
        assertThat(c.totalGpus()).isEqualTo(6);
        assertThat(c.withRecordRequests(true).recordRequests()).isTrue();
    }

    @Test
    void disaggregatedPoolsGetTheirRolesAndDecodeDoesNotPrefixCache() {
        ReplayConfig.Disaggregated c = ReplayConfig.disaggregated("m", "h200_sxm", new PoolConfig(2, 2, ARGS),
                new PoolConfig(1, 3, ARGS), ROUTER);
        assertThat(c.prefill().args().workerType()).isEqualTo(WorkerType.PREFILL);
        assertThat(c.prefill().args().enablePrefixCaching()).isTrue();
        assertThat(c.decode().args().workerType()).isEqualTo(WorkerType.DECODE);
        assertThat(c.decode().args().enablePrefixCaching()).isFalse();
        assertThat(c.totalGpus()).isEqualTo(7);
        assertThat(c.withRecordRequests(true)).isEqualTo(new ReplayConfig.Disaggregated("m", "h200_sxm",
                c.prefill(), c.decode(), ROUTER, true));
    }

    @Test
    void everyPartIsRequired() {
        assertThatThrownBy(() -> ReplayConfig.disaggregated("m", "h200_sxm", new PoolConfig(1, 1, ARGS), null, ROUTER))
                .hasMessage("decode");
    }
}
