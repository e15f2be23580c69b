package io.servesim.cli;

import io.servesim.spec.ReplayOptimizeSpec;

/** The {@code --lenient} flag of {@code replay} and {@code sweep}: turns on {@code workload.lenientTrace}. */
final class Lenient {
    private Lenient() {
    }

    /** Returns {@code spec} with lenient trace reading; fails naming the flag when the workload is not a trace. */
    static ReplayOptimizeSpec apply(ReplayOptimizeSpec spec) {
        if (!spec.workload().isTraceBased()) {
            throw new IllegalArgumentException("--lenient applies to trace workloads; the spec's workload is"
                    + " synthetic (add --trace-file)");
        }
        return spec.withWorkload(spec.workload().toBuilder().lenientTrace(true).build());
    }
}
