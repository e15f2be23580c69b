package io.servesim.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.Specs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The parity example ({@code notebooks/specs/dynamo-parity.yaml}: the default example with {@code num_gpu_blocks:
 * 20000} pinned in both pools, as Dynamo's example driver does) reproduces the topology of Dynamo's published
 * default-sweep winner, 3×TP4 prefill + 4×TP1 decode, with about half of every prompt served from cache.
 */
class DynamoParityIT {
    @Test
    void parityExampleFindsDynamosPublishedTopology() {
        ReplayOptimizeSpec spec = Specs.read(Path.of("..", "notebooks", "specs", "dynamo-parity.yaml"));
        assertThat(spec.engine().basePrefillEngineArgs().numGpuBlocks()).isEqualTo(20000);
        assertThat(spec.engine().baseDecodeEngineArgs().numGpuBlocks()).isEqualTo(20000);
        OptimizationResult r = ReplayOptimizer.optimize(spec);
        // 20,000 blocks exceed what an H200 holds for Qwen3-32B at every TP: allowed, with one warning per pool
        assertThat(r.warnings()).hasSize(2).allMatch(w -> w.contains("num_gpu_blocks is 20000"));
        DeploymentState best = r.bestFeasible().orElseThrow().state();
        assertThat(best.prefillTp()).isEqualTo(4);
        assertThat(best.decodeTp()).isEqualTo(1);
        assertThat(best.prefillWorkers()).isEqualTo(3);
        assertThat(best.decodeWorkers()).isEqualTo(4);
        // sharedPrefixRatio 0.5: every prefill worker keeps all 50 shared prefixes (1,600 blocks) in 20,000 blocks,
        // so reuse approaches the 0.5 Dynamo reports (the first request of each group misses)
        assertThat(r.bestFeasible().orElseThrow().metric("prefix_cache_reused_ratio")).isBetween(0.45, 0.5);
    }
}
