package io.servesim.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one spec loader of the command line and the kernel: relative trace paths, the default, missing files. */
class SpecsReadTest {
    @TempDir
    Path dir;

    private Path traceSpec(Path folder, String traceFile) throws Exception {
        Files.createDirectories(folder);
        String yaml = Specs.exampleText(Specs.TRACE_EXAMPLE).replaceFirst("traceFile: .*", "traceFile: " + traceFile);
        Path spec = folder.resolve("spec.yaml");
        Files.writeString(spec, yaml);
        return spec;
    }

    @Test
    void relativeTraceFileIsResolvedAgainstTheSpecFilesFolder() throws Exception {
        Path folder = dir.resolve("specs");
        Files.createDirectories(dir.resolve("traces"));
        Files.writeString(dir.resolve("traces/t.jsonl"), "{\"timestamp\": 0, \"input_length\": 10, \"output_length\": 2,"
                + " \"hash_ids\": [0]}\n");
        ReplayOptimizeSpec spec = Specs.readOrDefault(traceSpec(folder, "../traces/t.jsonl"));
        assertThat(Path.of(((WorkloadSpec.Trace) spec.workload()).traceFile())).isEqualTo(dir.resolve("traces/t.jsonl"));
        assertThat(Specs.read(traceSpec(folder, "../traces/t.jsonl")).workload()).isEqualTo(spec.workload());
    }

    @Test
    void missingRelativeTraceFileNamesTheFieldAndTheFolder() throws Exception {
        Path spec = traceSpec(dir.resolve("specs"), "none.jsonl");
        assertThatThrownBy(() -> Specs.readOrDefault(spec)).isInstanceOf(SpecException.class)
                .hasMessageContaining("workload.traceFile is \"" + dir.resolve("specs/none.jsonl") + "\"; no such file")
                .hasMessageContaining("relative paths are resolved against " + dir.resolve("specs"));
    }

    @Test
    void noFileMeansTheBuiltInDefaultExample() {
        assertThat(Specs.readOrDefault(null)).isEqualTo(Specs.example(Specs.DEFAULT_EXAMPLE));
    }

    @Test
    void missingSpecFileNamesTheFlag() {
        Path none = dir.resolve("none.yaml");
        assertThatThrownBy(() -> Specs.readOrDefault(none)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--spec: file " + none + " does not exist");
    }
}
