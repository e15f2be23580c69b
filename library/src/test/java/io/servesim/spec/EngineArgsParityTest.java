package io.servesim.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Engine args shared with the original mocker: tensor_parallel_sizes and decode_speedup_ratio. */
class EngineArgsParityTest {
    private static ReplayOptimizeSpec withPrefillArgs(String args) {
        return Specs.fromYaml("""
                engine: {model: Qwen/Qwen3-32B, backend: vllm, basePrefillEngineArgs: %s, baseDecodeEngineArgs: {}}
                hardware: {totalGpus: 8}
                workload: {isl: 1000, osl: 100, requestCount: 10, concurrency: 4}
                """.formatted(args));
    }

    @Test
    void tensorParallelSizesAreReadSortedAndRoundTrip() {
        ReplayOptimizeSpec spec = withPrefillArgs("{tensor_parallel_sizes: [4, 1, 2], decode_speedup_ratio: 1.5}");
        EngineArgs a = spec.engine().basePrefillEngineArgs();
        assertThat(a.tensorParallelSizes()).containsExactly(1, 2, 4);
        assertThat(a.decodeSpeedupRatio()).isEqualTo(1.5);
        assertThat(spec.engine().baseDecodeEngineArgs().decodeSpeedupRatio()).isEqualTo(1.0);
        assertThat(Specs.fromYaml(Specs.toYaml(spec))).isEqualTo(spec);
    }

    @Test
    void badValuesNameTheField() {
        assertThatThrownBy(() -> withPrefillArgs("{tensor_parallel_sizes: [1, 3]}"))
                .hasMessageContaining("tensor_parallel_sizes[1]").hasMessageContaining("power of two");
        assertThatThrownBy(() -> withPrefillArgs("{tensor_parallel_sizes: []}"))
                .hasMessageContaining("tensor_parallel_sizes").hasMessageContaining("non-empty");
        assertThatThrownBy(() -> withPrefillArgs("{tensor_parallel_sizes: [1], tensor_parallel_size: 2}"))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> withPrefillArgs("{decode_speedup_ratio: 0}"))
                .hasMessageContaining("decode_speedup_ratio").hasMessageContaining("> 0");
    }
}
