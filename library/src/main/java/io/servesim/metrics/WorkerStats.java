package io.servesim.metrics;

/**
 * How busy one worker was during a run and how full its KV cache got, plus a sampled timeline for charts
 * ({@code timelineMs[i]} with the busy fraction and KV occupancy over the interval ending there). Treat as immutable.
 *
 * @param role "prefill", "decode" or "aggregated"
 */
public record WorkerStats(int index, String role, int tp, long numGpuBlocks, long passes, double busyFraction,
                          double meanKvOccupancy, double peakKvOccupancy, long preemptions, double[] timelineMs,
                          double[] timelineBusy, double[] timelineKvOccupancy) {
}
