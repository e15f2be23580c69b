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
        return run(config, workload, progress, null);
    }

    /**
     * Replays, reporting progress (may be null) and handing every routing decision, with its cost terms, to
     * {@code decisions} (may be null; computing the terms costs time, so pass null unless they are needed).
     */
    public static ReplayMetrics run(ReplayConfig config, Workload workload, DoubleConsumer progress,
                                    java.util.function.Consumer<io.servesim.router.RoutingDecision> decisions) {
        try (workload) {
            ReplayMetrics m = new ClusterSim(config, workload, progress, decisions).run();
            if (workload instanceof io.servesim.workload.MooncakeTrace trace && trace.skippedLines() > 0) {
                // a lenient trace: say how many bad lines were left out instead of dropping them silently
                var summary = new java.util.LinkedHashMap<>(m.summary());
                summary.put(SKIPPED_TRACE_LINES, (double) trace.skippedLines());
                return new ReplayMetrics(summary, m.workers(), m.requests());
            }
            return m;
        }
    }

    /** Summary key present when a lenient trace skipped bad lines: how many. */
    public static final String SKIPPED_TRACE_LINES = "skipped_trace_lines";
}
