package io.servesim.fidelity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link FidelityReport} as a text table (one line per row, then MAPE overall and per group) or as JSON
 * with the keys {@code rows} (input columns plus {@code predicted_ttft_ms}/{@code predicted_tpot_ms} or
 * {@code error}), {@code mape_ttft_pct}, {@code mape_tpot_pct}, {@code groups}, {@code rows_modelled},
 * {@code rows_skipped} and {@code wall_time_ms}. Stateless.
 */
public final class FidelityReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FidelityReportWriter() {
    }

    /** Writes the text table to {@code out}. */
    public static void text(FidelityReport report, PrintWriter out) {
        out.printf(Locale.ROOT, "%-9s %-26s %-5s %-20s %10s %10s %7s %8s %8s %7s%n", "system", "model", "prec",
                "isl/osl c tp", "ttft_ms", "predicted", "err%", "tpot_ms", "predicted", "err%");
        for (RowOutcome o : report.outcomes()) {
            MeasuredRow r = o.row();
            String head = String.format(Locale.ROOT, "%-9s %-26s %-5s %-20s %10.1f", r.system(), r.model(),
                    r.precision(), r.label(), r.ttftMs());
            if (o instanceof RowOutcome.Predicted p) {
                out.printf(Locale.ROOT, "%s %10.1f %+7.1f %8.2f %8.2f %+7.1f%n", head, p.predictedTtftMs(),
                        signedPct(p.predictedTtftMs(), r.ttftMs()), r.tpotMs(), p.predictedTpotMs(),
                        signedPct(p.predictedTpotMs(), r.tpotMs()));
            } else if (o instanceof RowOutcome.Skipped s) {
                out.printf(Locale.ROOT, "%s  skipped: %s%n", head, s.reason());
            }
        }
        out.println();
        Accuracy all = report.overall();
        out.printf(Locale.ROOT, "MAPE over %d modelled rows (%d skipped): TTFT %.1f%%, TPOT %.1f%%%n", all.rows(),
                report.skipped(), all.mapeTtftPct(), all.mapeTpotPct());
        report.groups().forEach((g, a) -> out.printf(Locale.ROOT, "  %-44s %3d rows  TTFT %5.1f%%  TPOT %5.1f%%%n",
                g, a.rows(), a.mapeTtftPct(), a.mapeTpotPct()));
        out.printf(Locale.ROOT, "replayed %s in %.1f s (%d × c measured requests per row after %d × c left out,"
                        + " length spread %.0f%%, clients started over %.1f × one request's decode time)%n",
                report.dataset(), report.wallMs() / 1000, report.method().requestsPerClient(),
                report.method().warmupPerClient(), report.method().lengthStddevFraction() * 100,
                report.method().rampUpDecodeTimes());
        out.flush();
    }

    /** Returns the report as JSON text. */
    public static String json(FidelityReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RowOutcome o : report.outcomes()) {
            Map<String, Object> row = new LinkedHashMap<>(o.row().columns());
            if (o instanceof RowOutcome.Predicted p) {
                row.put("predicted_ttft_ms", p.predictedTtftMs());
                row.put("predicted_tpot_ms", p.predictedTpotMs());
            } else if (o instanceof RowOutcome.Skipped s) {
                row.put("error", s.reason());
            }
            rows.add(row);
        }
        Accuracy all = report.overall();
        root.put("rows", rows);
        root.put("mape_ttft_pct", finiteOrNull(all.mapeTtftPct()));
        root.put("mape_tpot_pct", finiteOrNull(all.mapeTpotPct()));
        List<Map<String, Object>> groups = new ArrayList<>();
        report.groups().forEach((g, a) -> {
            String[] parts = g.split(" ", 3);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("system", parts[0]);
            m.put("model", parts[1]);
            m.put("precision", parts[2]);
            m.put("rows", a.rows());
            m.put("mape_ttft_pct", a.mapeTtftPct());
            m.put("mape_tpot_pct", a.mapeTpotPct());
            groups.add(m);
        });
        root.put("groups", groups);
        root.put("rows_modelled", all.rows());
        root.put("rows_skipped", report.skipped());
        root.put("wall_time_ms", report.wallMs());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double signedPct(double predicted, double measured) {
        return (predicted - measured) / measured * 100;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
