package io.servesim.report;

import io.servesim.fidelity.FidelityReport;
import io.servesim.fidelity.MeasuredRow;
import io.servesim.fidelity.RowOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Plotly figures of a {@link FidelityReport}: predicted vs measured TTFT and TPOT per (system, model, precision) group
 * with the y = x line, and the mean absolute error by concurrency or by TP. Data only, like {@link Charts}.
 */
public final class FidelityCharts {
    private static final String[] COLORS = {"#264653", "#e76f51", "#2a9d8f", "#e9c46a", "#8d99ae"};

    private FidelityCharts() {
    }

    /** Predicted vs measured mean TTFT (log axes), one colour per group, with y = x. */
    public static Figure ttft(FidelityReport r) {
        return scatter(r, p -> p.row().ttftMs(), RowOutcome.Predicted::predictedTtftMs, "TTFT", true);
    }

    /** Predicted vs measured mean TPOT, one colour per group, with y = x. */
    public static Figure tpot(FidelityReport r) {
        return scatter(r, p -> p.row().tpotMs(), RowOutcome.Predicted::predictedTpotMs, "TPOT", false);
    }

    /** Mean absolute TTFT and TPOT error (%) at each concurrency. */
    public static Figure errorByConcurrency(FidelityReport r) {
        return errorBy(r, MeasuredRow::concurrency, "concurrency");
    }

    /** Mean absolute TTFT and TPOT error (%) at each tensor-parallel size. */
    public static Figure errorByTp(FidelityReport r) {
        return errorBy(r, MeasuredRow::tp, "tensor-parallel size");
    }

    private static Figure scatter(FidelityReport r, ToDoubleFunction<RowOutcome.Predicted> measured,
                                  ToDoubleFunction<RowOutcome.Predicted> predicted, String what, boolean log) {
        Map<String, List<RowOutcome.Predicted>> groups = new LinkedHashMap<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (RowOutcome.Predicted p : r.predicted()) {
            groups.computeIfAbsent(p.row().group(), k -> new ArrayList<>()).add(p);
            lo = Math.min(lo, Math.min(measured.applyAsDouble(p), predicted.applyAsDouble(p)));
            hi = Math.max(hi, Math.max(measured.applyAsDouble(p), predicted.applyAsDouble(p)));
        }
        List<Trace> traces = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<RowOutcome.Predicted>> g : groups.entrySet()) {
            List<RowOutcome.Predicted> ps = g.getValue();
            traces.add(ScatterTrace.builder(ps.stream().mapToDouble(measured).toArray(),
                            ps.stream().mapToDouble(predicted).toArray()).mode(ScatterTrace.Mode.MARKERS)
                    .name(g.getKey()).text(ps.stream().map(p -> p.row().label()).toArray(String[]::new))
                    .marker(Marker.builder().color(COLORS[i++ % COLORS.length]).size(7).build()).build());
        }
        if (hi > 0) {
            traces.add(ScatterTrace.builder(new double[] {lo, hi}, new double[] {lo, hi}).mode(ScatterTrace.Mode.LINE)
                    .name("y = x").line(Line.builder().color("#999999").width(1).build()).build());
        }
        Axis.Type type = log ? Axis.Type.LOG : Axis.Type.LINEAR;
        Layout layout = Layout.builder().title("Predicted vs measured mean " + what).height(480).width(640)
                .xAxis(Axis.builder().title("measured " + what + " (ms)").type(type).build())
                .yAxis(Axis.builder().title("predicted " + what + " (ms)").type(type).build()).build();
        return new Figure(layout, traces.toArray(new Trace[0]));
    }

    private static Figure errorBy(FidelityReport r, ToIntFunction<MeasuredRow> key, String label) {
        TreeMap<Integer, double[]> sums = new TreeMap<>();
        for (RowOutcome.Predicted p : r.predicted()) {
            double[] s = sums.computeIfAbsent(key.applyAsInt(p.row()), k -> new double[3]);
            s[0] += p.ttftErrorPct();
            s[1] += p.tpotErrorPct();
            s[2]++;
        }
        double[] x = sums.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
        double[] ttft = sums.values().stream().mapToDouble(s -> s[0] / s[2]).toArray();
        double[] tpot = sums.values().stream().mapToDouble(s -> s[1] / s[2]).toArray();
        Layout layout = Layout.builder().title("Mean absolute error by " + label).height(420).width(640)
                .xAxis(Axis.builder().title(label).type(Axis.Type.LOG).build())
                .yAxis(Axis.builder().title("MAPE (%)").build()).build();
        return new Figure(layout,
                ScatterTrace.builder(x, ttft).mode(ScatterTrace.Mode.LINE_AND_MARKERS).name("TTFT")
                        .line(Line.builder().color("#e76f51").width(2).build()).build(),
                ScatterTrace.builder(x, tpot).mode(ScatterTrace.Mode.LINE_AND_MARKERS).name("TPOT")
                        .line(Line.builder().color("#264653").width(2).build()).build());
    }
}
