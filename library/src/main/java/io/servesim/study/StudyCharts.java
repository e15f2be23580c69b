package io.servesim.study;

import io.servesim.metrics.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Grid;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Plotly figures (tablesaw-jsplot) of a study: a metric of each cell's best state against one axis, one subplot per
 * value of a facet axis and one line per value of a series axis; and the Pareto fronts (output throughput per GPU vs
 * mean TTFT) of every cell overlaid, one subplot per facet value. Subplots sit in a grid of two columns sharing the
 * y axis of their row, so panels side by side compare on one scale. Figures are data only.
 */
public final class StudyCharts {
    private static final int COLUMNS = 2;
    /** One colour per series value, the same in every panel. */
    private static final List<String> PALETTE = List.of("#264653", "#e76f51", "#2a9d8f", "#e9c46a", "#8e7dbe",
            "#f4a261", "#577590", "#bc4749");

    private StudyCharts() {
    }

    /**
     * Returns {@code metric} of each cell's best state (cells table column) against axis {@code x}, one subplot per
     * value of axis {@code facet} and one line per value of axis {@code series} (either may be null).
     */
    public static Figure best(Table cells, String metric, String x, String facet, String series) {
        Map<String, Map<String, List<Integer>>> groups = new LinkedHashMap<>();
        for (int r = 0; r < cells.rowCount(); r++) {
            groups.computeIfAbsent(text(cells, r, facet), k -> new LinkedHashMap<>())
                    .computeIfAbsent(text(cells, r, series), k -> new ArrayList<>()).add(r);
        }
        List<Trace> traces = new ArrayList<>();
        Map<String, String> colors = new LinkedHashMap<>();
        int panel = 0;
        for (var f : groups.entrySet()) {
            for (var s : f.getValue().entrySet()) {
                String color = colors.computeIfAbsent(s.getKey(), k -> PALETTE.get(colors.size() % PALETTE.size()));
                List<Integer> rows = new ArrayList<>(s.getValue());
                rows.sort(Comparator.comparingDouble(r -> number(cells, r, x)));
                traces.add(ScatterTrace.builder(rows.stream().mapToDouble(r -> number(cells, r, x)).toArray(),
                                rows.stream().mapToDouble(r -> number(cells, r, metric)).toArray())
                        .mode(ScatterTrace.Mode.LINE_AND_MARKERS).name(label(f.getKey(), s.getKey()))
                        .line(Line.builder().color(color).build()).marker(Marker.builder().color(color).build())
                        .xAxis(xAxis(panel)).yAxis(yAxis(panel)).build());
            }
            panel++;
        }
        return new Figure(layout("best " + metric + " vs " + x + (facet == null ? "" : ", by " + facet),
                groups.size(), x, metric), traces.toArray(new Trace[0]));
    }

    /**
     * Returns every cell's Pareto front of output throughput per GPU vs mean TTFT over its evaluated states
     * (states table), overlaid; one subplot per value of axis {@code facet} (null: one plot).
     */
    public static Figure paretoFronts(Table states, StudySpec study, String facet) {
        Map<Integer, List<double[]>> byCell = new LinkedHashMap<>();
        Map<Integer, Integer> firstRow = new LinkedHashMap<>();
        for (int r = 0; r < states.rowCount(); r++) {
            int cell = states.intColumn(StudyColumns.CELL).getInt(r);
            firstRow.putIfAbsent(cell, r);
            byCell.computeIfAbsent(cell, k -> new ArrayList<>()).add(new double[] {
                    states.doubleColumn(Metric.OUTPUT_THROUGHPUT_TOK_S_PER_GPU.name()).getDouble(r),
                    states.doubleColumn(Metric.MEAN_TTFT_MS.name()).getDouble(r)});
        }
        Map<String, Integer> panels = new LinkedHashMap<>();
        List<Trace> traces = new ArrayList<>();
        for (var e : byCell.entrySet()) {
            int first = firstRow.get(e.getKey());
            int panel = panels.computeIfAbsent(text(states, first, facet), k -> panels.size());
            List<double[]> front = front(e.getValue());
            traces.add(ScatterTrace.builder(front.stream().mapToDouble(p -> p[0]).toArray(),
                            front.stream().mapToDouble(p -> p[1]).toArray())
                    .mode(ScatterTrace.Mode.LINE_AND_MARKERS).name(cellLabel(states, first, study, facet))
                    .marker(Marker.builder().size(6).build())
                    .xAxis(xAxis(panel)).yAxis(yAxis(panel)).build());
        }
        return new Figure(layout("Pareto fronts per cell: output tokens/s per GPU vs mean TTFT (ms)"
                + (facet == null ? "" : ", by " + facet), panels.size(), "output tokens/s per GPU", "mean TTFT (ms)"),
                traces.toArray(new Trace[0]));
    }

    /** Non-dominated points: no other state has both more throughput per GPU and a lower mean TTFT. */
    static List<double[]> front(List<double[]> points) {
        List<double[]> pts = new ArrayList<>(points);
        pts.sort(Comparator.<double[]>comparingDouble(p -> -p[0]).thenComparingDouble(p -> p[1]));
        List<double[]> out = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (double[] p : pts) {
            if (p[1] < best) {
                out.add(p);
                best = p[1];
            }
        }
        out.sort(Comparator.comparingDouble(p -> p[0]));
        return out;
    }

    private static Layout layout(String title, int panels, String x, String y) {
        int rows = (panels + COLUMNS - 1) / COLUMNS;
        Layout.LayoutBuilder b = Layout.builder().title(title).height(Math.max(1, rows) * 360 + 80).width(900)
                .xAxis(Axis.builder().title(x).build()).yAxis(Axis.builder().title(y).build());
        if (panels > 1) {
            b.grid(Grid.builder().rows(rows).columns(Math.min(COLUMNS, panels)).pattern(Grid.Pattern.COUPLED)
                    .build());
        }
        return b.build();
    }

    /** Panels share the x axis of their column and the y axis of their row (Plotly's coupled grid). */
    private static String xAxis(int panel) {
        int column = panel % COLUMNS;
        return column == 0 ? "x" : "x" + (column + 1);
    }

    private static String yAxis(int panel) {
        int row = panel / COLUMNS;
        return row == 0 ? "y" : "y" + (row + 1);
    }

    private static String label(String facet, String series) {
        if (facet.isEmpty()) {
            return series.isEmpty() ? "best" : series;
        }
        return series.isEmpty() ? facet : facet + " · " + series;
    }

    private static String cellLabel(Table t, int r, StudySpec study, String facet) {
        List<String> parts = new ArrayList<>();
        if (facet != null) {
            parts.add(text(t, r, facet));
        }
        for (StudyAxis a : study.axes()) {
            if (!a.name().equals(facet) && t.containsColumn(a.name())) {
                parts.add(text(t, r, a.name()));
            }
        }
        return String.join(" · ", parts);
    }

    private static String text(Table t, int r, String column) {
        if (column == null) {
            return "";
        }
        Object v = t.column(column).get(r);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Long.toString(n.longValue());
        }
        return String.valueOf(v);
    }

    private static double number(Table t, int r, String column) {
        return ((Number) t.column(column).get(r)).doubleValue();
    }
}
