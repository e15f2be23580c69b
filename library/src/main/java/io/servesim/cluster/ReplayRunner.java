package io.servesim.cluster;

import io.servesim.metrics.ReplayMetrics;
import io.servesim.workload.Workload;
import java.util.function.DoubleConsumer;

/**
 * Runs one replay: a workload through one simulated cluster, returning its metrics. Stateless and thread-safe; a
 * run checks its thread's interrupt flag and stops with a {@link java.util.concurrent.CancellationException}.
 */
public final class ReplayRunner {
    private ReplayRunner() {
    }

    /** Replays {@code workload} through the cluster described by {@code config}. */
    public static ReplayMetrics run(ReplayConfig config, Workload workload) {
        return run(config, workload, null);
    }

    /** Replays and reports the fraction of requests completed to {@code progress} now and then (may be null). */
    public static ReplayMetrics run(ReplayConfig config, Workload workload, DoubleConsumer progress) {
        try (workload) {
            return new ClusterSim(config, workload, progress).run();
        }
    }
}
