package io.servesim.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servesim.router.RouterSetting;
import io.servesim.spec.EngineSpec;
import io.servesim.spec.HardwareSpec;
import io.servesim.spec.Objective;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.RouterSpec;
import io.servesim.spec.SlaSpec;
import io.servesim.spec.WorkloadSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The descent's visit order, pruning and ranking against a hand-computable evaluator. */
class BudgetDescentTest {
    /** throughput = 10·pw·ptp + 20·dw·dtp + 5·credit (+3 for round-robin); e2e fixed; TTFT = 1000 / throughput. */
    static final Evaluator FAKE = s -> Map.of(
            "output_throughput_tok_s", 10.0 * s.prefillWorkers() * s.prefillTp() + 20.0 * s.decodeWorkers() * s.decodeTp()
                    + 5 * s.router().overlapScoreCredit() + (s.router().isKvRouter() ? 0 : 3),
            "mean_e2e_latency_ms", 1000.0,
            "mean_ttft_ms", 1000.0 / (10.0 * s.prefillWorkers() * s.prefillTp()));

    static ReplayOptimizeSpec spec(int gpus, RouterSpec router) {
        return ReplayOptimizeSpec.builder().engine(EngineSpec.disaggregated("Qwen/Qwen3-8B", "vllm"))
                .hardware(HardwareSpec.of("h200_sxm", gpus))
                .workload(WorkloadSpec.synthetic().isl(1000).osl(10).requestCount(10).concurrency(2))
                .router(router).objective(Objective.THROUGHPUT).maxParallelEvals(1).build();
    }

    static String key(DeploymentState s) {
        return s.prefillTp() + "," + s.decodeTp() + "," + s.prefillWorkers() + "," + s.decodeWorkers() + ","
                + (s.router().isKvRouter() ? "kv" + (int) s.router().overlapScoreCredit() : "rr");
    }

    @Test
    void visitsTheStatesTheReferenceAlgorithmWould() {
        ReplayOptimizeSpec spec = spec(4, RouterSpec.kvRouter().overlapCredits(0.0, 1.0).prefillLoadScales(1.0).build());
        OptimizationResult r = ReplayOptimizer.optimize(spec, FAKE, ProgressListener.NONE);
        List<String> visited = r.records().stream().map(e -> key(e.state())).toList();
        assertThat(visited).containsExactly(
                "1,1,2,2,kv0",                                          // initial: first equal-worker TP state
                "1,2,1,1,kv0", "2,1,1,1,kv0", "2,2,1,1,kv0",            // round 1 TP step (ties keep (1,1,2,2))
                "1,1,1,3,kv0", "1,1,3,1,kv0",                           // worker step: budget edge splits of 4 GPUs
                "1,1,1,3,kv1",                                          // router step
                "1,1,2,2,kv1", "1,2,1,1,kv1", "2,1,1,1,kv1", "2,2,1,1,kv1", // round 2 TP step
                "1,1,3,1,kv1");                                          // worker step; router step all memoised
        assertThat(key(r.bestFeasible().orElseThrow().state())).isEqualTo("1,1,1,3,kv1");
        assertThat(r.evaluated().rowCount()).isEqualTo(12);
        assertThat(r.feasible().column("output_throughput_tok_s").get(0)).isEqualTo(75.0);
    }

    @Test
    void budgetEdgeKeepsOnlySplitsUsingTheMostGpus() {
        SearchSpace space = new SearchSpace(spec(7, RouterSpec.defaults()));
        List<DeploymentState> edge = space.budgetEdgeWorkerStates(
                DeploymentState.disaggregated(2, 4, 1, 1, RouterSetting.kvRouter(1, 1)));
        // 2·pw + 4·dw ≤ 7: the most achievable is 6 (pw=1, dw=1 and pw=3, dw=0 not allowed) → (1,1)
        assertThat(edge).extracting(DeploymentState::totalGpusUsed).containsOnly(6);
        assertThat(edge).extracting(DeploymentState::prefillWorkers).containsExactly(1);
        List<DeploymentState> edge2 = space.budgetEdgeWorkerStates(
                DeploymentState.disaggregated(1, 2, 1, 1, RouterSetting.kvRouter(1, 1)));
        assertThat(edge2).extracting(s -> s.prefillWorkers() + "/" + s.decodeWorkers())
                .containsExactly("1/3", "3/2", "5/1");
    }

    @Test
    void modeBothStartsFromRoundRobin() {
        ReplayOptimizeSpec spec = spec(4, RouterSpec.both().overlapCredits(0.0).prefillLoadScales(1.0).build());
        OptimizationResult r = ReplayOptimizer.optimize(spec, FAKE, ProgressListener.NONE);
        assertThat(key(r.records().get(0).state())).isEqualTo("1,1,2,2,rr");
        assertThat(r.records()).anyMatch(e -> e.state().router().isKvRouter());
    }

    @Test
    void aggregatedKvRouterNeedsTwoWorkers() {
        ReplayOptimizeSpec spec = ReplayOptimizeSpec.builder().engine(EngineSpec.aggregated("Qwen/Qwen3-8B", "vllm"))
                .hardware(HardwareSpec.of("h200_sxm", 2))
                .workload(WorkloadSpec.synthetic().isl(1000).osl(10).requestCount(10).concurrency(2))
                .router(RouterSpec.kvRouter().overlapCredits(1.0).prefillLoadScales(1.0)).maxParallelEvals(1).build();
        SearchSpace space = new SearchSpace(spec);
        assertThat(space.budgetEdgeWorkerStates(DeploymentState.aggregated(2, 1, RouterSetting.kvRouter(1, 1)))).isEmpty();
        assertThat(space.budgetEdgeWorkerStates(DeploymentState.aggregated(1, 2, RouterSetting.kvRouter(1, 1))))
                .extracting(DeploymentState::workers).containsExactly(2);
        assertThat(space.allStates()).noneMatch(s -> s.router().isKvRouter() && s.workers() < 2);
    }

    @Test
    void slaBoundsTranslateToViolations() {
        ReplayOptimizeSpec spec = spec(4, RouterSpec.kvRouter().overlapCredits(1.0).prefillLoadScales(1.0).build())
                .toBuilder().sla(SlaSpec.builder().ttft(60)).build();
        OptimizationResult r = ReplayOptimizer.optimize(spec, FAKE, ProgressListener.NONE);
        for (EvaluatedState e : r.records()) {
            double ttft = e.metric("mean_ttft_ms");
            assertThat(e.feasible()).isEqualTo(ttft <= 60);
            if (!e.feasible()) {
                assertThat(e.violations()).containsExactly("mean_ttft_ms");
                assertThat(e.violationPenalty()).isCloseTo(ttft / 60 - 1, org.assertj.core.data.Offset.offset(1e-12));
            }
        }
        assertThat(r.bestFeasible().orElseThrow().metric("mean_ttft_ms")).isLessThanOrEqualTo(60);
        assertThat(r.explain(r.bestInfeasible().orElseThrow())).contains("mean_ttft_ms").contains("over the bound");
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        ReplayOptimizeSpec spec = spec(6, RouterSpec.both().overlapCredits(0.0, 0.5, 1.0).prefillLoadScales(0.5, 2).build());
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        Evaluator slowAndShuffled = s -> {
            order.add(key(s));
            try {
                Thread.sleep((key(s).hashCode() & 3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FAKE.evaluate(s);
        };
        String one = ReplayOptimizer.optimize(spec.withMaxParallelEvals(1), slowAndShuffled, ProgressListener.NONE)
                .evaluated().toString();
        String four = ReplayOptimizer.optimize(spec.withMaxParallelEvals(4), slowAndShuffled, ProgressListener.NONE)
                .evaluated().toString();
        assertThat(four).isEqualTo(one);
    }

    @Test
    void exhaustiveSearchCoversEveryStateAndMeasuresTheGap() {
        ReplayOptimizeSpec spec = spec(4, RouterSpec.kvRouter().overlapCredits(0.0, 1.0).prefillLoadScales(1.0).build());
        OptimizationResult r = ReplayOptimizer.optimizeWithGap(spec, FAKE, ProgressListener.NONE);
        OptimalityGap gap = r.optimalityGap().orElseThrow();
        // TP pairs within 4 GPUs: (1,1): 6 splits, (1,2): 3+1, (2,1): 2+1... counted by the space itself
        assertThat(gap.exhaustiveEvaluations()).isEqualTo(new SearchSpace(spec).allStates().size());
        assertThat(gap.descentEvaluations()).isEqualTo(12);
        assertThat(gap.exhaustiveBestScore()).isGreaterThanOrEqualTo(gap.descentBestScore());
        assertThat(gap.relativeGap()).isZero();
    }

    @Test
    void emptySearchSpaceFailsBeforeEvaluating() {
        assertThatThrownBy(() -> new SearchSpace(spec(4, RouterSpec.defaults()).withTotalGpus(1)))
                .hasMessageContaining("totalGpus is 1").hasMessageContaining(">= 2");
        ReplayOptimizeSpec big = ReplayOptimizeSpec.builder()
                .engine(EngineSpec.aggregated("meta-llama/Llama-3.1-70B-Instruct", "vllm"))
                .hardware(HardwareSpec.of("h100_sxm", 1))
                .workload(WorkloadSpec.synthetic().isl(1000).osl(10).requestCount(10).concurrency(2)).build();
        assertThatThrownBy(() -> ReplayOptimizer.optimize(big, FAKE, ProgressListener.NONE))
                .hasMessageContaining("smallest TP that fits");
    }

    @Test
    void failingEvaluationNamesItsState() {
        Evaluator broken = s -> {
            throw new EvaluationException(s, new IllegalStateException("boom"));
        };
        assertThatThrownBy(() -> ReplayOptimizer.optimize(spec(4, RouterSpec.defaults()), broken, ProgressListener.NONE))
                .hasMessageContaining("2×TP1 prefill + 2×TP1 decode").hasMessageContaining("boom");
    }
}
