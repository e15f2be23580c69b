package io.servesim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servesim.optimize.BudgetDescentTestSupport;
import io.servesim.optimize.OptimizationResult;
import io.servesim.spec.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Result files: column names, CSV/JSON round trip and Parquet read back by DuckDB's own reader. */
class ExportTest {
    @Test
    void writesTheStandardFilesThatOtherToolsRead(@TempDir Path dir) throws Exception {
        OptimizationResult r = BudgetDescentTestSupport.tinySweep();
        Export.writeAll(r, dir, 42);
        Table csv = Table.read().csv(dir.resolve("evaluated.csv").toFile());
        assertThat(csv.rowCount()).isEqualTo(r.records().size());
        assertThat(csv.columnNames()).containsSubsequence("prefill_tp", "decode_tp", "prefill_workers",
                "decode_workers", "router_mode", "overlap_score_credit", "prefill_load_scale", "total_gpus_used",
                "output_throughput_tok_s").contains("score", "objective", "feasible", "violation_penalty", "violations",
                "mean_ttft_ms", "p95_ttft_ms", "prefix_cache_reused_ratio").doesNotContain("wall_time_ms");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), sum(output_throughput_tok_s), max(total_gpus_used) FROM "
                     + "read_parquet('" + dir.resolve("evaluated.parquet").toAbsolutePath() + "')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(r.records().size());
            double sum = r.records().stream().mapToDouble(e -> e.outputThroughput()).sum();
            assertThat(rs.getDouble(2)).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(rs.getInt(3)).isEqualTo(4);
        }
        JsonNode best = Specs.jsonMapper().readTree(dir.resolve("best.json").toFile());
        assertThat(best.path("seed").asLong()).isEqualTo(42);
        assertThat(best.path("servesim_version").asText()).isNotBlank();
        assertThat(best.path("best_feasible").path("output_throughput_tok_s").asDouble())
                .isEqualTo(r.bestFeasible().orElseThrow().outputThroughput());
        assertThat(Specs.jsonMapper().treeToValue(best.path("spec"), io.servesim.spec.ReplayOptimizeSpec.class))
                .isEqualTo(r.spec());
        assertThat(Files.readAllLines(dir.resolve("pareto.csv")).get(0)).endsWith("frontier");
        Path json = Export.json(r.feasible(), dir.resolve("feasible.json"));
        JsonNode rows = Specs.jsonMapper().readTree(json.toFile());
        assertThat(rows.size()).isEqualTo(r.feasibleRecords().size());
        assertThat(rows.get(0).path("feasible").asBoolean()).isTrue();
    }

    @Test
    void textTablesRoundNumbersAndCountHiddenRows() {
        Table t = BudgetDescentTestSupport.tinySweep().feasible();
        String text = TextTables.format(t, List.of("prefill_tp", "output_throughput_tok_s", "mean_ttft_ms"), 3);
        assertThat(text.lines().count()).isEqualTo(5);
        assertThat(text).contains("75").contains("more rows");
        assertThat(TextTables.cell(0.123456)).isEqualTo("0.123");
        assertThat(TextTables.cell(12345.678)).isEqualTo("12346");
    }
}
