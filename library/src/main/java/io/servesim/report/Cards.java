package io.servesim.report;

import io.servesim.metrics.Headline;
import io.servesim.metrics.ReplayMetrics;
import io.servesim.report.TextTables;
import java.util.List;
import java.util.Map;

/** Compact key/value cards (HTML and text) for metrics and summaries. */
public final class Cards {
    /** The metrics a run's card shows. */
    public static final List<String> METRICS = Headline.CARD.names();

    private Cards() {
    }

    /** Returns an HTML card of {@code entries}. */
    public static String html(String title, Map<String, ?> entries) {
        HtmlTemplate row = HtmlTemplate.named("card-row");
        StringBuilder rows = new StringBuilder();
        for (var e : entries.entrySet()) {
            rows.append(row.render(Map.of("name", e.getKey(), "value", TextTables.cell(e.getValue()),
                    "unit", HtmlTables.unit(e.getKey()))));
        }
        return HtmlTemplate.named("card").render(Map.of("title", title, "rows", rows));
    }

    /** Returns a text card of {@code entries}. */
    public static String text(String title, Map<String, ?> entries) {
        StringBuilder b = new StringBuilder(title).append('\n');
        for (var e : entries.entrySet()) {
            b.append(String.format("  %-28s %s %s%n", e.getKey(), TextTables.cell(e.getValue()),
                    HtmlTables.unit(e.getKey())));
        }
        return b.toString();
    }

    /** Returns the headline metrics of a run in report order. */
    public static Map<String, Double> headline(ReplayMetrics m) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (String k : METRICS) {
            out.put(k, m.get(k));
        }
        return out;
    }
}
