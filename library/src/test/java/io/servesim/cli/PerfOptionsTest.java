package io.servesim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servesim.perf.PerfModel;
import io.servesim.perf.StepReport;
import io.servesim.spec.Defaults;
import io.servesim.spec.EngineArgs;
import io.servesim.spec.SpecException;
import io.servesim.spec.Specs;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The shared perf flags: defaults are the spec's, values are checked by the spec's rules naming the flag. */
class PerfOptionsTest {
    private static PerfOptions parse(String... args) {
        PerfOptions o = new PerfOptions();
        new CommandLine(o).parseArgs(args);
        return o;
    }

    @Test
    void defaultsAreTheSpecDefaults() {
        PerfOptions o = parse();
        assertThat(o.args()).isEqualTo(EngineArgs.builder().build());
        assertThat(o.args().blockSize()).isEqualTo(Defaults.BLOCK_SIZE);
        assertThat(o.args().gpuMemoryUtilization()).isEqualTo(Defaults.GPU_MEMORY_UTILIZATION);
        assertThat(o.args().maxNumBatchedTokens()).isEqualTo(Defaults.MAX_NUM_BATCHED_TOKENS);
        assertThat(o.perf()).isSameAs(PerfModel.of(Defaults.MODEL, Defaults.GPU_SKU));
        assertThat(o.tp()).isEqualTo(1);
    }

    @Test
    void tpFollowsTheSpecsRuleWithTheSameMessage() {
        assertThat(parse("--tp", "16").tp()).isEqualTo(16);
        assertThatThrownBy(() -> parse("--tp", "65536").tp())
                .hasMessage("--tp is 65536; allowed: at most the model's 64 attention heads");
        String spec = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> EngineArgs.builder().tensorParallelSize(3).build(), SpecException.class).getMessage();
        assertThatThrownBy(() -> parse("--tp", "3").args()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--tp" + spec.substring(spec.indexOf(" is ")));
    }

    @Test
    void utilizationIsCheckedByTheSpecRuleNamingTheFlag() {
        assertThatThrownBy(() -> parse("--gpu-memory-utilization", "1.5").args())
                .hasMessage("--gpu-memory-utilization is 1.5; allowed: a fraction in (0, 1]");
        assertThatThrownBy(() -> parse("--ttft-overhead-ms", "-1").args()).hasMessageStartingWith("--ttft-overhead-ms is");
    }

    @Test
    void stepTextAndJsonRenderOneReport() throws Exception {
        PerfOptions o = parse("--tp", "2");
        StepReport r = StepReport.of(o.perf(), o.tp(), o.args(), new StepReport.Pass(4096, 1024, 8, 2048));
        Map<String, Object> json = PerfCommand.Step.json(r);
        assertThat(json).containsEntry("step_ms", r.stepMs()).containsEntry("prefill_alone_ms", r.prefillAloneMs())
                .containsEntry("precision", r.worker().precision()).containsEntry("source", r.worker().source());
        assertThat(PerfCommand.Step.text(r)).contains(String.format(java.util.Locale.ROOT, "step %.3f ms (%s)",
                r.stepMs(), r.worker().source())).contains(String.format(java.util.Locale.ROOT,
                "prefill part alone %.3f ms", r.prefillAloneMs()));
        assertThat(Specs.jsonMapper().writeValueAsString(json)).contains("\"breakdown_ms\"");
    }
}
