package io.servesim.study;

import io.servesim.metrics.Metric;
import io.servesim.optimize.DeploymentState;
import io.servesim.optimize.EvaluatedState;
import java.util.List;

/**
 * The best state of a cell (the best feasible one, else the least infeasible) as the cells table shows it: topology,
 * router state, GPUs used, headline metrics, score, whether it is feasible and which bounds it fails. Immutable.
 */
public record BestState(int prefillTp, int decodeTp, int prefillWorkers, int decodeWorkers, String routerMode,
                        double overlapScoreCredit, double prefillLoadScale, int totalGpusUsed,
                        double outputThroughputTokS, double outputThroughputTokSPerGpu, double meanTtftMs,
                        double meanTpotMs, double meanE2eLatencyMs, double p95TtftMs, double p95TpotMs,
                        double prefixCacheReusedRatio, double score, boolean feasible, List<String> violations) {

    /** Returns the cells-table view of {@code e}. */
    public static BestState of(EvaluatedState e) {
        DeploymentState s = e.state();
        return new BestState(s.prefillTp(), s.decodeTp(), s.prefillWorkers(), s.decodeWorkers(), s.router().mode().id(),
                s.router().overlapScoreCredit(), s.router().prefillLoadScale(), s.totalGpusUsed(),
                e.outputThroughput(), e.outputThroughputPerGpu(), e.metric(Metric.MEAN_TTFT_MS),
                e.metric(Metric.MEAN_TPOT_MS),
                e.meanE2eLatencyMs(), e.metric(Metric.P95_TTFT_MS), e.metric(Metric.P95_TPOT_MS),
                e.metric(Metric.PREFIX_CACHE_REUSED_RATIO), e.score(), e.feasible(), e.violations());
    }
}
