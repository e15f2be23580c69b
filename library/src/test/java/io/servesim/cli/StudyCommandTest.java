package io.servesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.study.StudyResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyCommandTest {
    @TempDir
    Path tmp;

    private Path studyFile(String from, String to) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/io/servesim/study/small-study.yaml")) {
            Path f = tmp.resolve("small.yaml");
            Files.writeString(f, new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(from, to));
            return f;
        }
    }

    @Test
    void runsAStudyAndPrintsTheCells() throws IOException {
        CliRun cli = new CliRun();
        int code = cli.run("study", "--spec", studyFile("", "").toString(), "--out", tmp.resolve("o").toString(),
                "--threads", "2");
        assertThat(code).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("4 cells (cross, exhaustive search) on in-process, 2 threads")
                .contains("4 cells run, 0 resumed").contains("Qwen/Qwen3-14B").contains("optimality_gap");
        assertThat(cli.err.toString()).contains("4/4 cells").contains("ETA");
        assertThat(tmp.resolve("o/cells.parquet")).exists();
    }

    @Test
    void badAxisValueIsOneLineNamingTheAxisAndExit2() throws IOException {
        CliRun cli = new CliRun();
        int code = cli.run("study", "--spec", studyFile("[Qwen/Qwen3-8B, Qwen/Qwen3-14B]",
                "[Qwen/Qwen3-8B, Qwen/Qwen9-1T]").toString(), "--out", tmp.resolve("o").toString());
        assertThat(code).isEqualTo(2);
        assertThat(cli.err.toString().strip()).startsWith("servesim: error: axes[0].values[1] (engine.model ="
                + " \"Qwen/Qwen9-1T\") is not allowed").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void sparkWithoutTheSparkModuleSaysHowToGetIt() throws IOException {
        CliRun cli = new CliRun();
        int code = cli.run("study", "--spec", studyFile("", "").toString(), "--spark", "local[2]");
        assertThat(code).isEqualTo(2);
        assertThat(cli.err.toString()).contains("the Spark module is not on the class path")
                .contains("./mvnw -B -pl library/spark -am");
    }

    @Test
    void resumesAfterTheProcessIsKilled() throws Exception {
        Path spec = studyFile("values: [2, 4]", "values: [2, 3, 4, 5]");
        Path out = tmp.resolve("killed");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "study", "--spec", spec.toString(), "--out", out.toString(), "--threads", "1",
                "--no-progress").redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (markers(out) < 2 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        p.destroyForcibly().waitFor();
        long before = markers(out);
        assertThat(before).as(Files.readString(tmp.resolve("child.log"))).isBetween(2L, 7L);

        CliRun cli = new CliRun();
        assertThat(cli.run("study", "--spec", spec.toString(), "--out", out.toString(), "--no-progress")).isZero();
        assertThat(cli.out.toString()).contains((8 - before) + " cells run, " + before + " resumed");
        CliRun fresh = new CliRun();
        assertThat(fresh.run("study", "--spec", spec.toString(), "--out", tmp.resolve("fresh").toString(),
                "--no-progress")).isZero();
        StudyResult resumed = StudyResult.open(out);
        StudyResult clean = StudyResult.open(tmp.resolve("fresh"));
        String q = "SELECT * EXCLUDE (model, total_gpus) FROM states ORDER BY cell, seq";
        assertThat(resumed.sql(q).print(10_000)).isEqualTo(clean.sql(q).print(10_000));
        assertThat(resumed.cells().print(100)).isEqualTo(clean.cells().print(100));
    }

    private static long markers(Path out) throws IOException {
        Path dir = out.resolve("cells");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().matches("cell-\\d+\\.json")).count();
        }
    }
}
