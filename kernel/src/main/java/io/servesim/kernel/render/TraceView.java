package io.servesim.kernel.render;

import io.servesim.workload.TraceStats;

/** A trace's statistics with its input and output lengths (for histograms). */
public record TraceView(String file, TraceStats stats, double[] inputLengths, double[] outputLengths) {
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: %d requests over %.1f s (%.2f req/s); input mean %.0f, output"
                        + " mean %.0f tokens; infinite-cache reuse %.3f", file, stats.requests(), stats.spanMs() / 1000,
                stats.arrivalRatePerS(), stats.inputLength().get("mean"), stats.outputLength().get("mean"),
                stats.tokenReuse());
    }
}
