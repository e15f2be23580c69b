package io.servesim.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.spec.KvRouterConfig;
import io.servesim.workload.Request;
import org.junit.jupiter.api.Test;

/** The KV router's cost: overlap credit, prefill load scale, decode blocks, tie-breaking. */
class KvRouterTest {
    private static Request request(long id, int input, long... hashes) {
        return Request.of(id, 0, input, 10, hashes);
    }

    @Test
    void prefersTheWorkerHoldingThePrefix() {
        KvRouter r = new KvRouter(RouterSetting.kvRouter(1.0, 1.0), 3, 16);
        r.stored(2, 1);
        r.stored(2, 2);
        r.stored(1, 1);
        Request q = request(1, 48, 1, 2, 3);
        assertThat(r.overlapBlocks(q, 2)).isEqualTo(2);
        assertThat(r.overlapBlocks(q, 1)).isEqualTo(1);
        assertThat(r.route(q)).isEqualTo(2);
        // logit(w) = 1 × ((active prefill + 48)/16 − credit × overlap) + decode blocks
        assertThat(r.logit(request(2, 48, 1, 2, 3), 0)).isEqualTo(3 + 3);
    }

    @Test
    void zeroCreditIgnoresTheCacheAndBalancesLoad() {
        KvRouter r = new KvRouter(RouterSetting.kvRouter(0.0, 1.0), 2, 16);
        r.stored(0, 1);
        int first = r.route(request(1, 32, 1, 2));
        int second = r.route(request(2, 32, 1, 2));
        assertThat(first).isNotEqualTo(second);
        r.prefillCompleted(request(1, 32, 1, 2), first);
        r.finished(request(1, 32, 1, 2), first);
        assertThat(r.route(request(3, 32, 5, 6))).isEqualTo(first);
    }

    @Test
    void prefillLoadScaleWeighsQueuedPrefillAgainstDecodeBlocks() {
        // worker 0: a queued 1600-token prompt (prefill load); worker 1: the same, prefill completed (decode load only)
        KvRouter heavyPrefill = new KvRouter(RouterSetting.kvRouter(0.0, 4.0), 2, 16);
        heavyPrefill.route(request(1, 1600, 11));
        int w = heavyPrefill.route(request(2, 1600, 12));
        heavyPrefill.prefillCompleted(request(2, 1600, 12), w);
        assertThat(heavyPrefill.route(request(3, 160, 13))).isEqualTo(w);
    }

    @Test
    void positiveTemperatureSamplesDeterministicallyFromTheSeed() {
        KvRouterConfig hot = KvRouterConfig.builder().routerTemperature(1.0).routerSeed(7).build();
        int[] a = picks(new KvRouter(new RouterSetting("kv_router", 0.5, 1.0, hot), 4, 16));
        int[] b = picks(new KvRouter(new RouterSetting("kv_router", 0.5, 1.0, hot), 4, 16));
        assertThat(a).isEqualTo(b);
        assertThat(java.util.Arrays.stream(a).distinct().count()).isGreaterThan(1);
    }

    private static int[] picks(KvRouter r) {
        int[] out = new int[40];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.route(request(i, 64, i, i + 1000));
        }
        return out;
    }

    @Test
    void roundRobinCycles() {
        RoundRobinRouter r = new RoundRobinRouter(3);
        assertThat(new int[] {r.route(null), r.route(null), r.route(null), r.route(null)}).containsExactly(0, 1, 2, 0);
    }
}
