package io.servesim.report;

import io.servesim.Version;
import io.servesim.optimize.BudgetDescentTestSupport;
import io.servesim.optimize.OptimizationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rendered output of one small fixed sweep (the 12-state sweep over a fake evaluator) against golden files: text
 * and HTML tables, cards, and the files {@link Export} writes (CSV, JSON, {@code best.json}, Parquet as read back).
 */
class ReportGoldenTest {
    private static OptimizationResult result;

    @BeforeAll
    static void sweep() {
        result = BudgetDescentTestSupport.tinySweep();
    }

    @Test
    void textTable() {
        Golden.assertMatches("evaluated.txt", TextTables.format(result.evaluated(), List.of(), 8));
    }

    @Test
    void htmlTable() {
        Golden.assertMatches("evaluated.html", HtmlTables.html(result.evaluated(), 8) + "\n");
    }

    @Test
    void cards() {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("mean_ttft_ms", 123.456);
        entries.put("output_throughput_tok_s", 98765.4321);
        entries.put("prefix_cache_reused_ratio", 0.25);
        entries.put("requests", 200.0);
        entries.put("note <x>", "a & b");
        Golden.assertMatches("card.html", Cards.html("run <1>", entries) + "\n");
        Golden.assertMatches("card.txt", Cards.text("run <1>", entries));
    }

    @Test
    void csvAndJson(@TempDir Path dir) throws Exception {
        Golden.assertMatches("evaluated.csv", read(Export.csv(result.evaluated(), dir.resolve("evaluated.csv"))));
        Golden.assertMatches("pareto.csv", read(Export.csv(result.paretoFrontier(), dir.resolve("pareto.csv"))));
        Golden.assertMatches("feasible.json", read(Export.json(result.feasible(), dir.resolve("feasible.json"))));
    }

    @Test
    void bestJson(@TempDir Path dir) throws Exception {
        Export.writeAll(result, dir.resolve("out"), 42);
        String best = read(dir.resolve("out/best.json"))
                .replace("\"servesim_version\" : \"" + Version.current() + "\"", "\"servesim_version\" : \"VERSION\"");
        Golden.assertMatches("best.json", best);
    }

    @Test
    void parquetAsReadBack(@TempDir Path dir) throws Exception {
        Path file = Export.parquet(result.evaluated(), dir.resolve("evaluated.parquet"));
        StringBuilder b = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            String from = " FROM read_parquet('" + file.toAbsolutePath().toString().replace("'", "''") + "')";
            try (ResultSet rs = s.executeQuery("DESCRIBE SELECT *" + from)) {
                while (rs.next()) {
                    b.append(rs.getString("column_name")).append(' ').append(rs.getString("column_type")).append('\n');
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT *" + from)) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        b.append(i == 1 ? "" : "\t").append(rs.getString(i));
                    }
                    b.append('\n');
                }
            }
        }
        Golden.assertMatches("evaluated.parquet.tsv", b.toString());
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
