package io.servesim.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.spec.KvRouterConfig;
import io.servesim.spec.WorkerType;
import io.servesim.workload.Request;
import org.junit.jupiter.api.Test;

/** The KV router's cost: overlap credit, prefill load scale, decode blocks, tie-breaking. */
class KvRouterTest {
    /** Returns a KV router with 16-token blocks for a pool of {@code role}. */
    private static KvRouter kv(double credit, double scale, KvRouterConfig config, WorkerType role, int workers,
                               int maxNumBatchedTokens) {
        return new KvRouter(new PoolRouterPlan(role, RouterSetting.kvRouter(credit, scale), config), workers, 16,
                maxNumBatchedTokens);
    }

    private static Request request(long id, int input, long... hashes) {
        return Request.of(id, 0, input, 10, hashes);
    }

    @Test
    void prefersTheWorkerHoldingThePrefix() {
        KvRouter r = kv(1.0, 1.0, KvRouterConfig.defaults(), WorkerType.AGGREGATED, 3, 8192);
        r.stored(2, 1);
        r.stored(2, 2);
        r.stored(1, 1);
        Request q = request(1, 48, 1, 2, 3);
        assertThat(r.costs(q)).extracting(RoutingCost::overlapBlocks).containsExactly(0, 1, 2);
        assertThat(r.route(q)).isEqualTo(2);
        // cost(w0) = 1 × ((active prefill 0 + 48)/16 − credit × overlap 0) + decode blocks 3 (uncached prompt)
        assertThat(r.costs(request(2, 48, 1, 2, 3)).get(0).total()).isEqualTo(3 + 3);
    }

    @Test
    void zeroCreditIgnoresTheCacheAndBalancesLoad() {
        KvRouter r = kv(0.0, 1.0, KvRouterConfig.defaults(), WorkerType.AGGREGATED, 2, 8192);
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
        KvRouter heavyPrefill = kv(0.0, 4.0, KvRouterConfig.defaults(), WorkerType.AGGREGATED, 2, 8192);
        heavyPrefill.route(request(1, 1600, 11));
        int w = heavyPrefill.route(request(2, 1600, 12));
        heavyPrefill.prefillCompleted(request(2, 1600, 12), w);
        assertThat(heavyPrefill.route(request(3, 160, 13))).isEqualTo(w);
    }

    @Test
    void positiveTemperatureSamplesDeterministicallyFromTheSeed() {
        KvRouterConfig hot = KvRouterConfig.builder().routerTemperature(1.0).routerSeed(7).build();
        int[] a = picks(kv(0.5, 1.0, hot, WorkerType.AGGREGATED, 4, 8192));
        int[] b = picks(kv(0.5, 1.0, hot, WorkerType.AGGREGATED, 4, 8192));
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

    /** Worker 0 caches 2 of the prompt's 3 blocks; worker 1 caches another prompt and holds its 3 active blocks. */
    private static KvRouter untrackedPrefill(WorkerType role) {
        KvRouterConfig noPrefill = KvRouterConfig.builder().routerTrackPrefillTokens(false).build();
        KvRouter r = kv(1.0, 2.0, noPrefill, role, 2, 8192);
        r.stored(0, 1);
        r.stored(0, 2);
        for (long h = 7; h <= 9; h++) {
            r.stored(1, h);
        }
        assertThat(r.route(request(9, 48, 7, 8, 9))).isEqualTo(1);
        return r;
    }

    @Test
    void withPrefillTrackingOffOnlyDecodePoolsSubtractTheCredit() {
        Request q = request(1, 48, 1, 2, 3);
        // decode pool: max(decode blocks − credit blocks, 0) + active = max((0 + 3 − 2) − 2, 0) = 0 on worker 0,
        // max((3 + 3) − 0, 0) = 6 on worker 1
        var decode = untrackedPrefill(WorkerType.DECODE).costs(q);
        assertThat(decode.get(0).decodeBlocks()).isEqualTo(1);
        assertThat(decode.get(0).creditBlocks()).isEqualTo(2);
        assertThat(decode.get(0).total()).isEqualTo(0);
        assertThat(decode.get(1).total()).isEqualTo(6);
        // aggregated and prefill pools: decode blocks + active = 1 on worker 0, 6 on worker 1 (no credit)
        for (WorkerType role : new WorkerType[] {WorkerType.AGGREGATED, WorkerType.PREFILL}) {
            var costs = untrackedPrefill(role).costs(q);
            assertThat(costs.get(0).total()).isEqualTo(1);
            assertThat(costs.get(1).total()).isEqualTo(6);
            assertThat(costs.get(0).prefillBlocks()).isEqualTo(0);
        }
    }

    @Test
    void costTermsAddUpToTheTotalTheRouterMinimises() {
        KvRouterConfig weighted = KvRouterConfig.builder().decodeActiveRequestWeight(0.5).build();
        KvRouter r = kv(0.5, 2.0, weighted, WorkerType.AGGREGATED, 2, 8192);
        r.stored(1, 1);
        r.route(request(9, 64, 7, 8, 9, 10)); // worker 0: 64 queued prefill tokens, 4 blocks, 1 request
        var costs = r.costs(request(1, 48, 1, 2, 3));
        RoutingCost w0 = costs.get(0);
        RoutingCost w1 = costs.get(1);
        // w0: prefill (64 + 48)/16 = 7, credit 0, decode 4 + 3 = 7, active 0.5 × 1 → 2 × 7 + 7 + 0.5 = 21.5
        assertThat(w0.prefillBlocks()).isEqualTo(7);
        assertThat(w0.decodeBlocks()).isEqualTo(7);
        assertThat(w0.activeTerm()).isEqualTo(0.5);
        assertThat(w0.total()).isEqualTo(21.5);
        // w1: prefill 48/16 = 3, credit 0.5 × 1 block = 0.5, decode 3 − 1 cached = 2 → 2 × (3 − 0.5) + 2 = 7
        assertThat(w1.overlapBlocks()).isEqualTo(1);
        assertThat(w1.creditBlocks()).isEqualTo(0.5);
        assertThat(w1.total()).isEqualTo(7);
        assertThat(r.route(request(1, 48, 1, 2, 3))).isEqualTo(1);
    }

    @Test
    void creditDecaysWithTheWorkersExtraQueuedPrefill() {
        KvRouterConfig decaying = KvRouterConfig.builder().overlapScoreCreditDecay(1.0).build();
        KvRouter r = kv(1.0, 1.0, decaying, WorkerType.AGGREGATED, 2, 8192);
        r.stored(0, 1);
        r.stored(0, 2);
        r.route(request(9, 64, 7, 8, 9, 10)); // worker 0 (lower cost: it caches nothing of this prompt either way)
        var costs = r.costs(request(1, 48, 1, 2, 3));
        // worker 0 queues 64 tokens = 4 blocks more than worker 1; the prompt has 3 blocks:
        // decay = 1 / (1 + 1.0 × 4 / 3) = 3/7; credit = 1.0 × 3/7 × 2 overlap blocks = 6/7
        assertThat(costs.get(0).decay()).isCloseTo(3.0 / 7, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(costs.get(0).creditBlocks()).isCloseTo(6.0 / 7, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(costs.get(1).decay()).isEqualTo(1.0);
        KvRouter plain = kv(1.0, 1.0, KvRouterConfig.defaults(), WorkerType.AGGREGATED, 2, 8192);
        plain.stored(0, 1);
        plain.stored(0, 2);
        plain.route(request(9, 64, 7, 8, 9, 10));
        assertThat(plain.costs(request(1, 48, 1, 2, 3)).get(0).creditBlocks()).isEqualTo(2);
    }

    @Test
    void queuesWhileEveryWorkerIsOverThresholdTimesTheTokenBudget() {
        // threshold 0.5 × max_num_batched_tokens 64 = 32 queued prefill tokens per worker
        KvRouterConfig queue = KvRouterConfig.builder().routerQueueThreshold(0.5).build();
        KvRouter r = kv(0.0, 1.0, queue, WorkerType.AGGREGATED, 2, 64);
        assertThat(r.queues()).isFalse();
        int a = r.route(request(1, 48, 1, 2, 3));
        assertThat(r.queues()).isFalse(); // the other worker has 0 <= 32
        int b = r.route(request(2, 32, 4, 5));
        assertThat(b).isNotEqualTo(a);
        assertThat(r.queues()).isFalse(); // 32 is not over 32
        r.route(request(3, 16, 6));
        assertThat(r.queues()).isTrue(); // 48 > 32 and 48 > 32
        r.prefillCompleted(request(1, 48, 1, 2, 3), a);
        assertThat(r.queues()).isFalse();
        assertThat(KvRouterConfig.defaults().routerQueueThreshold()).isEqualTo(16.0);
    }

    @Test
    void roundRobinCycles() {
        RoundRobinRouter r = new RoundRobinRouter(3);
        assertThat(new int[] {r.route(null), r.route(null), r.route(null), r.route(null)}).containsExactly(0, 1, 2, 0);
    }
}
