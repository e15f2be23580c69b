package io.servesim.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servesim.spec.EngineArgs;
import io.servesim.spec.EngineSpec;
import io.servesim.spec.HardwareSpec;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.RouterSpec;
import io.servesim.spec.WorkloadSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sweep's candidate space: TP candidate lists, one rule for the descent and the baseline, warnings. */
class SearchSpaceTest {
    private static final WorkloadSpec W = WorkloadSpec.synthetic().isl(1000).osl(10).requestCount(10).concurrency(2).build();

    private static ReplayOptimizeSpec disagg(int gpus, EngineArgs prefill, EngineArgs decode) {
        return ReplayOptimizeSpec.builder().engine(EngineSpec.disaggregated("Qwen/Qwen3-8B", "vllm")
                        .basePrefillEngineArgs(prefill).baseDecodeEngineArgs(decode))
                .hardware(HardwareSpec.of("h200_sxm", gpus)).workload(W)
                .router(RouterSpec.kvRouter().overlapCredits(1.0).prefillLoadScales(1.0)).maxParallelEvals(1).build();
    }

    private static ReplayOptimizeSpec agg(int gpus, EngineArgs args, RouterSpec router) {
        return ReplayOptimizeSpec.builder().engine(EngineSpec.aggregated("Qwen/Qwen3-8B", "vllm").baseEngineArgs(args))
                .hardware(HardwareSpec.of("h200_sxm", gpus)).workload(W).router(router).maxParallelEvals(1).build();
    }

    @Test
    void tensorParallelSizesRestrictTheShapesTheSearchVisits() {
        EngineArgs prefill = EngineArgs.builder().tensorParallelSizes(List.of(4, 2)).build();
        EngineArgs decode = EngineArgs.builder().tensorParallelSizes(List.of(1)).build();
        ReplayOptimizeSpec spec = disagg(8, prefill, decode);
        SearchSpace space = new SearchSpace(spec);
        assertThat(space.prefillTps()).containsExactly(2, 4);
        assertThat(space.decodeTps()).containsExactly(1);
        OptimizationResult descent = ReplayOptimizer.optimize(spec, BudgetDescentTest.FAKE, ProgressListener.NONE);
        Set<String> visited = new HashSet<>();
        for (EvaluatedState e : descent.records()) {
            visited.add(e.state().prefillTp() + "/" + e.state().decodeTp());
        }
        // every visited state uses prefill TP 2 or 4 and decode TP 1, and both prefill shapes were tried
        assertThat(visited).containsExactlyInAnyOrder("2/1", "4/1");
        assertThat(space.allStates()).allMatch(s -> (s.prefillTp() == 2 || s.prefillTp() == 4) && s.decodeTp() == 1);
        EngineArgs huge = EngineArgs.builder().tensorParallelSizes(List.of(16)).build();
        assertThatThrownBy(() -> new SearchSpace(disagg(32, huge, decode)))
                .hasMessageContaining("tensor_parallel_sizes lists [16]").hasMessageContaining("[1, 2, 4, 8]");
    }

    @Test
    void descentAndExhaustiveShareOneRuleForAggregatedKvRouterStates() {
        // 4 GPUs, TP 1/2/4: TP4 leaves one worker, which the KV router cannot choose between, so no search visits it
        ReplayOptimizeSpec spec = agg(4, EngineArgs.defaults(), RouterSpec.kvRouter().overlapCredits(1.0)
                .prefillLoadScales(1.0).build());
        SearchSpace space = new SearchSpace(spec);
        assertThat(space.equalWorkerTpStates(space.routerStates().get(0))).extracting(DeploymentState::tp)
                .containsExactly(1, 2);
        OptimizationResult descent = ReplayOptimizer.optimize(spec, BudgetDescentTest.FAKE, ProgressListener.NONE);
        OptimizationResult all = ReplayOptimizer.exhaustive(spec, BudgetDescentTest.FAKE, ProgressListener.NONE);
        Set<DeploymentState> exhaustive = new HashSet<>();
        all.records().forEach(e -> exhaustive.add(e.state()));
        assertThat(descent.records()).allMatch(e -> exhaustive.contains(e.state()));
        assertThat(all.records()).noneMatch(e -> e.state().workers() < 2);
        // round-robin keeps the one-worker states, in both searches
        ReplayOptimizeSpec both = agg(4, EngineArgs.defaults(), RouterSpec.both().overlapCredits(1.0)
                .prefillLoadScales(1.0).build());
        assertThat(new SearchSpace(both).allStates()).anyMatch(s -> s.workers() == 1 && !s.router().isKvRouter());
        assertThatThrownBy(() -> new SearchSpace(agg(1, EngineArgs.defaults(), RouterSpec.defaults())))
                .hasMessageContaining("at least 2").hasMessageContaining("round_robin");
    }

    @Test
    void pinnedBlocksBeyondGpuMemoryAreAWarningNotAnError() {
        EngineArgs pinned = EngineArgs.builder().numGpuBlocks(20000).tensorParallelSizes(List.of(1, 2)).build();
        SearchSpace space = new SearchSpace(disagg(8, pinned, EngineArgs.builder().numGpuBlocks(10).build()));
        assertThat(space.warnings()).singleElement().asString()
                .contains("engine.basePrefillEngineArgs.num_gpu_blocks is 20000")
                .contains("TP1: ").contains("TP2: ").contains("blocks of 512 tokens");
        assertThat(new SearchSpace(disagg(8, EngineArgs.defaults(), EngineArgs.defaults())).warnings()).isEmpty();
    }
}
