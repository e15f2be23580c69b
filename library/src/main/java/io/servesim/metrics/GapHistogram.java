package io.servesim.metrics;

import java.util.Map;

/**
 * Inter-token latencies of a run in constant memory: exact count, sum, sum of squares, min, max and sum of
 * reciprocals, plus log-spaced buckets (0.5% wide) for percentiles. A run can emit hundreds of millions of tokens,
 * so the gaps are not kept one by one; percentiles are exact to within half a bucket (0.25%). A run keeps one histogram
 * per worker, each filled in that worker's pass order, and {@link #addTo merges} them in worker order, so the sums do
 * not depend on how the passes of different workers interleave.
 */
final class GapHistogram {
    private static final double MIN_MS = 1e-3;
    private static final double GROWTH = 1.005;
    private static final int BUCKETS = 4200;
    private static final double LOG_GROWTH = Math.log(GROWTH);

    private final long[] counts = new long[BUCKETS];
    private long n;
    private double sum;
    private double sumSq;
    private double min = Double.POSITIVE_INFINITY;
    private double max;
    private double sumPerUser;
    private double sumPerUserSq;
    private long positive;
    /** The last gap and its bucket: most tokens of one pass share their gap, so the logarithm is taken once. */
    private double lastGap = Double.NaN;
    private int lastBucket;
    private double lastPerUser;

    /** Adds {@code count} equal gaps: the same sums, in the same order, as adding them one by one. */
    void add(double gapMs, int count) {
        n += count;
        if (gapMs != lastGap) {
            // the tokens of a pass share their gap: min, max, bucket and per-user rate are worked out once per gap
            lastGap = gapMs;
            lastBucket = bucket(gapMs);
            lastPerUser = gapMs > 0 ? 1000.0 / gapMs : 0;
            min = Math.min(min, gapMs);
            max = Math.max(max, gapMs);
        }
        // each sum takes its additions one at a time, as before; one loop runs the four independent chains together
        double sq = gapMs * gapMs;
        double s = sum;
        double s2 = sumSq;
        if (gapMs > 0) {
            positive += count;
            double u = lastPerUser;
            double u2 = u * u;
            double su = sumPerUser;
            double su2 = sumPerUserSq;
            for (int i = 0; i < count; i++) {
                s += gapMs;
                s2 += sq;
                su += u;
                su2 += u2;
            }
            sumPerUser = su;
            sumPerUserSq = su2;
        } else {
            for (int i = 0; i < count; i++) {
                s += gapMs;
                s2 += sq;
            }
        }
        sum = s;
        sumSq = s2;
        counts[lastBucket] += count;
    }

    /** Adds this histogram's gaps to {@code total}: counts exactly, sums as one addition each. */
    void addTo(GapHistogram total) {
        if (n == 0) {
            return;
        }
        total.n += n;
        total.positive += positive;
        total.sum += sum;
        total.sumSq += sumSq;
        total.sumPerUser += sumPerUser;
        total.sumPerUserSq += sumPerUserSq;
        total.min = Math.min(total.min, min);
        total.max = Math.max(total.max, max);
        for (int b = 0; b < BUCKETS; b++) {
            total.counts[b] += counts[b];
        }
    }

    private static int bucket(double v) {
        if (v <= MIN_MS) {
            return 0;
        }
        return Math.min(BUCKETS - 1, 1 + (int) (Math.log(v / MIN_MS) / LOG_GROWTH));
    }

    private static double value(int bucket) {
        return bucket == 0 ? MIN_MS : MIN_MS * Math.pow(GROWTH, bucket - 0.5);
    }

    private double percentile(double p) {
        if (n == 0) {
            return 0;
        }
        long rank = Statistic.rank(n, p);
        long seen = 0;
        for (int b = 0; b < BUCKETS; b++) {
            seen += counts[b];
            if (seen > rank) {
                return Math.max(min, Math.min(max, value(b)));
            }
        }
        return max;
    }

    /** Writes the {@link Statistic}s of the gaps (ITL) and of the per-user token rate they imply into {@code out}. */
    void summarise(Map<String, Double> out) {
        double mean = n == 0 ? 0 : sum / n;
        new Summary(mean, n == 0 ? 0 : min, max, this::percentile,
                n == 0 ? 0 : Math.sqrt(Math.max(0, sumSq / n - mean * mean)))
                .writeTo(s -> Metric.of(s, Latency.ITL), out);
        double meanPerUser = positive == 0 ? 0 : sumPerUser / positive;
        // a high token rate is a short gap: the rate's p-th percentile is the gap's (100 - p)-th
        new Summary(meanPerUser, max > 0 ? 1000.0 / max : 0, min > 0 && n > 0 ? 1000.0 / min : 0,
                p -> perUser(100 - p),
                positive == 0 ? 0 : Math.sqrt(Math.max(0, sumPerUserSq / positive - meanPerUser * meanPerUser)))
                .writeTo(Metric::perUser, out);
    }

    private double perUser(double gapPercentile) {
        double gap = percentile(gapPercentile);
        return gap > 0 ? 1000.0 / gap : 0;
    }
}
