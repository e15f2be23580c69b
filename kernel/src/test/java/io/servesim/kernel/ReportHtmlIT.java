package io.servesim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code servesim sweep} and {@code servesim replay --out} write a self-contained report.html (spec, version, seed,
 * best state, headline table, charts) that headless Chromium draws completely (src/test/python/report_check.py).
 */
class ReportHtmlIT {
    private static final String SPEC = """
            engine: {model: Qwen/Qwen3-8B, backend: vllm, baseEngineArgs: {}}
            hardware: {totalGpus: 2}
            workload: {isl: 2000, osl: 32, requestCount: 60, concurrency: 8}
            router: {mode: both, overlapCredits: [0.0, 1.0], prefillLoadScales: [1.0]}
            """;

    @Test
    void sweepAndReplayWriteReportsThatDrawEveryChart(@TempDir Path tmp) throws Exception {
        Path spec = Files.writeString(tmp.resolve("tiny.yaml"), SPEC);
        Path sweep = tmp.resolve("sweep");
        Path replay = tmp.resolve("replay");
        String java = PythonHarness.javaBin();
        String jar = PythonHarness.KERNEL_JAR.toAbsolutePath().toString();
        PythonHarness.Result s = PythonHarness.run(List.of(java, "-cp", jar, "io.servesim.cli.Main", "sweep", "--spec",
                spec.toString(), "--out", sweep.toString(), "--no-progress"), null, Path.of(""), 300);
        assertThat(s.exit()).as(s.output()).isZero();
        PythonHarness.Result r = PythonHarness.run(List.of(java, "-cp", jar, "io.servesim.cli.Main", "replay", "--spec",
                spec.toString(), "--tp", "1", "--workers", "2", "--out", replay.toString(), "--no-progress"), null,
                Path.of(""), 300);
        assertThat(r.exit()).as(r.output()).isZero();
        String page = Files.readString(sweep.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(page).contains("Best feasible:").contains("servesim ").contains("arrivalSeed")
                .contains("mean TTFT (ms)").contains("Qwen/Qwen3-8B");
        PythonHarness.Result check = PythonHarness.run(List.of(PythonHarness.PYTHON,
                Path.of("src/test/python/report_check.py").toAbsolutePath().toString(),
                sweep.resolve("report.html") + ":3", replay.resolve("report.html") + ":3"), null, Path.of(""), 300);
        System.out.println(check.output());
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("all report checks passed");
    }
}
