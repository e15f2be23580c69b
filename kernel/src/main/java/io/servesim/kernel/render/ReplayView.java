package io.servesim.kernel.render;

import io.servesim.report.Cards;
import io.servesim.metrics.ReplayMetrics;

/** One run as a notebook shows it: the metrics card, the latency CDFs and the per-worker timelines. */
public record ReplayView(String label, ReplayMetrics metrics) {
    @Override
    public String toString() {
        return Cards.text(label, Cards.headline(metrics));
    }
}
