package io.servesim.report;

import io.servesim.fidelity.Accuracy;
import io.servesim.fidelity.FidelityReport;
import io.servesim.fidelity.MeasuredRow;
import io.servesim.fidelity.RowOutcome;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tables of a {@link FidelityReport}: the accuracy per group, and measured vs predicted per row. */
public final class FidelityTables {
    private FidelityTables() {
    }

    /** Returns one line per (system, model, precision) group plus an "all" line: rows and MAPE of TTFT and TPOT. */
    public static Table groups(FidelityReport r) {
        Table t = Table.create("fidelity by group", StringColumn.create("group"), IntColumn.create("rows"),
                DoubleColumn.create("mape_ttft_pct"), DoubleColumn.create("mape_tpot_pct"));
        r.groups().forEach((g, a) -> add(t, g, a));
        add(t, "all", r.overall());
        return t;
    }

    /** Returns one line per row: the load point, measured and predicted TTFT/TPOT, or why it was skipped. */
    public static Table rows(FidelityReport r) {
        Table t = Table.create("fidelity by row", StringColumn.create("group"), IntColumn.create("isl"),
                IntColumn.create("osl"), IntColumn.create("concurrency"), IntColumn.create("tp"),
                DoubleColumn.create("ttft_ms"), DoubleColumn.create("predicted_ttft_ms"),
                DoubleColumn.create("tpot_ms"), DoubleColumn.create("predicted_tpot_ms"), StringColumn.create("error"));
        for (RowOutcome o : r.outcomes()) {
            MeasuredRow m = o.row();
            t.stringColumn("group").append(m.group());
            t.intColumn("isl").append(m.isl());
            t.intColumn("osl").append(m.osl());
            t.intColumn("concurrency").append(m.concurrency());
            t.intColumn("tp").append(m.tp());
            t.doubleColumn("ttft_ms").append(m.ttftMs());
            t.doubleColumn("tpot_ms").append(m.tpotMs());
            if (o instanceof RowOutcome.Predicted p) {
                t.doubleColumn("predicted_ttft_ms").append(p.predictedTtftMs());
                t.doubleColumn("predicted_tpot_ms").append(p.predictedTpotMs());
                t.stringColumn("error").append("");
            } else if (o instanceof RowOutcome.Skipped s) {
                t.doubleColumn("predicted_ttft_ms").appendMissing();
                t.doubleColumn("predicted_tpot_ms").appendMissing();
                t.stringColumn("error").append(s.reason());
            }
        }
        return t;
    }

    private static void add(Table t, String group, Accuracy a) {
        t.stringColumn("group").append(group);
        t.intColumn("rows").append(a.rows());
        t.doubleColumn("mape_ttft_pct").append(a.mapeTtftPct());
        t.doubleColumn("mape_tpot_pct").append(a.mapeTpotPct());
    }
}
