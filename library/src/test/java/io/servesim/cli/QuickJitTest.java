package io.servesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.optimize.SearchSpace;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.Specs;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickJitTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultSweepStaysOnTheQuickJitAndItsExhaustiveSpaceDoesNot() {
        ReplayOptimizeSpec spec = Specs.readOrDefault(null);
        int space = new SearchSpace(spec).allStates().size();
        assertThat(QuickJit.estimate(spec, false)).isEqualTo(5000L * Math.min(space, QuickJit.TYPICAL_DESCENT_STATES))
                .isLessThanOrEqualTo(QuickJit.LIMIT);
        assertThat(QuickJit.estimate(spec, true)).isEqualTo(5000L * space).isGreaterThan(QuickJit.LIMIT);
    }

    @Test
    void traceLinesAreCountedPlainOrGzippedUpToTheCap() throws Exception {
        String lines = "{\"timestamp\": 0}\n".repeat(1234);
        Path plain = Files.writeString(dir.resolve("t.jsonl"), lines);
        Path gz = dir.resolve("t.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(lines.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(QuickJit.lines(plain, Long.MAX_VALUE)).isEqualTo(1234);
        assertThat(QuickJit.lines(gz, Long.MAX_VALUE)).isEqualTo(1234);
        assertThat(QuickJit.lines(plain, 100)).isBetween(100L, 1234L);
        assertThat(QuickJit.lines(dir.resolve("missing.jsonl"), 10)).isZero();
    }

    @Test
    void theRestartRunsTheCommandInANewJvmAndReturnsItsExitCode() throws Exception {
        assertThat(QuickJit.restartOptimised(List.of("--version"))).isZero();
        assertThat(QuickJit.restartOptimised(List.of("spec", "validate", dir.resolve("missing.yaml").toString())))
                .isEqualTo(2);
    }
}
