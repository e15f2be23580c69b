package io.servesim.cli;

import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.SpecOverrides;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags that adjust a sweep's spec (trace, arrival speed-up, objective, GPU budget, router modes, parallelism,
 * lenient traces) and ask for the exhaustive baseline, shared by {@code servesim sweep} and the notebook's
 * {@code %sweep} as a picocli mixin. A flag not given keeps the spec's value.
 */
public final class SweepOptions {
    @Option(names = "--max-parallel-evals", paramLabel = "N",
            description = "Evaluations run at once (default: the spec's maxParallelEvals)")
    Integer maxParallelEvals;

    @Option(names = "--trace-file", paramLabel = "F", description = "Replay this Mooncake trace instead of the spec's"
            + " workload, keeping the spec's trace settings if it has any (default: none)")
    Path traceFile;

    @Option(names = "--arrival-speedup-ratio", paramLabel = "R",
            description = "Divide trace arrival times by R (default: the spec's, else 1.0)")
    Double arrivalSpeedupRatio;

    @Option(names = "--objective", paramLabel = "NAME",
            description = "throughput, mean_ttft or mean_e2e_latency (default: the spec's)")
    String objective;

    @Option(names = "--total-gpus", paramLabel = "N", description = "GPU budget (default: the spec's totalGpus)")
    Integer totalGpus;

    @Option(names = "--router-mode", paramLabel = "MODE",
            description = "kv_router, round_robin or both (default: the spec's)")
    String routerMode;

    @Mixin
    Lenient lenient;

    @Option(names = "--exhaustive", description = "Also evaluate every state and report the descent's optimality gap"
            + " (default: off)")
    boolean exhaustive;

    /** Returns {@code spec} with the flags' values in place of the spec's. */
    public ReplayOptimizeSpec applyTo(ReplayOptimizeSpec spec) {
        ReplayOptimizeSpec overridden = new SpecOverrides(traceFile == null ? null : traceFile.toString(),
                arrivalSpeedupRatio, objective, totalGpus, routerMode, maxParallelEvals).applyTo(spec);
        return lenient.applyTo(overridden);
    }

    /** Returns true when {@code --exhaustive} asks for the exhaustive baseline and the optimality gap. */
    public boolean exhaustive() {
        return exhaustive;
    }
}
