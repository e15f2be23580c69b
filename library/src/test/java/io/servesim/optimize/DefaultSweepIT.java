package io.servesim.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servesim.cli.Main;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.Specs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The main job end to end with the real simulator: the default sweep from the command line, and determinism. */
class DefaultSweepIT {
    @Test
    void defaultSweepFillsTheBudgetAndWritesItsFiles(@TempDir Path out) throws Exception {
        StringWriter text = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(text, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        long start = System.nanoTime();
        int code = cl.execute("sweep", "--spec", "../notebooks/specs/default-disagg.yaml", "--out", out.toString(),
                "--no-progress");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(code).as(text.toString()).isZero();
        assertThat(text.toString()).contains("Best feasible:").contains("Top 10 feasible results (");
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
