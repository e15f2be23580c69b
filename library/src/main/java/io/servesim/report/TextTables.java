package io.servesim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Renders a Tablesaw table as an aligned plain-text table with sensibly rounded numbers, for terminals and logs. */
public final class TextTables {
    private TextTables() {
    }

    /** Returns the first {@code maxRows} rows of {@code columns} of {@code table} (all columns when empty). */
    public static String format(Table table, List<String> columns, int maxRows) {
        List<Column<?>> cols = new ArrayList<>();
        for (String c : columns.isEmpty() ? table.columnNames() : columns) {
            if (table.containsColumn(c)) {
                cols.add(table.column(c));
            }
        }
        int rows = Math.min(maxRows, table.rowCount());
        String[][] cells = new String[rows + 1][cols.size()];
        int[] width = new int[cols.size()];
        for (int j = 0; j < cols.size(); j++) {
            cells[0][j] = cols.get(j).name();
            width[j] = cells[0][j].length();
            for (int i = 0; i < rows; i++) {
                cells[i + 1][j] = cell(cols.get(j).get(i));
                width[j] = Math.max(width[j], cells[i + 1][j].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j < cols.size(); j++) {
                String v = cells[i][j];
                sb.append(j == 0 ? "" : "  ").append(" ".repeat(width[j] - v.length())).append(v);
            }
            sb.append('\n');
        }
        if (table.rowCount() > rows) {
            sb.append("... ").append(table.rowCount() - rows).append(" more rows\n");
        }
        return sb.toString();
    }

    /** Formats one value: integers as is, other numbers with 4 significant digits (no exponent for usual ranges). */
    public static String cell(Object v) {
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            double a = Math.abs(d);
            if (a >= 1000) {
                return String.format(Locale.ROOT, "%.0f", d);
            }
            if (a >= 1) {
                return String.format(Locale.ROOT, "%.4g", d).replaceAll("\\.?0+$", "");
            }
            return String.format(Locale.ROOT, "%.3g", d);
        }
        return v == null ? "" : v.toString();
    }
}
