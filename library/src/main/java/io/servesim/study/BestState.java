package io.servesim.study;

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
        return new BestState(s.prefillTp(), s.decodeTp(), s.prefillWorkers(), s.decodeWorkers(), s.router().mode(),
                s.router().overlapScoreCredit(), s.router().prefillLoadScale(), s.totalGpusUsed(),
                e.outputThroughput(), e.outputThroughputPerGpu(), e.metric("mean_ttft_ms"), e.metric("mean_tpot_ms"),
                e.meanE2eLatencyMs(), e.metric("p95_ttft_ms"), e.metric("p95_tpot_ms"),
                e.metric("prefix_cache_reused_ratio"), e.score(), e.feasible(), e.violations());
    }
}
