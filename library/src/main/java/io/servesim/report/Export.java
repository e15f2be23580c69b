package io.servesim.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.servesim.OptionalDependency;
import io.servesim.Version;
import io.servesim.cluster.ReplayRunner;
import io.servesim.optimize.EvaluatedState;
import io.servesim.optimize.OptimizationResult;
import io.servesim.optimize.ResultTables;
import io.servesim.spec.Specs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * {@code best.json} and the offline {@code report.html} ({@link HtmlReport}), atomically: the files are written into a temporary folder beside {@code dir} which is then
 * renamed into place, so an interrupted run never leaves a folder that looks complete and a reused folder never
 * mixes files of two runs. {@link #checkWritable} lets a sweep fail on a bad {@code --out} before it searches.
 */
public final class Export {
    /** The files {@link #writeAll} writes. */
    public static final java.util.Set<String> RESULT_FILES = java.util.Set.of("evaluated.csv", "feasible.csv",
            "pareto.csv", "evaluated.parquet", "best.json", HtmlReport.FILE);

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

    /** Writes {@code table} as a Parquet file (via a temporary CSV beside it, read by DuckDB). */
    public static Path parquet(Table table, Path file) {
        OptionalDependency.DUCKDB.require();
        createParent(file);
        Path folder = file.toAbsolutePath().getParent();
        try (Connection c = duckdb()) {
            Path tmp = Files.createTempFile(folder, ".servesim-", ".csv");
            try {
                csv(table, tmp);
                csvToParquet(c, tmp, file);
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

    /** Opens an in-memory DuckDB database (the first call in a process loads DuckDB's native library). */
    private static Connection duckdb() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    /** Converts the CSV file {@code csv} (with a header row) to the Parquet file {@code file} on connection {@code c}. */
    private static void csvToParquet(Connection c, Path csv, Path file) throws SQLException {
        Path folder = file.toAbsolutePath().getParent();
        try (Statement s = c.createStatement()) {
            // DuckDB spills to ./.tmp by default; keep anything it writes beside the output
            s.execute("SET temp_directory = '" + sql(folder.resolve(".duckdb-tmp")) + "'");
            s.execute("COPY (SELECT * FROM read_csv_auto('" + sql(csv) + "', header = true)) TO '"
                    + sql(file) + "' (FORMAT PARQUET)");
        } finally {
            deleteTree(folder.resolve(".duckdb-tmp"));
        }
    }

    /**
     * Writes the standard sweep files into {@code dir} atomically (see the class comment) and returns it. A folder
     * already at {@code dir} is replaced as a whole.
     */
    public static Path writeAll(OptimizationResult result, Path dir, long seed) {
        OptionalDependency.DUCKDB.require();
        OptionalDependency.CHARTS.require();
        Path parent = checkWritable(dir);
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory(parent, "." + dir.getFileName() + ".partial-");
            openUp(tmp);
            // the Parquet file (DuckDB) and the report (plotly.js, charts) are the slow ones: write them side by side.
            // The Parquet writer loads DuckDB while evaluated.csv is written, then converts that file.
            Path folder = tmp;
            java.util.concurrent.CompletableFuture<Path> evaluatedCsv = new java.util.concurrent.CompletableFuture<>();
            java.util.concurrent.FutureTask<Path> parquet = new java.util.concurrent.FutureTask<>(() -> {
                Path file = folder.resolve("evaluated.parquet");
                try (Connection c = duckdb()) {
                    csvToParquet(c, evaluatedCsv.join(), file);
                } catch (SQLException e) {
                    throw new IllegalStateException("writing " + file + " failed: " + e.getMessage(), e);
                }
                return file;
            });
            Thread writer = new Thread(parquet, "servesim-parquet");
            writer.setDaemon(true);
            writer.start();
            try {
                try {
                    evaluatedCsv.complete(csv(result.evaluated(), tmp.resolve("evaluated.csv")));
                } catch (RuntimeException | Error e) {
                    evaluatedCsv.completeExceptionally(e);
                    throw e;
                }
                csv(result.feasible(), tmp.resolve("feasible.csv"));
                csv(result.paretoFrontier(), tmp.resolve("pareto.csv"));
                write(tmp.resolve("best.json"), best(result, seed));
                HtmlReport.writeSweep(result, tmp);
            } finally {
                awaitUninterruptibly(writer);
            }
            joined(parquet);
            replace(tmp, dir.toAbsolutePath().normalize());
            tmp = null;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("writing results to " + dir + " failed", e);
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    /** Waits for {@code t} to end (the temporary folder is deleted only once nothing writes into it). */
    private static void awaitUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns the finished task's value, rethrowing its failure as it was thrown. */
    private static <T> T joined(java.util.concurrent.FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("writing results interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Checks that results can be written to {@code dir} (creating its parent folders) and returns the parent folder;
     * fails with a message naming {@code dir} when it is a file or its folder is not writable.
     */
    public static Path checkWritable(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("--out " + dir + ": cannot write results to the file system root");
        }
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IllegalArgumentException("--out " + dir + " is a file; allowed: a folder (new or a previous"
                    + " run's, which is replaced)");
        }
        if (Files.isDirectory(abs) && !holdsOnlyResults(abs)) {
            throw new IllegalArgumentException("--out " + dir + " is a folder holding other files; allowed: a new"
                    + " folder, an empty one or a previous run's (which is replaced)");
        }
        try {
            Files.createDirectories(parent);
            Path probe = Files.createTempDirectory(parent, ".servesim-write-check-");
            Files.delete(probe);
        } catch (IOException e) {
            throw new UncheckedIOException("--out " + dir + ": cannot write in " + parent, e);
        }
        return parent;
    }

    /** Gives the result folder the usual rwxr-xr-x (temporary folders are created private). */
    private static void openUp(Path folder) {
        try {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: keep the default permissions
        }
    }

    /** Returns true when {@code dir} holds nothing but the files a sweep writes (so replacing it loses nothing else). */
    private static boolean holdsOnlyResults(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.allMatch(p -> RESULT_FILES.contains(p.getFileName().toString()) && Files.isRegularFile(p));
        } catch (IOException e) {
            throw new UncheckedIOException("--out " + dir + ": cannot list the folder", e);
        }
    }

    /** Moves the finished {@code tmp} folder to {@code dir}, replacing what was there only once it is complete. */
    private static void replace(Path tmp, Path dir) throws IOException {
        Path old = null;
        if (Files.exists(dir)) {
            old = dir.resolveSibling("." + dir.getFileName() + ".old-" + System.nanoTime());
            move(dir, old);
        }
        move(tmp, dir);
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover hidden temporary folder is harmless
        }
    }

    /** Returns the {@code best.json} document: best feasible and infeasible states, spec, version and seed. */
    public static ObjectNode best(OptimizationResult result, long seed) {
        ObjectMapper m = Specs.jsonMapper();
        ObjectNode root = m.createObjectNode();
        root.put("servesim_version", Version.current());
        root.put("seed", seed);
        root.put("states_evaluated", result.records().size());
        root.put("states_feasible", result.feasibleRecords().size());
        root.put("states_failed", result.failedRecords().size());
        result.records().stream().map(r -> r.metrics().get(ReplayRunner.SKIPPED_TRACE_LINES))
                .filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(n -> root.put("skipped_trace_lines", n.longValue()));
        result.firstSkippedLine().ifPresent(r -> root.put("first_skipped_line", r));
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
        for (ResultTables.Column c : ResultTables.deployment(s.state().aggregated())) {
            put(n, c.name(), c.of(s));
        }
        for (ResultTables.Column c : ResultTables.verdict()) {
            // best.json names an error only where the evaluation failed
            if (s.hasFailed() || !c.name().equals(ResultTables.ERROR)) {
                put(n, c.name(), c.of(s));
            }
        }
        for (Map.Entry<String, Double> m : s.metrics().entrySet()) {
            if (!"wall_time_ms".equals(m.getKey())) {
                n.put(m.getKey(), m.getValue());
            }
        }
        return n;
    }

    private static void put(ObjectNode n, String name, Object value) {
        if (value instanceof Integer i) {
            n.put(name, i);
        } else if (value instanceof Double d) {
            n.put(name, d);
        } else if (value instanceof Boolean b) {
            n.put(name, b);
        } else {
            n.put(name, (String) value);
        }
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
