package io.servesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.spec.Specs;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code servesim spec validate|example}: output, exit codes and error messages. */
class SpecCommandTest {
    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void validatePrintsTheNormalisedSpecWithDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, Specs.exampleText(Specs.DEFAULT_EXAMPLE));
        assertThat(run("spec", "validate", file.toString())).isZero();
        String text = out.toString();
        assertThat(text).contains("max_num_batched_tokens").contains("maxParallelEvals").contains("arrivalSeed: 42");
        assertThat(Specs.fromYaml(text)).isEqualTo(Specs.read(file));
    }

    @Test
    void validateWarnsAboutTheParityPinAndStillAcceptsIt() {
        assertThat(run("spec", "validate", "../notebooks/specs/dynamo-parity.yaml")).isZero();
        assertThat(err.toString()).contains("dynamo-parity.yaml: warning: engine.basePrefillEngineArgs.num_gpu_blocks"
                + " is 20000 but GPU memory holds only TP1: 510, TP2: 1519, TP4: 3533");
        assertThat(err.toString()).contains("engine.baseDecodeEngineArgs.num_gpu_blocks is 20000");
    }

    @Test
    void validateReportsTheBadFieldWithExitCode2(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, Specs.exampleText(Specs.DEFAULT_EXAMPLE).replace("sharedPrefixRatio: 0.5",
                "sharedPrefixRatio: 2.5"));
        assertThat(run("spec", "validate", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("workload.sharedPrefixRatio").contains("2.5").contains("bad.yaml")
                .doesNotContain("at io.servesim");
    }

    @Test
    void validateChecksModelAndGpuNames(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gpu.yaml");
        Files.writeString(file, Specs.exampleText(Specs.DEFAULT_EXAMPLE).replace("gpuSku: h200_sxm", "gpuSku: tpu_v5"));
        assertThat(run("spec", "validate", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("hardware.gpuSku").contains("tpu_v5").contains("h200_sxm, h100_sxm, b200");
        Path model = dir.resolve("model.yaml");
        Files.writeString(model, Specs.exampleText(Specs.DEFAULT_EXAMPLE).replace("Qwen/Qwen3-32B", "acme/Giant"));
        assertThat(run("spec", "validate", model.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("engine.model").contains("acme/Giant").contains("Qwen/Qwen3-8B");
    }

    @Test
    void validateNamesAMissingFile(@TempDir Path dir) {
        assertThat(run("spec", "validate", dir.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nope.yaml");
    }

    @Test
    void examplesAreValidSpecs() {
        assertThat(run("spec", "example")).isZero();
        assertThat(Specs.fromYaml(out.toString())).isEqualTo(Specs.example(Specs.DEFAULT_EXAMPLE));
        out.getBuffer().setLength(0);
        assertThat(run("spec", "example", "--trace")).isZero();
        assertThat(Specs.fromYaml(out.toString()).workload().isTraceBased()).isTrue();
        out.getBuffer().setLength(0);
        assertThat(run("spec", "example", "--aggregated")).isZero();
        assertThat(Specs.fromYaml(out.toString()).isDisaggregated()).isFalse();
    }

    @Test
    void helpListsEverySubcommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("sweep").contains("replay").contains("spec").contains("trace").contains("perf");
    }

    @Test
    void shippedNotebookSpecsMatchTheLibraryExamples() throws Exception {
        Path specs = Path.of("..", "notebooks", "specs");
        for (String name : new String[] {Specs.DEFAULT_EXAMPLE, Specs.AGGREGATED_EXAMPLE, Specs.TRACE_EXAMPLE}) {
            // relative trace paths are resolved against the spec file's folder
            assertThat(Specs.read(specs.resolve(name))).as(name)
                    .isEqualTo(Specs.resolvePaths(Specs.example(name), specs));
        }
    }
}
