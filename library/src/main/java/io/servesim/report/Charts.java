package io.servesim.report;

import io.servesim.metrics.Metric;
import io.servesim.metrics.RequestRecord;
import io.servesim.metrics.WorkerStats;
import io.servesim.optimize.EvaluatedState;
import io.servesim.optimize.OptimizationResult;
import io.servesim.optimize.ParetoFrontier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Plotly figures (tablesaw-jsplot) of sweep results and runs: Pareto frontiers, topology and router heatmaps,
 * latency CDFs and per-worker timelines. The figures are data only; rendering (HTML, offline plotly.js) is the
 * caller's business.
 */
public final class Charts {
    static final String FEASIBLE = "#2a9d8f";
    static final String INFEASIBLE = "#e76f51";
    static final String FRONTIER = "#264653";

    private Charts() {
    }

    /** Output tokens/s per GPU vs mean TTFT: feasible and infeasible states, the frontier and the TTFT bound. */
    public static Figure paretoTtft(OptimizationResult r) {
        return pareto(r, Metric.MEAN_TTFT_MS.name(), "mean TTFT (ms)", r.spec().sla().ttft());
    }

    /** Output tokens/s per GPU vs mean end-to-end latency, with the e2e bound. */
    public static Figure paretoE2e(OptimizationResult r) {
        return pareto(r, Metric.MEAN_E2E_LATENCY_MS.name(), "mean end-to-end latency (ms)", r.spec().sla().e2eLatency());
    }

    private static Figure pareto(OptimizationResult r, String metric, String label, Double bound) {
        List<EvaluatedState> all = r.records();
        List<Trace> traces = new ArrayList<>();
        traces.add(points(all, EvaluatedState::feasible, metric, "feasible", FEASIBLE));
        traces.add(points(all, e -> !e.feasible(), metric, "infeasible", INFEASIBLE));
        List<EvaluatedState> front = new ArrayList<>(ParetoFrontier.of(all, e -> e.metric(metric)));
        front.sort(Comparator.comparingDouble(EvaluatedState::outputThroughputPerGpu));
        traces.add(ScatterTrace.builder(front.stream().mapToDouble(EvaluatedState::outputThroughputPerGpu).toArray(),
                        front.stream().mapToDouble(e -> e.metric(metric)).toArray())
                .mode(ScatterTrace.Mode.LINE).name("Pareto frontier")
                .line(Line.builder().color(FRONTIER).width(2).build()).build());
        if (bound != null && bound > 0) {
            double max = all.stream().mapToDouble(EvaluatedState::outputThroughputPerGpu).max().orElse(1);
            traces.add(ScatterTrace.builder(new double[] {0, max * 1.05}, new double[] {bound, bound})
                    .mode(ScatterTrace.Mode.LINE).name("SLA bound")
                    .line(Line.builder().color("#999999").dash(Line.Dash.DASH).build()).build());
        }
        // a log latency axis keeps far-off infeasible states from squashing the frontier into one line
        Layout layout = Layout.builder().title("Throughput per GPU vs " + label).height(450).width(760)
                .margin(Margin.builder().left(90).bottom(70).build())
                .xAxis(Axis.builder().title("output tokens/s per GPU").build())
                .yAxis(Axis.builder().title(label.replace(" (ms)", " (ms, log scale)")).type(Axis.Type.LOG).build()).build();
        return new Figure(layout, traces.toArray(new Trace[0]));
    }

    private static Trace points(List<EvaluatedState> all, Predicate<EvaluatedState> keep, String metric, String name,
                                String color) {
        List<EvaluatedState> rows = all.stream().filter(keep).toList();
        return ScatterTrace.builder(rows.stream().mapToDouble(EvaluatedState::outputThroughputPerGpu).toArray(),
                        rows.stream().mapToDouble(e -> e.metric(metric)).toArray())
                .mode(ScatterTrace.Mode.MARKERS).name(name)
                .text(rows.stream().map(e -> e.state().label()).toArray(String[]::new))
                .marker(Marker.builder().color(color).size(9).opacity(0.8).build()).build();
    }

    /**
     * Best score per topology: prefill GPUs (x) vs decode GPUs (y) for disaggregated sweeps, TP (x) vs workers (y)
     * for aggregated ones; the colour is the objective's score (higher is better), best over router states.
     */
    public static Figure topologyHeatmap(OptimizationResult r) {
        boolean agg = !r.spec().isDisaggregated();
        return heatmap(r.records(),
                e -> agg ? e.state().tp() : e.state().prefillTp() * e.state().prefillWorkers(),
                e -> agg ? e.state().workers() : e.state().decodeTp() * e.state().decodeWorkers(),
                "Best " + r.spec().objective().id() + " score per topology",
                agg ? "TP (GPUs per worker)" : "prefill GPUs", agg ? "workers" : "decode GPUs");
    }

    /** Best score per router setting: overlap credit (x) vs prefill load scale (y), KV-router states only. */
    public static Figure routerHeatmap(OptimizationResult r) {
        List<EvaluatedState> kv = r.records().stream().filter(e -> e.state().router().isKvRouter()).toList();
        return heatmap(kv, e -> e.state().router().overlapScoreCredit(), e -> e.state().router().prefillLoadScale(),
                "Best " + r.spec().objective().id() + " score per router setting", "overlap_score_credit",
                "prefill_load_scale");
    }

    private static Figure heatmap(List<EvaluatedState> rows, ToDoubleFunction<EvaluatedState> fx,
                                  ToDoubleFunction<EvaluatedState> fy, String title, String xTitle, String yTitle) {
        TreeSet<Double> xs = new TreeSet<>();
        TreeSet<Double> ys = new TreeSet<>();
        for (EvaluatedState e : rows) {
            xs.add(fx.applyAsDouble(e));
            ys.add(fy.applyAsDouble(e));
        }
        List<Double> xl = new ArrayList<>(xs);
        List<Double> yl = new ArrayList<>(ys);
        double[][] z = new double[yl.size()][xl.size()];
        for (double[] rowZ : z) {
            Arrays.fill(rowZ, Double.NaN);
        }
        for (EvaluatedState e : rows) {
            int i = yl.indexOf(fy.applyAsDouble(e));
            int j = xl.indexOf(fx.applyAsDouble(e));
            if (Double.isNaN(z[i][j]) || e.score() > z[i][j]) {
                z[i][j] = e.score();
            }
        }
        // one colour convention in every chart: percent of the best cell (100 = best), whatever the objective's sign
        double best = Arrays.stream(z).flatMapToDouble(Arrays::stream).filter(Double::isFinite).max().orElse(Double.NaN);
        for (double[] rowZ : z) {
            for (int j = 0; j < rowZ.length; j++) {
                rowZ[j] = percentOfBest(rowZ[j], best);
            }
        }
        Trace t = HeatmapTrace.builder(xl.stream().map(Charts::label).toArray(), yl.stream().map(Charts::label).toArray(), z)
                .build();
        Layout layout = Layout.builder().title(title + " (% of best, 100 = best)").height(420).width(640)
                .margin(Margin.builder().left(90).bottom(70).build())
                .xAxis(Axis.builder().title(xTitle).type(Axis.Type.CATEGORY).build())
                .yAxis(Axis.builder().title(yTitle).type(Axis.Type.CATEGORY).build()).build();
        return new Figure(layout, t);
    }

    /**
     * Returns {@code score} as a percentage of {@code best}: scores are "higher is better", positive for throughput
     * (ratio) and negative latencies for latency objectives (best latency / latency).
     */
    static double percentOfBest(double score, double best) {
        if (!Double.isFinite(score) || !Double.isFinite(best) || best == 0) {
            return Double.NaN;
        }
        return best > 0 ? 100 * score / best : 100 * best / score;
    }

    private static String label(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Empirical CDFs of TTFT and end-to-end latency over a run's request records. */
    public static Figure latencyCdf(List<RequestRecord> records) {
        Trace ttft = cdf(records.stream().mapToDouble(RequestRecord::ttftMs).toArray(), "TTFT", "#457b9d");
        Trace e2e = cdf(records.stream().mapToDouble(RequestRecord::e2eLatencyMs).toArray(), "end-to-end", "#e63946");
        Layout layout = Layout.builder().title("Latency CDF").height(420).width(700)
                .xAxis(Axis.builder().title("latency (ms)").build())
                .yAxis(Axis.builder().title("fraction of requests").build()).build();
        return new Figure(layout, ttft, e2e);
    }

    private static Trace cdf(double[] values, String name, String color) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        int points = Math.min(n, 400);
        double[] x = new double[points];
        double[] y = new double[points];
        for (int k = 0; k < points; k++) {
            int i = points == 1 ? n - 1 : (int) Math.round((double) k * (n - 1) / (points - 1));
            x[k] = sorted[i];
            y[k] = (i + 1.0) / n;
        }
        return ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE).name(name)
                .line(Line.builder().color(color).width(2).build()).build();
    }

    /** Busy fraction of each worker over time. */
    public static Figure workerUtilisation(List<WorkerStats> workers) {
        return timeline(workers, WorkerStats::timelineBusy, "Worker utilisation over time", "busy fraction");
    }

    /** KV-cache occupancy of each worker over time. */
    public static Figure workerKvOccupancy(List<WorkerStats> workers) {
        return timeline(workers, WorkerStats::timelineKvOccupancy, "KV-cache occupancy over time", "occupied fraction");
    }

    private static Figure timeline(List<WorkerStats> workers, java.util.function.Function<WorkerStats, double[]> series,
                                   String title, String yTitle) {
        List<Trace> traces = new ArrayList<>();
        for (WorkerStats w : workers) {
            double[] t = Arrays.stream(w.timelineMs()).map(ms -> ms / 1000).toArray();
            traces.add(ScatterTrace.builder(t, series.apply(w)).mode(ScatterTrace.Mode.LINE)
                    .name("#" + w.index() + " " + w.role() + " TP" + w.tp()).build());
        }
        Layout layout = Layout.builder().title(title).height(420).width(760)
                .xAxis(Axis.builder().title("time (s)").build())
                .yAxis(Axis.builder().title(yTitle).build()).build();
        return new Figure(layout, traces.toArray(new Trace[0]));
    }
}
