package io.servesim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.metrics.ReplayMetrics;
import io.servesim.router.RouterPlan;
import io.servesim.router.RouterSetting;
import io.servesim.spec.EngineArgs;
import io.servesim.spec.WorkerType;
import io.servesim.workload.MooncakeTrace;
import io.servesim.workload.Request;
import io.servesim.workload.Workload;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The end of a workload's arrivals, given as {@link Workload#END} (a trace read ahead) or as null (any workload
 * through the default {@link Workload#nextOrEnd}), gives the same run and the same request counts.
 */
class ArrivalEndTest {
    private static final Path TRACE = Path.of("..", "traces", "conversation_trace.jsonl.gz");

    /** The trace seen only through {@link Workload#next}: its end is a null, as for any workload. */
    private record NullEnded(Workload w) implements Workload {
        @Override
        public int concurrency() {
            return w.concurrency();
        }

        @Override
        public int blockSize() {
            return w.blockSize();
        }

        @Override
        public Request next() {
            return w.next();
        }

        @Override
        public void close() {
            w.close();
        }
    }

    @Test
    void endOfTheArrivalsGivesTheSameRunEitherWay() {
        EngineArgs args = EngineArgs.builder().blockSize(512).build();
        ReplayConfig c = ReplayConfig.disaggregated(ClusterSimTest.MODEL, "h200_sxm",
                new PoolConfig(2, 2, args.withWorkerType(WorkerType.PREFILL)),
                new PoolConfig(1, 4, args.withWorkerType(WorkerType.DECODE)),
                RouterPlan.of(RouterSetting.kvRouter(1.0, 1.0))).withRecordRequests(true);
        ReplayMetrics ended = ReplayRunner.run(c, new MooncakeTrace(TRACE, 512, 512, 4.0, 0, false));
        ReplayMetrics nulled = ReplayRunner.run(c, new NullEnded(new MooncakeTrace(TRACE, 512, 512, 4.0, 0, false)));
        assertThat(ended.get(ReplayRunner.SENT_REQUESTS)).isEqualTo(12_031);
        assertThat(ended.get(ReplayRunner.UNFINISHED_REQUESTS)).isZero();
        assertThat(ended.requests()).isEqualTo(nulled.requests());
        assertThat(ended.workers()).usingRecursiveComparison().isEqualTo(nulled.workers());
        var a = new java.util.TreeMap<>(ended.summary());
        var b = new java.util.TreeMap<>(nulled.summary());
        a.keySet().removeIf(k -> k.contains("wall"));
        b.keySet().removeIf(k -> k.contains("wall"));
        assertThat(a).isEqualTo(b);
    }
}
