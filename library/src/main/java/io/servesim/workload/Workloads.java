package io.servesim.workload;

import io.servesim.spec.WorkloadSpec;

/** Creates the {@link Workload} a {@link WorkloadSpec} describes: a synthetic generator or a trace replay. */
public final class Workloads {
    private Workloads() {
    }

    /** Returns a fresh workload for one run, with block hashes made for {@code blockSize}-token blocks. */
    public static Workload create(WorkloadSpec spec, int blockSize) {
        return create(spec, blockSize, Integer.MAX_VALUE);
    }

    /**
     * Returns a fresh workload for one run whose spread lengths are truncated to fit {@code maxContextTokens}
     * (prompt + answer).
     */
    public static Workload create(WorkloadSpec spec, int blockSize, int maxContextTokens) {
        if (spec instanceof WorkloadSpec.Trace trace) {
            return TraceFormat.named(trace.traceFormat()).open(trace, blockSize);
        }
        return new SyntheticWorkload(spec, blockSize, maxContextTokens);
    }
}
