package io.servesim.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servesim.spec.KvRouterConfig;
import io.servesim.spec.RouterMode;
import io.servesim.spec.WorkerType;
import org.junit.jupiter.api.Test;

/** Which pool gets the overlap credit and which trackers; the setting's range checks and label. */
class RouterPlanTest {
    private static final RouterPlan PLAN = new RouterPlan(RouterSetting.kvRouter(0.5, 2.0),
            KvRouterConfig.builder().routerSeed(7).build());

    @Test
    void aggregatedPoolUsesTheSettingAsGiven() {
        PoolRouterPlan p = PLAN.forAggregatedPool();
        assertThat(p.role()).isEqualTo(WorkerType.AGGREGATED);
        assertThat(p.setting()).isEqualTo(PLAN.setting());
        assertThat(p.config()).isEqualTo(PLAN.base());
    }

    @Test
    void prefillPoolKeepsTheCreditButIgnoresDecodeBlocks() {
        PoolRouterPlan p = PLAN.forPrefillPool();
        assertThat(p.role()).isEqualTo(WorkerType.PREFILL);
        assertThat(p.setting().overlapScoreCredit()).isEqualTo(0.5);
        assertThat(p.config().routerTrackActiveBlocks()).isFalse();
        assertThat(p.config().routerSeed()).isEqualTo(7);
    }

    @Test
    void decodePoolHasNoCreditNoReuseNoPrefillLoadAndItsOwnSeed() {
        PoolRouterPlan p = PLAN.forDecodePool();
        assertThat(p.role()).isEqualTo(WorkerType.DECODE);
        assertThat(p.setting()).isEqualTo(RouterSetting.kvRouter(0.0, 2.0));
        assertThat(p.config().routerAssumeKvReuse()).isFalse();
        assertThat(p.config().routerTrackPrefillTokens()).isFalse();
        assertThat(p.config().routerSeed()).isEqualTo(8);
        assertThat(p.create(3, 16, 8192).queues()).isFalse();
    }

    @Test
    void roundRobinPlanCreatesRoundRobinRouters() {
        assertThat(RouterPlan.of(RouterSetting.roundRobin()).forPrefillPool().create(2, 16, 8192))
                .isInstanceOf(RoundRobinRouter.class);
        assertThat(PLAN.forAggregatedPool().create(2, 16, 8192)).isInstanceOf(KvRouter.class);
    }

    @Test
    void settingIsRangeCheckedAndLabelled() {
        assertThatThrownBy(() -> RouterSetting.kvRouter(1.5, 1)).hasMessage("overlap_score_credit (1.5) should be in [0, 1]");
        assertThatThrownBy(() -> RouterSetting.kvRouter(1, -1)).hasMessage("prefill_load_scale (-1.0) should be >= 0");
        assertThatThrownBy(() -> new RouterSetting(RouterMode.BOTH, 0, 1))
                .hasMessage("router mode (both) should be kv_router or round_robin");
        assertThat(RouterSetting.kvRouter(0.5, 1).label()).isEqualTo("kv_router(credit 0.5, scale 1)");
        assertThat(RouterSetting.roundRobin().label()).isEqualTo("round_robin");
    }
}
