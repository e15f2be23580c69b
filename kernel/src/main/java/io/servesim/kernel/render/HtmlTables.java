package io.servesim.kernel.render;

import io.servesim.report.TextTables;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Renders a Tablesaw table as a scrollable HTML table: units under the column names (from their suffixes:
 * {@code _ms}, {@code _tok_s}, {@code _rps}, {@code _ratio}), numbers rounded sensibly, the first rows and a
 * "N more rows" note.
 */
public final class HtmlTables {
    /** Rows shown by default. */
    public static final int DEFAULT_ROWS = 20;

    private HtmlTables() {
    }

    /** Returns the HTML of the first {@code maxRows} rows of {@code table}. */
    public static String html(Table table, int maxRows) {
        int rows = Math.min(maxRows, table.rowCount());
        StringBuilder b = new StringBuilder();
        b.append("<div class='servesim-table' style='max-height:420px;overflow:auto'>");
        if (table.name() != null && !table.name().isBlank()) {
            b.append("<div style='font-weight:bold'>").append(Html.escape(table.name())).append(" (")
                    .append(table.rowCount()).append(" rows × ").append(table.columnCount()).append(" columns)</div>");
        }
        b.append("<table class='dataframe' border='1'><thead><tr>");
        for (Column<?> c : table.columns()) {
            String unit = unit(c.name());
            b.append("<th>").append(Html.escape(c.name()));
            if (!unit.isEmpty()) {
                b.append("<br><small>").append(Html.escape(unit)).append("</small>");
            }
            b.append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (int r = 0; r < rows; r++) {
            b.append("<tr>");
            for (Column<?> c : table.columns()) {
                Object v = c.get(r);
                boolean number = v instanceof Number;
                b.append(number ? "<td style='text-align:right'>" : "<td>").append(Html.escape(TextTables.cell(v)))
                        .append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table>");
        if (table.rowCount() > rows) {
            b.append("<div><i>").append(table.rowCount() - rows).append(" more rows</i></div>");
        }
        return b.append("</div>").toString();
    }

    /** Returns the unit a column name implies, or an empty string. */
    public static String unit(String column) {
        if (column.endsWith("_tok_s_per_gpu")) {
            return "tok/s/GPU";
        }
        if (column.endsWith("_tok_s")) {
            return "tok/s";
        }
        if (column.endsWith("_ms")) {
            return "ms";
        }
        if (column.endsWith("_rps")) {
            return "req/s";
        }
        if (column.endsWith("_ratio") || column.endsWith("_fraction") || column.endsWith("_occupancy")) {
            return "fraction";
        }
        if (column.endsWith("_per_user")) {
            return "tok/s";
        }
        return "";
    }
}
