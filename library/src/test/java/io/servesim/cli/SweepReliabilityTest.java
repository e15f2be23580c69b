package io.servesim.cli;

import static io.servesim.cli.Hostile.Case;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servesim.spec.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile inputs through {@code servesim sweep}: failed evaluations, bad flags, bad --out, lenient traces. */
class SweepReliabilityTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws Exception {
        Hostile.write(dir, "small.yaml", Hostile.SMALL_SPEC);
        // TP1 workers keep too few KV blocks at half the memory for a 32k prompt; TP2 and up fit
        Hostile.write(dir, "tight.yaml", Hostile.SMALL_SPEC.replace("{block_size: 512}",
                "{block_size: 512, gpu_memory_utilization: 0.5}").replace("isl: 2048", "isl: 32768")
                .replace("requestCount: 24", "requestCount: 8"));
        Hostile.write(dir, "nofit.yaml", Hostile.SMALL_SPEC.replace("{block_size: 512}",
                "{block_size: 512, num_gpu_blocks: 2}"));
        Hostile.write(dir, "good.jsonl", Hostile.GOOD_TRACE);
        Hostile.write(dir, "somebad.jsonl", Hostile.GOOD_TRACE + "{\"timestamp\": 1}\n");
        Hostile.write(dir, "lenient.yaml", Hostile.TRACE_SPEC.replace("TRACE", "good.jsonl")
                .replace("traceReplayConcurrency: 4", "traceReplayConcurrency: 2, lenientTrace: true"));
        Hostile.write(dir, "afile", "not a folder");
        Hostile.write(dir, "busy/notes.txt", "someone's notes");
    }

    static Stream<Case> cases() {
        return Stream.of(
                Case.of("top -1", 2, "--top is -1", "sweep", "--spec", "{dir}/small.yaml", "--top", "-1"),
                Case.of("missing spec", 2, "does not exist", "sweep", "--spec", "{dir}/none.yaml"),
                Case.of("missing trace file", 2, "--trace-file is \"{dir}/none.jsonl\"; no such file", "sweep",
                        "--spec", "{dir}/small.yaml", "--trace-file", "{dir}/none.jsonl"),
                Case.of("every state failed", 2, "every evaluation failed", "sweep", "--spec", "{dir}/nofit.yaml",
                        "--out", "{dir}/o-nofit", "--no-progress"),
                Case.of("--out is a file", 2, "--out {dir}/afile is a file", "sweep", "--spec", "{dir}/small.yaml",
                        "--out", "{dir}/afile"),
                Case.of("--out holds other files", 2, "holding other files", "sweep", "--spec", "{dir}/small.yaml",
                        "--out", "{dir}/busy"),
                Case.of("total gpus 0", 2, "hardware.totalGpus is 0", "sweep", "--spec", "{dir}/small.yaml",
                        "--total-gpus", "0"),
                Case.of("unknown objective", 2, "objective", "sweep", "--spec", "{dir}/small.yaml", "--objective",
                        "fastest"),
                Case.of("speed-up 1e300", 2, "arrivalSpeedupRatio", "sweep", "--spec", "{dir}/small.yaml",
                        "--trace-file", "{dir}/good.jsonl", "--arrival-speedup-ratio", "1e300"),
                Case.of("lenient needs a trace", 2, "--lenient applies to trace workloads", "sweep", "--spec",
                        "{dir}/small.yaml", "--lenient"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsInOneClearLine(Case c) {
        Hostile.expect(dir, c.args(), c.exit(), c.fragment());
    }

    @Test
    void failedStatesAreRecordedAndTheSweepGoesOn() throws Exception {
        Path out = dir.resolve("o-tight");
        CliRun cli = Hostile.expect(dir, List.of("sweep", "--spec", "{dir}/tight.yaml", "--out", out.toString(),
                "--no-progress"), 0, "failed, see the error column");
        assertThat(cli.out.toString()).contains("first failure:").contains("KV blocks").contains("Best feasible:");
        String csv = Files.readString(out.resolve("evaluated.csv"));
        assertThat(csv.lines().findFirst().orElseThrow()).contains(",error");
        assertThat(csv).contains("KV blocks");
        JsonNode best = Specs.jsonMapper().readTree(out.resolve("best.json").toFile());
        assertThat(best.path("states_failed").asInt()).isPositive();
        assertThat(best.path("best_feasible").path("prefill_tp").asInt()).isGreaterThan(1);
    }

    @Test
    void traceFileKeepsTheSpecsTraceSettingsAndLenientIsVisible() throws Exception {
        Path out = dir.resolve("o-lenient");
        CliRun cli = Hostile.expect(dir, List.of("sweep", "--spec", "{dir}/lenient.yaml", "--trace-file",
                "{dir}/somebad.jsonl", "--out", out.toString(), "--no-progress"), 0, "lenient trace: 1 bad lines");
        assertThat(cli.out.toString()).contains("somebad.jsonl:4");
        JsonNode best = Specs.jsonMapper().readTree(out.resolve("best.json").toFile());
        assertThat(best.path("spec").path("workload").path("traceReplayConcurrency").asInt()).isEqualTo(2);
        assertThat(best.path("skipped_trace_lines").asInt()).isEqualTo(1);
        String header = Files.readString(out.resolve("evaluated.csv")).lines().findFirst().orElseThrow();
        assertThat(header).contains("skipped_trace_lines").contains("first_skipped_line");
    }

    @Test
    void aReusedOutFolderIsReplacedWhole() throws Exception {
        Path out = dir.resolve("o-reuse");
        Hostile.expect(dir, List.of("sweep", "--spec", "{dir}/small.yaml", "--out", out.toString(), "--no-progress"),
                0, "Results written");
        Files.delete(out.resolve("pareto.csv"));
        Files.writeString(out.resolve("best.json"), "{}");
        Hostile.expect(dir, List.of("sweep", "--spec", "{dir}/small.yaml", "--out", out.toString(), "--no-progress"),
                0, "Results written");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "best.json", "evaluated.csv", "evaluated.parquet", "feasible.csv", "pareto.csv", "report.html");
        }
        assertThat(Files.readString(out.resolve("best.json"))).contains("states_evaluated");
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".partial-")
                    || n.contains(".old-") || n.contains("write-check"));
        }
    }
}
