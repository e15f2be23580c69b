package io.servesim.bench;

import io.servesim.metrics.ReplayMetrics;
import io.servesim.optimize.DeploymentState;
import io.servesim.optimize.LocalEvaluator;
import io.servesim.router.RouterSetting;
import io.servesim.spec.Specs;
import io.servesim.spec.WorkloadSpec;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per replay: the default example (5,000 requests, isl 32768, osl 256, 3×TP4 prefill + 4×TP1 decode) and the
 * Mooncake conversation trace (12,031 requests; shipped gzipped in traces/) on 4×TP2 prefill + 8×TP1 decode and on
 * 8×TP2 aggregated workers (the aggregated example's engine settings).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReplayBenchmark {
    private LocalEvaluator defaultExample;
    private LocalEvaluator conversation;
    private LocalEvaluator conversationAggregated;
    private final DeploymentState aggregatedState = DeploymentState.aggregated(2, 8, RouterSetting.kvRouter(1, 1));
    private final DeploymentState defaultState = DeploymentState.disaggregated(4, 1, 3, 4, RouterSetting.kvRouter(1, 1));
    private final DeploymentState traceState = DeploymentState.disaggregated(2, 1, 4, 8, RouterSetting.kvRouter(1, 1));

    @Setup
    public void setUp() {
        var spec = Specs.example(Specs.DEFAULT_EXAMPLE);
        defaultExample = new LocalEvaluator(spec);
        Path trace = Path.of(System.getProperty("servesim.trace", "traces/conversation_trace.jsonl.gz"));
        if (!java.nio.file.Files.exists(trace)) {
            trace = Path.of("..", trace.toString()); // run from the library module
        }
        conversation = new LocalEvaluator(spec.withWorkload(WorkloadSpec.trace(trace.toString()).build()));
        conversationAggregated = new LocalEvaluator(Specs.example(Specs.AGGREGATED_EXAMPLE)
                .withWorkload(WorkloadSpec.trace(trace.toString()).build()));
    }

    @Benchmark
    public ReplayMetrics defaultExample() {
        return defaultExample.replay(defaultState, false);
    }

    @Benchmark
    public ReplayMetrics conversationTrace() {
        return conversation.replay(traceState, false);
    }

    @Benchmark
    public ReplayMetrics conversationTraceAggregated() {
        return conversationAggregated.replay(aggregatedState, false);
    }
}
