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

/**
 * Calls per second of the step timer: a typical mixed batch (one prefill chunk + 64 decode sequences), and the
 * decode-only passes of a decode run (64 sequences, each pass one token longer, 256 passes over and over, as a sweep's
 * deployments replay the same requests).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StepTimerBenchmark {
    private StepTimer timer;
    private final StepBatch batch = new StepBatch();
    private final StepBatch decodes = new StepBatch();
    private int pass;

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

    @Benchmark
    public double decodeRunPass() {
        pass = (pass + 1) & 255;
        decodes.clear().addDecodes(64, 64L * (33_000 + pass));
        return timer.stepMs(decodes);
    }
}
