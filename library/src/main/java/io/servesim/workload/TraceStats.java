package io.servesim.workload;

import io.servesim.metrics.Statistic;
import io.servesim.util.LongHashSet;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Statistics of a Mooncake-style trace, computed in one streaming pass: requests, time span, arrival rate, input and
 * output length mean/p50/p95/p99 (nearest rank), and the prefix reuse an infinite global cache would get (the
 * fraction of prompt blocks whose id appeared in an earlier request, and the token-weighted fraction).
 */
public record TraceStats(long requests, double spanMs, double arrivalRatePerS, Map<String, Double> inputLength,
                         Map<String, Double> outputLength, double blockReuse, double tokenReuse, long skippedLines) {

    /** Reads {@code file} once (block ids stand for {@code traceBlockSize} tokens). */
    public static TraceStats of(Path file, int traceBlockSize, boolean lenient) {
        return scan(file, traceBlockSize, lenient).stats();
    }

    /** The statistics of a trace with every request's input and output length, in file order. */
    public record Scan(TraceStats stats, double[] inputLengths, double[] outputLengths) {
    }

    /** Reads {@code file} once for its statistics and its requests' lengths (e.g. for histograms). */
    public static Scan scan(Path file, int traceBlockSize, boolean lenient) {
        int[] in = new int[1024];
        int[] out = new int[1024];
        int n = 0;
        double first = Double.NaN;
        double last = 0;
        LongHashSet seen = new LongHashSet(1 << 16);
        long blocks = 0;
        long reused = 0;
        long tokens = 0;
        long reusedTokens = 0;
        try (TraceReader reader = new TraceReader(file, traceBlockSize, lenient)) {
            for (TraceLine l = reader.next(); l != null; l = reader.next()) {
                if (n == in.length) {
                    in = Arrays.copyOf(in, n * 2);
                    out = Arrays.copyOf(out, n * 2);
                }
                in[n] = l.inputLength();
                out[n] = l.outputLength();
                n++;
                if (Double.isNaN(first)) {
                    first = l.timestampMs();
                }
                last = l.timestampMs();
                long[] ids = l.hashIds();
                for (int i = 0; i < ids.length; i++) {
                    int blockTokens = Math.min(traceBlockSize, l.inputLength() - i * traceBlockSize);
                    blocks++;
                    tokens += blockTokens;
                    if (!seen.add(ids[i])) {
                        reused++;
                        reusedTokens += blockTokens;
                    }
                }
            }
            double span = n == 0 ? 0 : last - first;
            TraceStats stats = new TraceStats(n, span, span > 0 ? (n - 1) / (span / 1000.0) : 0, summary(in, n),
                    summary(out, n), blocks == 0 ? 0 : (double) reused / blocks,
                    tokens == 0 ? 0 : (double) reusedTokens / tokens, reader.skippedLines());
            return new Scan(stats, Arrays.stream(in, 0, n).asDoubleStream().toArray(),
                    Arrays.stream(out, 0, n).asDoubleStream().toArray());
        }
    }

    private static Map<String, Double> summary(int[] values, int n) {
        int[] s = Arrays.copyOf(values, n);
        Arrays.sort(s);
        double sum = 0;
        for (int v : s) {
            sum += v;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mean", n == 0 ? 0 : sum / n);
        m.put("p50", rank(s, 50));
        m.put("p95", rank(s, 95));
        m.put("p99", rank(s, 99));
        m.put("max", n == 0 ? 0 : (double) s[n - 1]);
        return m;
    }

    private static double rank(int[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Statistic.rank(sorted.length, p)];
    }
}
