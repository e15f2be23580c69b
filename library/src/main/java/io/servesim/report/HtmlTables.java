package io.servesim.report;

import io.servesim.metrics.Metric;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Renders a Tablesaw table as a scrollable HTML table that reads well: readable headers with the unit once
 * ({@code mean_ttft_ms} → "mean TTFT (ms)"), one number format per column with thousands separators, the first rows
 * with an "N more rows" note, and a hint when there are more columns than fit.
 */
public final class HtmlTables {
    /** Rows shown by default. */
    public static final int DEFAULT_ROWS = 20;
    /** Beyond this many columns a "scroll sideways" hint is shown. */
    static final int WIDE = 12;

    private HtmlTables() {
    }

    /** Returns the HTML of the first {@code maxRows} rows of {@code table}. */
    public static String html(Table table, int maxRows) {
        int rows = Math.min(maxRows, table.rowCount());
        String title = table.name() == null || table.name().isBlank() ? ""
                : HtmlTemplate.named("table-title").render(Map.of("name", table.name(),
                        "rows", String.format(Locale.ROOT, "%,d", table.rowCount()), "columns", table.columnCount()));
        String wide = table.columnCount() <= WIDE ? ""
                : HtmlTemplate.named("table-wide").render(Map.of("columns", table.columnCount()));
        HtmlTemplate th = HtmlTemplate.named("table-header");
        StringBuilder headers = new StringBuilder();
        String[] formats = new String[table.columnCount()];
        for (int j = 0; j < table.columnCount(); j++) {
            Column<?> c = table.column(j);
            formats[j] = format(c);
            headers.append(th.render(Map.of("name", c.name(), "header", header(c.name()))));
        }
        HtmlTemplate tr = HtmlTemplate.named("table-row");
        HtmlTemplate numberCell = HtmlTemplate.named("table-number");
        HtmlTemplate textCell = HtmlTemplate.named("table-text");
        StringBuilder body = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            StringBuilder cells = new StringBuilder();
            for (int j = 0; j < table.columnCount(); j++) {
                Object v = table.column(j).get(r);
                cells.append(v instanceof Number n
                        ? numberCell.render(Map.of("value", number(n.doubleValue(), formats[j])))
                        : textCell.render(Map.of("value", TextTables.cell(v))));
            }
            body.append(tr.render(Map.of("cells", cells)));
        }
        String more = table.rowCount() <= rows ? ""
                : HtmlTemplate.named("table-more").render(Map.of("rows",
                        String.format(Locale.ROOT, "%,d", table.rowCount() - rows)));
        return HtmlTemplate.named("table").render(Map.of("title", title, "wide", wide, "headers", headers,
                "rows", body, "more", more));
    }

    /** Returns a readable header for a column: words, acronyms upper-cased, the unit in parentheses. */
    public static String header(String column) {
        if (column.contains(" ")) {
            return column; // already readable (a headline table's own header)
        }
        String unit = unit(column);
        String base = column;
        for (String suffix : new String[] {"_tok_s_per_gpu", "_tok_s", "_ms", "_rps"}) {
            if (base.endsWith(suffix)) {
                base = base.substring(0, base.length() - suffix.length());
                break;
            }
        }
        String words = (" " + base.replace('_', ' ') + " ").replace(" ttft ", " TTFT ").replace(" tpot ", " TPOT ")
                .replace(" itl ", " ITL ").replace(" ttst ", " TTST ").replace(" kv ", " KV ").replace(" tp ", " TP ")
                .replace(" gpus ", " GPUs ").replace(" e2e ", " e2e ").strip();
        return unit.isEmpty() || unit.equals("fraction") ? words : words + " (" + unit + ")";
    }

    /** Returns the unit a column name implies, or an empty string. */
    public static String unit(String column) {
        return Metric.named(column).map(Metric::unit).orElseGet(() -> Metric.unitOf(column));
    }

    /** Returns one format for every number of {@code c}: decimals from the column's largest magnitude. */
    static String format(Column<?> c) {
        double max = 0;
        boolean integral = true;
        for (int i = 0; i < c.size(); i++) {
            if (c.get(i) instanceof Number n) {
                double d = n.doubleValue();
                if (Double.isFinite(d)) {
                    max = Math.max(max, Math.abs(d));
                    integral &= d == Math.rint(d);
                }
            }
        }
        int decimals = integral || max >= 1000 ? 0 : max >= 100 ? 1 : max >= 1 ? 2 : 3;
        return "%,." + decimals + "f";
    }

    static String number(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "";
    }
}
