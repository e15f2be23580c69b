package io.servesim.study;

import io.servesim.OptionalDependency;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import tech.tablesaw.api.Table;

/**
 * A study's results on disk and how this run went: the {@code cells} table (best state per cell), the states dataset
 * (every evaluated state with its cell's axis values) and SQL over both (DuckDB; views {@code cells} and
 * {@code states}). Reading is lazy: the tables are loaded when asked for.
 */
public record StudyResult(Path dir, StudySpec study, int cellsResumed, int cellsRun, double wallSeconds) {

    /** Opens the results of a study folder written earlier. */
    public static StudyResult open(Path dir) {
        return new StudyResult(dir, StudySpec.read(dir.resolve(StudyStore.SPEC)), 0, 0, 0);
    }

    /** Returns the cells table, one row per cell in cell order. */
    public Table cells() {
        return sql("SELECT * FROM cells ORDER BY cell");
    }

    /** Returns every evaluated state with its cell's axis values, ordered by cell and visit order. */
    public Table states() {
        return sql("SELECT * FROM states ORDER BY cell, seq");
    }

    /** Returns the number of cells in the study. */
    public int cellCount() {
        return study.cellCount();
    }

    /** Runs a DuckDB query over the views {@code cells} and {@code states} and returns its rows. */
    public Table sql(String query) {
        OptionalDependency.DUCKDB.require();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE VIEW cells AS SELECT * FROM read_parquet('" + path("cells.parquet") + "')");
            s.execute("CREATE VIEW states AS SELECT * FROM read_parquet('" + path(StudyStore.STATES)
                    + "/**/*.parquet', hive_partitioning = true)");
            try (ResultSet rs = s.executeQuery(query)) {
                return Table.read().db(rs, "study");
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException("study query failed: " + e.getMessage(), e);
        }
    }

    private String path(String rel) {
        return dir.resolve(rel).toAbsolutePath().toString().replace("'", "''");
    }
}
