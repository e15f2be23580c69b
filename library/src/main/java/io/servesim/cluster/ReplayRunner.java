package io.servesim.cluster;

import io.servesim.metrics.Metric;
import io.servesim.metrics.ReplayMetrics;
import io.servesim.workload.MooncakeTrace;
import io.servesim.workload.Workload;
import java.util.function.DoubleConsumer;

/**
 * Runs one replay: a workload through one simulated cluster, returning its metrics. Stateless and thread-safe; a
 * run checks its thread's interrupt flag and stops with a {@link java.util.concurrent.CancellationException}.
 *
 * <p>Every replay accounts for its requests: the summary carries {@link #SENT_REQUESTS} (requests the workload
 * produced, counting those it still had when the run ended) and {@link #UNFINISHED_REQUESTS} (sent but not
 * completed). A run in which no request completed fails with an {@link IllegalArgumentException} saying why, so no
 * report of zero latencies ever looks like a result.
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
            ClusterSim sim = new ClusterSim(config, workload, progress, decisions);
            ReplayMetrics m = sim.run();
            var summary = new java.util.LinkedHashMap<>(m.summary());
            long sent = sim.sent();
            if (!sim.exhausted()) {
                // the run ended with requests still to come (e.g. arrival times beyond any finite clock)
                long expected = workload.expectedRequests();
                sent = Math.max(sent + 1, expected);
            }
            // warm-up requests completed too, but are left out of the figures
            long completed = Math.round(summary.getOrDefault(Metric.COMPLETED_REQUESTS.name(), 0.0)
                    + summary.getOrDefault(Metric.WARMUP_REQUESTS.name(), 0.0));
            String skippedNote = "";
            if (workload instanceof MooncakeTrace trace && trace.skippedLines() > 0) {
                // a lenient trace: say how many bad lines were left out instead of dropping them silently
                summary.put(SKIPPED_TRACE_LINES, (double) trace.skippedLines());
                skippedNote = "; " + trace.skippedLines() + " bad trace lines skipped, the first: "
                        + trace.firstProblem();
            }
            if (sent == 0) {
                throw new IllegalArgumentException("the workload has no requests (an empty trace, or only blank or"
                        + " bad lines)" + skippedNote);
            }
            if (completed == 0) {
                throw new IllegalArgumentException("no request completed out of " + sent + " sent" + skippedNote);
            }
            summary.put(SENT_REQUESTS, (double) sent);
            summary.put(UNFINISHED_REQUESTS, (double) Math.max(0, sent - completed));
            return new ReplayMetrics(summary, m.workers(), m.requests());
        }
    }

    /** Summary key: requests the workload produced for this run. */
    public static final String SENT_REQUESTS = Metric.SENT_REQUESTS.name();
    /** Summary key: requests sent that did not complete (0 in a healthy run). */
    public static final String UNFINISHED_REQUESTS = Metric.UNFINISHED_REQUESTS.name();

    /** Summary key present when a lenient trace skipped bad lines: how many. */
    public static final String SKIPPED_TRACE_LINES = Metric.SKIPPED_TRACE_LINES.name();
}
