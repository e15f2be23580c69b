package io.servesim.cluster;

import io.servesim.metrics.ReplayMetrics;
import io.servesim.workload.Workload;

/** Runs one replay: a workload through one simulated cluster, returning its metrics. Stateless and thread-safe. */
public final class ReplayRunner {
    private ReplayRunner() {
    }

    /** Replays {@code workload} through the cluster described by {@code config}. */
    public static ReplayMetrics run(ReplayConfig config, Workload workload) {
        throw new UnsupportedOperationException("the cluster simulator is not part of this build yet");
    }
}
