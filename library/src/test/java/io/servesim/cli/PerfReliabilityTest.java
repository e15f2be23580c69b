package io.servesim.cli;

import static io.servesim.cli.Hostile.Case;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servesim.spec.Specs;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile flags through {@code servesim perf step} and {@code perf capacity}; their JSON output; help texts. */
class PerfReliabilityTest {
    @TempDir
    static Path dir;

    static Stream<Case> cases() {
        return Stream.of(
                Case.of("capacity tp 0", 2, "--tp is 0; allowed: a power of two", "perf", "capacity", "--tp", "0"),
                Case.of("capacity tp 3", 2, "--tp is 3", "perf", "capacity", "--tp", "3"),
                Case.of("step tp 3", 2, "--tp is 3", "perf", "step", "--tp", "3", "--decode-batch", "1"),
                Case.of("unknown model", 2, "model", "perf", "capacity", "--model", "nobody/none"),
                Case.of("utilization 2", 2, "--gpu-memory-utilization is 2.0", "perf", "capacity",
                        "--gpu-memory-utilization", "2"),
                Case.of("block size 0", 2, "--block-size is 0", "perf", "capacity", "--block-size", "0"),
                Case.of("empty pass", 2, "the pass is empty", "perf", "step"),
                Case.of("negative batch", 2, "--decode-batch is -4", "perf", "step", "--decode-batch", "-4"),
                Case.of("huge batch", 2, "--decode-batch is 2000000000", "perf", "step", "--decode-batch",
                        "2000000000"),
                Case.of("not a number", 2, "Invalid value", "perf", "capacity", "--tp", "two"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsInOneClearLine(Case c) {
        Hostile.expect(dir, c.args(), c.exit(), c.fragment());
    }

    @Test
    void stepAndCapacityPrintJson() throws Exception {
        CliRun step = Hostile.expect(dir, List.of("perf", "step", "--tp", "2", "--prefill-tokens", "4096",
                "--decode-batch", "8", "--context", "2048", "--json"), 0, "step_ms");
        JsonNode s = Specs.jsonMapper().readTree(step.out.toString());
        assertThat(s.path("step_ms").asDouble()).isPositive();
        assertThat(s.path("prefill_alone_ms").asDouble()).isPositive().isLessThanOrEqualTo(s.path("step_ms").asDouble());
        CliRun cap = Hostile.expect(dir, List.of("perf", "capacity", "--tp", "4", "--json"), 0, "num_gpu_blocks");
        JsonNode c = Specs.jsonMapper().readTree(cap.out.toString());
        assertThat(c.path("num_gpu_blocks").asLong()).isPositive();
        assertThat(c.path("kv_tokens").asLong()).isEqualTo(c.path("num_gpu_blocks").asLong() * 512);
    }

    @Test
    void everyOptionOfEveryCommandIsDescribed() {
        List<picocli.CommandLine> all = new java.util.ArrayList<>();
        collect(Main.commandLine(), all);
        for (picocli.CommandLine cl : all) {
            for (var opt : cl.getCommandSpec().options()) {
                assertThat(String.join(" ", opt.description())).as("%s %s", cl.getCommandName(), opt.longestName())
                        .isNotBlank();
            }
        }
        assertThat(all).hasSizeGreaterThan(8);
    }

    private static void collect(picocli.CommandLine cl, List<picocli.CommandLine> into) {
        into.add(cl);
        cl.getSubcommands().values().forEach(sub -> collect(sub, into));
    }
}
