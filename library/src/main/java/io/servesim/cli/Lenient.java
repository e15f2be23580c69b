package io.servesim.cli;

import io.servesim.spec.ReplayOptimizeSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --lenient} flag of {@code replay} and {@code sweep} (a picocli mixin): turns on
 * {@code workload.lenientTrace}.
 */
final class Lenient {
    @Option(names = "--lenient", description = "Trace workloads: skip bad trace lines (counted and reported) instead"
            + " of failing (default: the spec's lenientTrace)")
    boolean lenient;

    /**
     * Returns {@code spec}, with lenient trace reading when the flag is given; fails naming the flag when the
     * workload is not a trace.
     */
    ReplayOptimizeSpec applyTo(ReplayOptimizeSpec spec) {
        if (!lenient) {
            return spec;
        }
        if (!spec.workload().isTraceBased()) {
            throw new IllegalArgumentException("--lenient applies to trace workloads; the spec's workload is"
                    + " synthetic (add --trace-file)");
        }
        return spec.withWorkload(spec.workload().toBuilder().lenientTrace(true).build());
    }
}
