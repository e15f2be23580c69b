package io.servesim.spec;

/**
 * Changes a user asks for on top of a spec when starting a sweep (command-line flags, notebook magic flags): another
 * trace file and/or arrival speed-up, objective, GPU budget, router mode or parallelism. Absent fields (null) keep the
 * spec's value. Another trace file keeps the spec's trace settings and must exist.
 */
public record SpecOverrides(String traceFile, Double arrivalSpeedupRatio, String objective, Integer totalGpus,
                            String routerMode, Integer maxParallelEvals) {

    /** Returns {@code spec} with the overrides applied; bad combinations fail naming the flag. */
    public ReplayOptimizeSpec applyTo(ReplayOptimizeSpec spec) {
        ReplayOptimizeSpec out = spec;
        if (traceFile != null) {
            // a trace spec keeps its trace settings (lenientTrace, traceReplayConcurrency, traceBlockSize, ...)
            var b = out.workload().isTraceBased() ? out.workload().toBuilder().traceFile(traceFile)
                    : WorkloadSpec.trace(traceFile);
            if (arrivalSpeedupRatio != null) {
                b.arrivalSpeedupRatio(arrivalSpeedupRatio);
            }
            out = out.withWorkload(b.build());
            Specs.checkTraceFile(out.workload(), "--trace-file", null);
        } else if (arrivalSpeedupRatio != null) {
            if (!out.workload().isTraceBased()) {
                throw new IllegalArgumentException("--arrival-speedup-ratio applies to trace workloads; the spec's"
                        + " workload is synthetic (add --trace-file)");
            }
            out = out.withWorkload(out.workload().toBuilder().arrivalSpeedupRatio(arrivalSpeedupRatio).build());
        }
        if (objective != null) {
            out = out.withObjective(Objective.named(objective));
        }
        if (totalGpus != null) {
            out = out.withTotalGpus(totalGpus);
        }
        if (routerMode != null) {
            out = out.withRouter(out.router().withMode(RouterMode.named(routerMode)));
        }
        if (maxParallelEvals != null) {
            out = out.withMaxParallelEvals(maxParallelEvals);
        }
        return out;
    }
}
