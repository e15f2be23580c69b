package io.servesim.optimize;

import io.servesim.metrics.Metric;
import io.servesim.spec.ReplayOptimizeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Explains in plain words why a state wins or fails, from its run's figures and the spec's bounds. */
final class Explainer {
    private Explainer() {
    }

    static String explain(EvaluatedState e, ReplayOptimizeSpec spec, List<EvaluatedState> feasibleRanked,
                          ResultGroups groups) {
        List<String> lines = new ArrayList<>();
        DeploymentState s = e.state();
        lines.add(s.label() + " uses " + s.totalGpusUsed() + " of " + spec.hardware().totalGpus() + " GPUs.");
        int rank = feasibleRanked.indexOf(e);
        if (e.feasible()) {
            lines.add(rank == 0 ? "It is the best feasible state for objective " + spec.objective().id() + "."
                    : String.format(Locale.ROOT, "It is feasible, ranked %d of %d; its %s is %s vs %s for the best.",
                    rank + 1, feasibleRanked.size(), spec.objective().reportColumn(),
                    num(e.metric(spec.objective().reportColumn())),
                    num(feasibleRanked.get(0).metric(spec.objective().reportColumn()))));
        } else {
            lines.add("It is infeasible (violation penalty " + num(e.violationPenalty()) + "):");
            for (Map.Entry<String, Double> b : spec.sla().activeBounds().entrySet()) {
                double v = e.metric(b.getKey());
                if (v > b.getValue()) {
                    lines.add(String.format(Locale.ROOT, "  %s is %s ms, %s%% over the bound of %s ms.", b.getKey(),
                            num(v), num(100 * (v / b.getValue() - 1)), num(b.getValue())));
                }
            }
            if (s.totalGpusUsed() > spec.hardware().totalGpus()) {
                lines.add("  it needs more GPUs than the budget.");
            }
        }
        String noEffect = noEffect(groups.group(e));
        if (noEffect != null) {
            lines.add(noEffect);
        }
        double prefill = e.metric(LocalEvaluator.PREFILL_BUSY);
        double decode = e.metric(LocalEvaluator.DECODE_BUSY);
        if (!s.aggregated()) {
            if (decode > 0.9 && prefill < 0.75) {
                lines.add(pct("Decode-bound: decode workers are busy %s of the time, prefill workers only %s;"
                        + " moving GPUs from prefill to decode should help.", decode, prefill));
            } else if (prefill > 0.9 && decode < 0.75) {
                lines.add(pct("Prefill-bound: prefill workers are busy %s of the time, decode workers only %s;"
                        + " requests queue for prefill, which shows in TTFT.", prefill, decode));
            } else {
                lines.add(pct("Balanced: prefill workers busy %s, decode workers %s.", prefill, decode));
            }
        } else {
            lines.add(pct("Workers are busy %s of the time.", decode, 0));
        }
        double kv = e.metric(LocalEvaluator.PEAK_KV);
        double preemptions = e.metric(LocalEvaluator.PREEMPTIONS);
        if (kv > 0.9 || preemptions > 0) {
            lines.add(String.format(Locale.ROOT, "KV-capacity-bound: KV cache peaked at %.0f%% of its blocks%s;"
                            + " a larger TP or more %s workers holds more sequences at once.", 100 * kv,
                    preemptions > 0 ? " and " + (long) preemptions + " sequences were preempted" : "",
                    s.aggregated() ? "" : "decode"));
        }
        double imbalance = e.metric(LocalEvaluator.BUSY_IMBALANCE);
        if (imbalance > 0.2) {
            lines.add(String.format(Locale.ROOT, "Router imbalance: busy fractions of workers in one pool differ by"
                    + " %.0f points; the router concentrates load.", 100 * imbalance));
        }
        lines.add(String.format(Locale.ROOT, "Prefix cache served %.1f%% of prompt tokens; %.1f output tok/s"
                        + " (%.1f per GPU); mean TTFT %s ms, mean TPOT %s ms, mean e2e %s ms.",
                100 * e.metric(Metric.PREFIX_CACHE_REUSED_RATIO), e.outputThroughput(), e.outputThroughputPerGpu(),
                num(e.metric(Metric.MEAN_TTFT_MS)), num(e.metric(Metric.MEAN_TPOT_MS)), num(e.meanE2eLatencyMs())));
        return String.join("\n", lines);
    }

    /** Says which router knob made no difference when several states of one topology gave identical results. */
    static String noEffect(List<EvaluatedState> group) {
        if (group.size() < 2) {
            return null;
        }
        Set<Double> credits = new TreeSet<>();
        Set<Double> scales = new TreeSet<>();
        Set<String> modes = new TreeSet<>();
        for (EvaluatedState g : group) {
            credits.add(g.state().router().overlapScoreCredit());
            scales.add(g.state().router().prefillLoadScale());
            modes.add(g.state().router().mode().id());
        }
        String knob;
        if (modes.size() == 1 && credits.size() == 1) {
            knob = "prefill_load_scale had no effect here: scales " + values(scales);
        } else if (modes.size() == 1 && scales.size() == 1) {
            knob = "overlap_score_credit had no effect here: credits " + values(credits);
        } else {
            knob = "The router settings had no effect here: "
                    + group.stream().map(g -> g.state().router().label()).toList();
        }
        return knob + " give identical results (" + group.size() + " states, same topology).";
    }

    private static String values(Set<Double> v) {
        return String.join(", ", v.stream().map(x -> x == Math.rint(x) ? Long.toString(x.longValue())
                : Double.toString(x)).toList());
    }

    private static String pct(String format, double a, double b) {
        return String.format(Locale.ROOT, format, Math.round(100 * a) + "%", Math.round(100 * b) + "%");
    }

    static String num(double v) {
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
