package io.servesim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.servesim.metrics.ReplayMetrics;
import io.servesim.metrics.RequestRecord;
import io.servesim.metrics.WorkerStats;
import io.servesim.router.RouterPlan;
import io.servesim.router.RouterSetting;
import io.servesim.spec.EngineArgs;
import io.servesim.spec.WorkerType;
import io.servesim.spec.WorkloadSpec;
import io.servesim.workload.Workloads;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** End-to-end properties of replays: conservation, Little's law, reuse, routing, determinism, handoff. */
class ClusterSimTest {
    static final String MODEL = "Qwen/Qwen3-32B";
    static final EngineArgs ARGS = EngineArgs.builder().blockSize(64).build();

    static ReplayConfig disagg(RouterSetting router, EngineArgs prefillArgs) {
        return ReplayConfig.disaggregated(MODEL, "h200_sxm", new PoolConfig(2, 2, prefillArgs.withWorkerType(WorkerType.PREFILL)),
                new PoolConfig(1, 3, ARGS.withWorkerType(WorkerType.DECODE).withEnablePrefixCaching(false)), RouterPlan.of(router));
    }

    static WorkloadSpec closed(int count, int concurrency, double ratio) {
        return WorkloadSpec.synthetic().isl(4096).osl(64).requestCount(count).concurrency(concurrency)
                .sharedPrefixRatio(ratio).numPrefixGroups(ratio > 0 ? 4 : 0).build();
    }

    static ReplayMetrics run(ReplayConfig c, WorkloadSpec w) {
        return ReplayRunner.run(c.withRecordRequests(true), Workloads.create(w, 64));
    }

    @Test
    void everyRequestCompletesOnceAndTokensAreConserved() {
        ReplayMetrics m = run(disagg(RouterSetting.kvRouter(1.0, 1.0), ARGS), closed(300, 24, 0.5));
        assertThat(m.get("num_requests")).isEqualTo(300);
        assertThat(m.get("completed_requests")).isEqualTo(300);
        assertThat(m.get("total_output_tokens")).isEqualTo(300 * 64);
        assertThat(m.get("total_input_tokens")).isEqualTo(300 * 4096);
        Set<Long> ids = new HashSet<>();
        for (RequestRecord r : m.requests()) {
            assertThat(ids.add(r.id())).isTrue();
            assertThat(r.firstTokenMs()).isGreaterThan(r.arrivalMs());
            assertThat(r.lastTokenMs()).isGreaterThan(r.firstTokenMs());
            assertThat(r.prefillWorker()).isBetween(0, 1);
            assertThat(r.decodeWorker()).isBetween(2, 4);
        }
        for (WorkerStats w : m.workers()) {
            assertThat(w.peakKvOccupancy()).isBetween(0.0, 1.0);
            assertThat(w.busyFraction()).isBetween(0.0, 1.0);
        }
        assertThat(m.get("output_throughput_tok_s"))
                .isCloseTo(m.get("total_output_tokens") / (m.get("duration_ms") / 1000), offset(1e-6));
    }

    @Test
    void closedLoopObeysLittlesLaw() {
        int concurrency = 16;
        ReplayMetrics m = run(disagg(RouterSetting.kvRouter(1.0, 1.0), ARGS), closed(2000, concurrency, 0.3));
        double inFlight = m.get("request_throughput_rps") * m.get("mean_e2e_latency_ms") / 1000;
        assertThat(inFlight / concurrency).isBetween(0.98, 1.02);
    }

    @Test
    void reuseApproachesTheSharedPrefixRatioWithALargeCache() {
        ReplayConfig agg = ReplayConfig.aggregated(MODEL, "h200_sxm", new PoolConfig(4, 1, ARGS),
                RouterPlan.of(RouterSetting.roundRobin()));
        ReplayMetrics m = run(agg, closed(1000, 8, 0.5));
        // all but the first request of each of the 4 groups reuse half the prompt
        assertThat(m.get("prefix_cache_reused_ratio")).isCloseTo(0.5 * 996 / 1000, offset(0.01));
    }

    @Test
    void kvRouterReusesMoreThanRoundRobinOnPrefixHeavyLoad() {
        // routing alone, without the per-request overhead (with a 72.4 ms overhead: 0.318 vs 0.216, a smaller margin)
        EngineArgs small = ARGS.toBuilder().numGpuBlocks(400).ttftOverheadMs(0.0).build();
        WorkloadSpec w = WorkloadSpec.synthetic().isl(8192).osl(16).requestCount(600).concurrency(12)
                .sharedPrefixRatio(0.8).numPrefixGroups(12).build();
        ReplayConfig kv = ReplayConfig.aggregated(MODEL, "h200_sxm", new PoolConfig(2, 4, small),
                RouterPlan.of(RouterSetting.kvRouter(1.0, 1.0)));
        ReplayConfig rr = ReplayConfig.aggregated(MODEL, "h200_sxm", new PoolConfig(2, 4, small),
                RouterPlan.of(RouterSetting.roundRobin()));
        double kvReuse = run(kv, w).get("prefix_cache_reused_ratio");
        double rrReuse = run(rr, w).get("prefix_cache_reused_ratio");
        assertThat(kvReuse).isGreaterThan(rrReuse + 0.1);
    }

    @Test
    void sameInputsGiveIdenticalMetrics() {
        ReplayConfig c = disagg(RouterSetting.kvRouter(0.5, 2.0), ARGS);
        WorkloadSpec w = WorkloadSpec.synthetic().isl(3000).osl(32).requestCount(300).requestRate(20)
                .sharedPrefixRatio(0.4).numPrefixGroups(5).build();
        ReplayMetrics a = run(c, w);
        ReplayMetrics b = run(c, w);
        var sa = new java.util.LinkedHashMap<>(a.summary());
        var sb = new java.util.LinkedHashMap<>(b.summary());
        sa.remove("wall_time_ms");
        sb.remove("wall_time_ms");
        assertThat(sa).isEqualTo(sb);
        assertThat(a.requests()).isEqualTo(b.requests());
    }

    @Test
    void tightKvCapacityPreemptsButStillCompletesEverything() {
        EngineArgs tight = ARGS.toBuilder().numGpuBlocks(80).build();
        ReplayConfig agg = ReplayConfig.aggregated(MODEL, "h200_sxm", new PoolConfig(1, 1, tight),
                RouterPlan.of(RouterSetting.roundRobin()));
        ReplayMetrics m = run(agg, WorkloadSpec.synthetic().isl(1000).osl(400).requestCount(40).concurrency(10).build());
        assertThat(m.get("completed_requests")).isEqualTo(40);
        assertThat(m.workers().get(0).preemptions()).isPositive();
        assertThat(m.workers().get(0).peakKvOccupancy()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void requestLargerThanTheCacheIsReportedWithNumbers() {
        EngineArgs tiny = ARGS.toBuilder().numGpuBlocks(10).build();
        ReplayConfig agg = ReplayConfig.aggregated(MODEL, "h200_sxm", new PoolConfig(1, 1, tiny),
                RouterPlan.of(RouterSetting.roundRobin()));
        assertThatThrownBy(() -> run(agg, closed(2, 1, 0))).hasMessageContaining("needs 65 KV blocks")
                .hasMessageContaining("only 10");
    }

    @Test
    void handoffOverTheNetworkIsSlowerThanOverNvlink() {
        WorkloadSpec w = WorkloadSpec.synthetic().isl(16000).osl(8).requestCount(50).concurrency(1).build();
        EngineArgs slow = ARGS.toBuilder().kvTransferBandwidthGbps(1.0).build();
        ReplayConfig fast = ReplayConfig.disaggregated(MODEL, "h200_sxm", new PoolConfig(1, 1, ARGS),
                new PoolConfig(1, 1, ARGS.withEnablePrefixCaching(false)), RouterPlan.of(RouterSetting.roundRobin()));
        ReplayConfig pinned = ReplayConfig.disaggregated(MODEL, "h200_sxm", new PoolConfig(1, 1, ARGS),
                new PoolConfig(1, 1, slow.withEnablePrefixCaching(false)), RouterPlan.of(RouterSetting.roundRobin()));
        double ttftFast = run(fast, w).get("mean_ttft_ms");
        double ttftSlow = run(pinned, w).get("mean_ttft_ms");
        // 16000 tokens × 256 KiB / 1 GB/s ≈ 4194 ms more per request
        assertThat(ttftSlow - ttftFast).isCloseTo(16000.0 * 262144 / 1e9 * 1000 - 16000.0 * 262144 / 450e9 * 1000,
                offset(50.0));
    }

    @Test
    void anFp8KvCacheMovesHalfTheBytesAtHandoff() {
        WorkloadSpec w = WorkloadSpec.synthetic().isl(16000).osl(8).requestCount(50).concurrency(1).build();
        EngineArgs slow = ARGS.toBuilder().kvTransferBandwidthGbps(1.0).build();
        EngineArgs slowFp8 = slow.toBuilder().kvCacheDtype(io.servesim.spec.KvCacheDtype.FP8).build();
        double ttft16 = run(ReplayConfig.disaggregated(MODEL, "h200_sxm", new PoolConfig(1, 1, slow),
                new PoolConfig(1, 1, slow.withEnablePrefixCaching(false)), RouterPlan.of(RouterSetting.roundRobin())), w)
                .get("mean_ttft_ms");
        double ttft8 = run(ReplayConfig.disaggregated(MODEL, "h200_sxm", new PoolConfig(1, 1, slowFp8),
                new PoolConfig(1, 1, slowFp8.withEnablePrefixCaching(false)), RouterPlan.of(RouterSetting.roundRobin())), w)
                .get("mean_ttft_ms");
        // 16000 tokens × 128 KiB (FP8) instead of 256 KiB (16-bit) over 1 GB/s: about 2097 ms less per request;
        // FP8-KV attention during the prefill differs by a few ms at most
        assertThat(ttft16 - ttft8).isCloseTo(16000.0 * 131072 / 1e9 * 1000, offset(50.0));
    }

    @Test
    void lenientTracesReportTheLinesTheySkipped(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("t.jsonl");
        java.nio.file.Files.writeString(f, "{\"timestamp\": 0, \"input_length\": 100, \"output_length\": 4, \"hash_ids\": [1, 2]}\n"
                + "{broken\n"
                + "{\"timestamp\": 10, \"input_length\": 100, \"output_length\": 4, \"hash_ids\": [1, 3]}\n");
        WorkloadSpec w = WorkloadSpec.trace(f.toString()).traceBlockSize(64).lenientTrace(true).build();
        ReplayConfig agg = ReplayConfig.aggregated(MODEL, "h200_sxm", new PoolConfig(1, 1, ARGS),
                RouterPlan.of(RouterSetting.roundRobin()));
        ReplayMetrics m = run(agg, w);
        assertThat(m.get("completed_requests")).isEqualTo(2);
        assertThat(m.get(ReplayRunner.SKIPPED_TRACE_LINES)).isEqualTo(1);
        WorkloadSpec strict = WorkloadSpec.trace(f.toString()).traceBlockSize(64).build();
        assertThatThrownBy(() -> run(agg, strict)).hasMessageContaining("t.jsonl:2");
    }

    @Test
    void aQueuedRequestIsRoutedWhenTheWorkerDropsBelowTheThreshold() {
        // 1 worker, threshold 0.5 × 8192 tokens: after the first 8192-token prompt the worker is over 4096 queued
        // prefill tokens, so the second request (arriving at 0 too) waits in the router until the first prompt's
        // prefill pass ends at P(8192) = 4.209989e-07 × 8192² + 1.518344e-02 × 8192 + 16.50142 ms (polynomial model);
        // both reach the router after vLLM's default per-request overhead o (ttft_overhead_ms)
        EngineArgs poly = ARGS.toBuilder().perfModel(io.servesim.spec.PerfModelKind.POLYNOMIAL).build();
        var queue = io.servesim.spec.KvRouterConfig.builder().routerQueueThreshold(0.5).build();
        WorkloadSpec two = WorkloadSpec.synthetic().isl(8192).osl(4).requestCount(2).concurrency(2).build();
        ReplayConfig agg = ReplayConfig.aggregated(MODEL, "h200_sxm", new PoolConfig(1, 1, poly),
                new RouterPlan(RouterSetting.kvRouter(1.0, 1.0), queue));
        java.util.List<io.servesim.router.RoutingDecision> decisions = new java.util.ArrayList<>();
        ReplayMetrics m = ReplayRunner.run(agg, Workloads.create(two, 64), null, decisions::add);
        double p8192 = 4.209989e-07 * 8192 * 8192 + 1.518344e-02 * 8192 + 16.50142;
        double o = poly.ttftOverhead();
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0).timeMs()).isEqualTo(o);
        assertThat(decisions.get(1).timeMs()).isCloseTo(o + p8192, offset(1e-9));
        assertThat(decisions.get(1).routerQueueMs()).isCloseTo(p8192, offset(1e-9));
        assertThat(m.get("mean_router_queue_ms")).isCloseTo(p8192 / 2, offset(1e-9));
        assertThat(m.get("p95_router_queue_ms")).isCloseTo(p8192, offset(1e-9));
        // with the queue off both are routed on arrival
        var off = io.servesim.spec.KvRouterConfig.builder().routerQueueThreshold(null).build();
        ReplayMetrics direct = run(ReplayConfig.aggregated(MODEL, "h200_sxm", new PoolConfig(1, 1, poly),
                new RouterPlan(RouterSetting.kvRouter(1.0, 1.0), off)), two);
        assertThat(direct.get("mean_router_queue_ms")).isEqualTo(0);
        assertThat(direct.get("completed_requests")).isEqualTo(2);
    }
}
