package io.servesim.bench;

import io.servesim.perf.PerfModel;
import io.servesim.perf.StepBatch;
import io.servesim.perf.StepTimer;
import io.servesim.spec.EngineArgs;
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

/** Calls per second of the step timer on a typical mixed batch (one prefill chunk + 64 decode sequences). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StepTimerBenchmark {
    private StepTimer timer;
    private final StepBatch batch = new StepBatch();

    @Setup
    public void setUp() {
        timer = PerfModel.of("Qwen/Qwen3-32B", "h200_sxm").stepTimer(2, EngineArgs.defaults());
        batch.addPrefill(4096, 2048);
        for (int i = 0; i < 64; i++) {
            batch.addDecode(8192 + i);
        }
    }

    @Benchmark
    public double mixedBatch() {
        return timer.stepMs(batch);
    }
}
