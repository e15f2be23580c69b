package io.servesim.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servesim.cli.Main;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.Specs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The main job end to end with the real simulator: the default sweep from the command line, its tables against the
 * golden files, and determinism.
 *
 * <p>The golden files in {@code src/test/resources/io/servesim/optimize/default-sweep/} are the default sweep's
 * {@code evaluated.csv}, {@code feasible.csv} and {@code pareto.csv}, exact to the last bit. A change that alters
 * results on purpose regenerates them (then review the diff like an API change):
 * <pre>{@code
 * mvn -B -ntp -pl library verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=DefaultSweepIT -Dservesim.golden.update=true
 * }</pre>
 */
class DefaultSweepIT {
    static final Path GOLDEN = Path.of("src", "test", "resources", "io", "servesim", "optimize", "default-sweep");
    static final String[] TABLES = {"evaluated.csv", "feasible.csv", "pareto.csv"};

    @TempDir
    static Path out;
    static String printed;
    static int exitCode;
    static double seconds;

    @BeforeAll
    static void runDefaultSweep() {
        StringWriter text = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(text, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        long start = System.nanoTime();
        exitCode = cl.execute("sweep", "--spec", "../notebooks/specs/default-disagg.yaml", "--out", out.toString(),
                "--no-progress");
        seconds = (System.nanoTime() - start) / 1e9;
        printed = text.toString();
    }

    @Test
    void defaultSweepFillsTheBudgetAndWritesItsFiles() throws Exception {
        assertThat(exitCode).as(printed).isZero();
        assertThat(printed).contains("Best feasible:").contains("Top 10 feasible results (");
        for (String f : new String[] {"evaluated.csv", "feasible.csv", "pareto.csv", "evaluated.parquet", "best.json"}) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        JsonNode best = Specs.jsonMapper().readTree(out.resolve("best.json").toFile());
        assertThat(best.path("best_feasible").path("total_gpus_used").asInt()).isEqualTo(16);
        assertThat(best.path("states_evaluated").asInt()).isGreaterThan(20);
        assertThat(best.path("spec").path("workload").path("isl").asInt()).isEqualTo(32768);
        System.out.printf("default sweep: %d states in %.1f s%n", best.path("states_evaluated").asInt(), seconds);
    }

    @Test
    void defaultSweepTablesMatchTheGoldenFilesExactly() throws IOException {
        assertThat(exitCode).as(printed).isZero();
        boolean update = Boolean.getBoolean("servesim.golden.update");
        for (String table : TABLES) {
            Path golden = GOLDEN.resolve(table);
            String fresh = Files.readString(out.resolve(table));
            if (update) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, fresh);
                System.out.println("golden file rewritten: " + golden);
            } else {
                assertThat(golden).as("golden file (regenerate: see DefaultSweepIT javadoc)").exists();
                assertThat(fresh).as("%s differs from its golden file %s; if the change is deliberate, "
                        + "regenerate with -Dservesim.golden.update=true (see DefaultSweepIT)", table, golden)
                        .isEqualTo(Files.readString(golden));
            }
        }
    }

    @Test
    void realSweepsAreIdenticalAtAnyThreadCount() {
        ReplayOptimizeSpec spec = Specs.example(Specs.DEFAULT_EXAMPLE);
        spec = spec.withWorkload(spec.workload().toBuilder().requestCount(400).build());
        String one = csv(ReplayOptimizer.optimize(spec.withMaxParallelEvals(1)).evaluated());
        String three = csv(ReplayOptimizer.optimize(spec.withMaxParallelEvals(3)).evaluated());
        assertThat(one.lines().count()).isGreaterThan(20);
        assertThat(three).isEqualTo(one);
    }

    private static String csv(tech.tablesaw.api.Table t) {
        StringWriter w = new StringWriter();
        t.write().csv(w);
        return w.toString();
    }
}
