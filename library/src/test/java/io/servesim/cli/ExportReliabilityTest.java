package io.servesim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servesim.optimize.OptimizationResult;
import io.servesim.optimize.ReplayOptimizer;
import io.servesim.report.Export;
import io.servesim.spec.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing results: atomic, never mixing runs, refusing folders with other files, no temporary files left. */
class ExportReliabilityTest {
    @TempDir
    static Path dir;
    static OptimizationResult result;

    @BeforeAll
    static void sweep() {
        result = ReplayOptimizer.optimize(Specs.fromYaml(Hostile.SMALL_SPEC));
    }

    @Test
    void writesTheFiveFilesAndNothingElse() throws Exception {
        Path out = dir.resolve("a/b/run");
        Export.writeAll(result, out, 42);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactlyElementsOf(Export.RESULT_FILES.stream().sorted().toList());
        }
        try (var siblings = Files.list(out.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString()).toList()).containsExactly("run");
        }
    }

    @Test
    void refusesAFileAndAFolderWithOtherFiles() throws Exception {
        Path file = Hostile.write(dir, "file.txt", "x");
        assertThatThrownBy(() -> Export.writeAll(result, file, 42)).hasMessageContaining("is a file");
        Path busy = Hostile.write(dir, "busy/keep.txt", "x").getParent();
        assertThatThrownBy(() -> Export.writeAll(result, busy, 42)).hasMessageContaining("holding other files");
        assertThat(busy.resolve("keep.txt")).exists();
    }

    @Test
    void replacesAPreviousRunWhole() throws Exception {
        Path out = dir.resolve("again");
        Export.writeAll(result, out, 1);
        Files.delete(out.resolve("feasible.csv"));
        Export.writeAll(result, out, 2);
        assertThat(out.resolve("feasible.csv")).exists();
        assertThat(Files.readString(out.resolve("best.json"))).contains("\"seed\" : 2");
    }

    @Test
    void anOutThatCannotBeCreatedIsReportedBeforeAnyWork() throws Exception {
        Path file = Hostile.write(dir, "plain.txt", "x");
        CliRun cli = new CliRun();
        long started = System.nanoTime();
        assertThat(cli.run("sweep", "--out", file.resolve("run").toString())).isEqualTo(1);
        assertThat(cli.err.toString()).contains("cannot write in").doesNotContain("\tat ");
        assertThat(cli.out.toString()).isEmpty();
        assertThat((System.nanoTime() - started) / 1e9).as("fails before searching").isLessThan(5);
    }
}
