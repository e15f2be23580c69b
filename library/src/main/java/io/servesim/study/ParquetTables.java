package io.servesim.study;

import io.servesim.OptionalDependency;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes Tablesaw tables as Parquet through DuckDB with explicit column types (INTEGER, BIGINT, DOUBLE, BOOLEAN,
 * VARCHAR), so every file of a dataset has the same schema whatever its values. Files appear atomically: written
 * under a temporary name, then renamed.
 */
final class ParquetTables {
    private ParquetTables() {
    }

    static void write(Table table, Path file) {
        OptionalDependency.DUCKDB.require();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                 Statement s = c.createStatement()) {
                StringJoiner cols = new StringJoiner(", ");
                for (Column<?> col : table.columns()) {
                    cols.add("\"" + col.name() + "\" " + sqlType(col.type()));
                }
                s.execute("CREATE TABLE t (" + cols + ")");
                try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender(
                        DuckDBConnection.DEFAULT_SCHEMA, "t")) {
                    for (int r = 0; r < table.rowCount(); r++) {
                        a.beginRow();
                        for (Column<?> col : table.columns()) {
                            append(a, col, r);
                        }
                        a.endRow();
                    }
                }
                s.execute("COPY t TO '" + tmp.toAbsolutePath().toString().replace("'", "''")
                        + "' (FORMAT PARQUET)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file + " failed", e);
        } catch (SQLException e) {
            throw new IllegalStateException("writing " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static void append(DuckDBAppender a, Column<?> col, int r) throws SQLException {
        if (col instanceof DoubleColumn d) {
            a.append(d.getDouble(r));
            return;
        }
        if (col.isMissing(r)) {
            a.append((String) null);
            return;
        }
        Object v = col.get(r);
        if (v instanceof Integer i) {
            a.append(i.intValue());
        } else if (v instanceof Long l) {
            a.append(l.longValue());
        } else if (v instanceof Boolean b) {
            a.append(b.booleanValue());
        } else {
            a.append(String.valueOf(v));
        }
    }

    private static String sqlType(ColumnType type) {
        if (type == ColumnType.INTEGER) {
            return "INTEGER";
        }
        if (type == ColumnType.LONG) {
            return "BIGINT";
        }
        if (type == ColumnType.DOUBLE) {
            return "DOUBLE";
        }
        if (type == ColumnType.BOOLEAN) {
            return "BOOLEAN";
        }
        return "VARCHAR";
    }
}
