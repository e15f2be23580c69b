package io.servesim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.metrics.Metric;
import io.servesim.metrics.ReplayMetrics;
import io.servesim.router.RouterPlan;
import io.servesim.router.RouterSetting;
import io.servesim.spec.EngineArgs;
import io.servesim.spec.WorkerType;
import io.servesim.spec.WorkloadSpec;
import io.servesim.workload.Workloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Decode runs (a worker that only decodes planning several passes at once) change no result: the same run with and
 * without them gives identical metrics, bit for bit, over aggregated and disaggregated clusters, open-loop,
 * closed-loop, multi-turn and trace workloads, small KV caches (preemption, and decode workers whose handed-off
 * prompts wait for blocks), decode workers with and without prefix caching, router queues and warm-up (synthetic
 * workloads only).
 */
class DecodeRunEquivalenceTest {
    static final String MODEL = "Qwen/Qwen3-32B";

    /** One randomly drawn run. */
    record Case(boolean aggregated, boolean kvRouter, int workers, int blockSize, Integer gpuBlocks, int maxSeqs,
                double ttftOverheadMs, boolean decodePrefixCaching, String load, int requests, int isl, int osl, double sharedPrefix, int warmup,
                long seed) {
    }

    @Property(tries = 80)
    void decodeRunsGiveIdenticalMetrics(@ForAll("cases") Case c) {
        ReplayMetrics oneByOne = replay(c, false);
        ReplayMetrics runs = replay(c, true);
        assertThat(comparable(runs)).as(c.toString()).isEqualTo(comparable(oneByOne));
        assertThat(runs.requests()).as(c.toString()).isEqualTo(oneByOne.requests());
        assertThat(runs.workers()).as(c.toString()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(oneByOne.workers());
    }

    @Provide
    Arbitrary<Case> cases() {
        var shape = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 3), Arbitraries.of(16, 64, 256), Arbitraries.of(0, 120, 400),
                Arbitraries.of(4, 16, 256), Arbitraries.of(0.0, 7.5), Arbitraries.of(true, false))
                .as((agg, kv, workers, block, blocks, seqs, overhead, decodeCache) -> new Case(agg, kv, workers,
                        block, blocks == 0 ? null : blocks, seqs, overhead, decodeCache, null, 0, 0, 0, 0, 0, 0));
        var load = Combinators.combine(Arbitraries.of("rate", "closed", "sessions", "trace"),
                Arbitraries.integers().between(20, 90), Arbitraries.integers().between(100, 1500),
                Arbitraries.integers().between(1, 90), Arbitraries.of(0.0, 0.5), Arbitraries.of(0, 4),
                Arbitraries.longs().between(1, 1000))
                .as((kind, n, isl, osl, shared, warmup, seed) -> new Case(false, false, 0, 0, null, 0, 0, false, kind,
                        n, isl, osl, shared, warmup, seed));
        return Combinators.combine(shape, load).as((s, l) -> new Case(s.aggregated(), s.kvRouter(), s.workers(),
                s.blockSize(), s.gpuBlocks(), s.maxSeqs(), s.ttftOverheadMs(), s.decodePrefixCaching(), l.load(),
                l.requests(), l.isl(),
                l.osl(), l.sharedPrefix(), l.warmup(), l.seed()));
    }

    static ReplayMetrics replay(Case c, boolean decodeRuns) {
        // a pinned (small) cache still holds the longest request (a third turn carries two earlier ones)
        int longest = (c.load().equals("sessions") ? 3 : 1) * (c.isl() + c.osl());
        Integer blocks = c.gpuBlocks() == null ? null
                : Math.max(c.gpuBlocks(), (longest + c.blockSize() - 1) / c.blockSize() + 1);
        EngineArgs args = EngineArgs.builder().blockSize(c.blockSize()).numGpuBlocks(blocks)
                .maxNumSeqs(c.maxSeqs()).maxNumBatchedTokens(2048).ttftOverheadMs(c.ttftOverheadMs())
                .stepOverheadMs(1.0).build();
        RouterPlan router = RouterPlan.of(c.kvRouter() ? RouterSetting.kvRouter(1.0, 1.0) : RouterSetting.roundRobin());
        ReplayConfig config = c.aggregated()
                ? ReplayConfig.aggregated(MODEL, "h200_sxm", new PoolConfig(1, c.workers(), args), router)
                : ReplayConfig.disaggregated(MODEL, "h200_sxm",
                        new PoolConfig(1, c.workers(), args.withWorkerType(WorkerType.PREFILL)),
                        new PoolConfig(1, c.workers() + 1,
                                args.withWorkerType(WorkerType.DECODE)
                                        .withEnablePrefixCaching(c.decodePrefixCaching())), router);
        Path trace = null;
        try {
            WorkloadSpec w;
            if (c.load().equals("trace")) {
                trace = writeTrace(c);
                w = WorkloadSpec.trace(trace.toString()).traceBlockSize(c.blockSize()).build();
            } else {
                var b = WorkloadSpec.synthetic().isl(c.isl()).osl(c.osl()).requestCount(c.requests())
                        .sharedPrefixRatio(c.sharedPrefix()).numPrefixGroups(c.sharedPrefix() > 0 ? 3 : 0)
                        .arrivalSeed(c.seed()).warmupRequests(c.warmup());
                switch (c.load()) {
                    case "rate" -> b.requestRate(40.0 * c.workers());
                    case "closed" -> b.concurrency(4 * c.workers());
                    default -> b.concurrency(3).turnsPerSession(3).interTurnDelayMs(20);
                }
                w = b.build();
            }
            return new ClusterSim(config.withRecordRequests(true), Workloads.create(w, c.blockSize()), null, null,
                    decodeRuns).run();
        } finally {
            if (trace != null) {
                try {
                    Files.deleteIfExists(trace);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** A small Mooncake-style trace: bursts of arrivals, shared prefixes, varied lengths. */
    static Path writeTrace(Case c) {
        Random rnd = new Random(c.seed());
        StringBuilder out = new StringBuilder();
        long t = 0;
        for (int i = 0; i < c.requests(); i++) {
            t += rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(60);
            int input = 1 + rnd.nextInt(c.isl());
            int blocks = (input + c.blockSize() - 1) / c.blockSize();
            StringBuilder hashes = new StringBuilder();
            int group = rnd.nextInt(3);
            for (int b = 0; b < blocks; b++) {
                hashes.append(b == 0 ? "" : ", ").append(b < blocks / 2 ? group * 1000 + b : 100000 + i * 1000 + b);
            }
            out.append(String.format(Locale.ROOT,
                    "{\"timestamp\": %d, \"input_length\": %d, \"output_length\": %d, \"hash_ids\": [%s]}%n", t,
                    input, 1 + rnd.nextInt(c.osl()), hashes));
        }
        try {
            Path f = Files.createTempFile("decode-runs", ".jsonl");
            Files.writeString(f, out);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The summary without the wall-clock time, which no two runs share. */
    static Map<String, Double> comparable(ReplayMetrics m) {
        Map<String, Double> s = new LinkedHashMap<>(m.summary());
        s.remove(Metric.WALL_TIME_MS.name());
        return s;
    }
}
