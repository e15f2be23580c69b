package io.servesim.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.servesim.Version;
import io.servesim.optimize.EvaluatedState;
import io.servesim.optimize.OptimizationResult;
import io.servesim.spec.Specs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * Writes sweep results to files other tools read: CSV (Tablesaw), JSON (Jackson) and Parquet (through DuckDB's JDBC
 * driver, which also lets users query results with SQL). {@link #writeAll} writes the standard set of a sweep
 * directory: {@code evaluated.csv}, {@code feasible.csv}, {@code pareto.csv}, {@code evaluated.parquet},
 * {@code best.json}.
 */
public final class Export {
    private Export() {
    }

    /** Writes {@code table} as CSV with a header row. */
    public static Path csv(Table table, Path file) {
        createParent(file);
        table.write().csv(CsvWriteOptions.builder(file.toFile()).header(true).build());
        return file;
    }

    /** Writes {@code table} as a JSON array of row objects. */
    public static Path json(Table table, Path file) {
        createParent(file);
        ArrayNode rows = Specs.jsonMapper().createArrayNode();
        for (int r = 0; r < table.rowCount(); r++) {
            ObjectNode row = rows.addObject();
            for (var c : table.columns()) {
                Object v = c.get(r);
                row.putPOJO(c.name(), v instanceof Double d && !Double.isFinite(d) ? null : v);
            }
        }
        write(file, rows);
        return file;
    }

    /** Writes {@code table} as a Parquet file (via a temporary CSV read by DuckDB). */
    public static Path parquet(Table table, Path file) {
        createParent(file);
        try {
            Path tmp = Files.createTempFile("servesim-", ".csv");
            try {
                csv(table, tmp);
                try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                     Statement s = c.createStatement()) {
                    s.execute("COPY (SELECT * FROM read_csv_auto('" + sql(tmp) + "', header = true)) TO '"
                            + sql(file) + "' (FORMAT PARQUET)");
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("writing " + file + " failed: " + e.getMessage(), e);
        }
        return file;
    }

    /** Writes the standard sweep files into {@code dir} and returns it. */
    public static Path writeAll(OptimizationResult result, Path dir, long seed) {
        csv(result.evaluated(), dir.resolve("evaluated.csv"));
        csv(result.feasible(), dir.resolve("feasible.csv"));
        csv(result.paretoFrontier(), dir.resolve("pareto.csv"));
        parquet(result.evaluated(), dir.resolve("evaluated.parquet"));
        write(dir.resolve("best.json"), best(result, seed));
        return dir;
    }

    /** Returns the {@code best.json} document: best feasible and infeasible states, spec, version and seed. */
    public static ObjectNode best(OptimizationResult result, long seed) {
        ObjectMapper m = Specs.jsonMapper();
        ObjectNode root = m.createObjectNode();
        root.put("servesim_version", Version.current());
        root.put("seed", seed);
        root.put("states_evaluated", result.records().size());
        root.put("states_feasible", result.feasibleRecords().size());
        root.set("best_feasible", state(result.bestFeasible()));
        root.set("best_infeasible", state(result.bestInfeasible()));
        result.optimalityGap().ifPresent(g -> root.set("optimality_gap", m.valueToTree(g)));
        root.set("spec", m.valueToTree(result.spec()));
        return root;
    }

    private static ObjectNode state(Optional<EvaluatedState> e) {
        if (e.isEmpty()) {
            return null;
        }
        EvaluatedState s = e.get();
        ObjectNode n = Specs.jsonMapper().createObjectNode();
        var d = s.state();
        if (d.aggregated()) {
            n.put("tp", d.tp());
            n.put("workers", d.workers());
        }
        n.put("prefill_tp", d.prefillTp());
        n.put("decode_tp", d.decodeTp());
        n.put("prefill_workers", d.prefillWorkers());
        n.put("decode_workers", d.decodeWorkers());
        n.put("router_mode", d.router().mode());
        n.put("overlap_score_credit", d.router().overlapScoreCredit());
        n.put("prefill_load_scale", d.router().prefillLoadScale());
        n.put("total_gpus_used", d.totalGpusUsed());
        n.put("score", s.score());
        n.put("feasible", s.feasible());
        n.put("violation_penalty", s.violationPenalty());
        n.put("violations", String.join(",", s.violations()));
        for (Map.Entry<String, Double> m : s.metrics().entrySet()) {
            if (!"wall_time_ms".equals(m.getKey())) {
                n.put(m.getKey(), m.getValue());
            }
        }
        return n;
    }

    private static void write(Path file, Object value) {
        createParent(file);
        try {
            Specs.jsonMapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file + " failed", e);
        }
    }

    private static void createParent(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file, e);
        }
    }

    private static String sql(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }
}
