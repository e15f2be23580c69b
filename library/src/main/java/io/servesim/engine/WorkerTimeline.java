package io.servesim.engine;

import java.util.Arrays;

/**
 * A worker's busy time and KV occupancy over the run in at most {@value #MAX_BUCKETS} time buckets; buckets double
 * in width as the run grows, so memory stays constant for any run length.
 */
public final class WorkerTimeline {
    static final int MAX_BUCKETS = 256;
    private double width = 250;
    private final double[] busy = new double[MAX_BUCKETS];
    private final double[] kvSum = new double[MAX_BUCKETS];
    private final double[] kvWeight = new double[MAX_BUCKETS];
    private double kvPeak;
    private double kvArea;
    private double kvTime;

    void record(double startMs, double lengthMs, double kvOccupancy) {
        while (startMs + lengthMs >= width * MAX_BUCKETS) {
            merge();
        }
        kvPeak = Math.max(kvPeak, kvOccupancy);
        kvArea += kvOccupancy * lengthMs;
        kvTime += lengthMs;
        double t = startMs;
        double end = startMs + lengthMs;
        int first = (int) (t / width);
        if (t < end && end <= (first + 1) * width) {
            // the usual case: the pass lies in one bucket (same arithmetic as the loop below)
            double len = end - t;
            busy[first] += len;
            kvSum[first] += kvOccupancy * len;
            kvWeight[first] += len;
            return;
        }
        while (t < end) {
            int b = (int) (t / width);
            double upTo = Math.min(end, (b + 1) * width);
            busy[b] += upTo - t;
            kvSum[b] += kvOccupancy * (upTo - t);
            kvWeight[b] += upTo - t;
            t = upTo;
        }
    }

    private void merge() {
        for (int i = 0; i < MAX_BUCKETS / 2; i++) {
            busy[i] = busy[2 * i] + busy[2 * i + 1];
            kvSum[i] = kvSum[2 * i] + kvSum[2 * i + 1];
            kvWeight[i] = kvWeight[2 * i] + kvWeight[2 * i + 1];
        }
        Arrays.fill(busy, MAX_BUCKETS / 2, MAX_BUCKETS, 0);
        Arrays.fill(kvSum, MAX_BUCKETS / 2, MAX_BUCKETS, 0);
        Arrays.fill(kvWeight, MAX_BUCKETS / 2, MAX_BUCKETS, 0);
        width *= 2;
    }

    /** Returns the peak KV occupancy seen at a pass start (0..1). */
    public double peakKvOccupancy() {
        return kvPeak;
    }

    /** Returns the busy-time-weighted mean KV occupancy (0..1). */
    public double meanKvOccupancy() {
        return kvTime == 0 ? 0 : kvArea / kvTime;
    }

    /** Returns bucket end times up to {@code durationMs}. */
    public double[] endsMs(double durationMs) {
        int n = buckets(durationMs);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.min((i + 1) * width, durationMs);
        }
        return out;
    }

    /** Returns the busy fraction of each bucket up to {@code durationMs}. */
    public double[] busyFractions(double durationMs) {
        int n = buckets(durationMs);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double span = Math.min((i + 1) * width, durationMs) - i * width;
            out[i] = span <= 0 ? 0 : Math.min(1, busy[i] / span);
        }
        return out;
    }

    /** Returns the mean KV occupancy while busy in each bucket up to {@code durationMs} (0 when idle). */
    public double[] kvOccupancies(double durationMs) {
        int n = buckets(durationMs);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = kvWeight[i] == 0 ? 0 : kvSum[i] / kvWeight[i];
        }
        return out;
    }

    private int buckets(double durationMs) {
        return Math.max(1, Math.min(MAX_BUCKETS, (int) Math.ceil(durationMs / width)));
    }
}
