package io.servesim.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers what a run produces (one call per completed request, one per run of equal inter-token gaps) and turns it into
 * the report's summary, with the definitions of the reference replay harness: TTFT = first token − arrival;
 * e2e = last token − arrival; TTST = second − first token; TPOT = (last − first) / (tokens − 1) for requests with at
 * least 2 tokens; ITL = every gap between consecutive tokens; throughputs over the makespan (latest last token, the
 * first arrival being at 0); reuse ratio = prompt tokens served from cache / prompt tokens.
 *
 * <p>Warm-up: with {@code warmupRequests} = N the first N requests to complete are left out of every figure (counts,
 * tokens, latencies, records); gaps between tokens are kept from the moment the N-th request completed, and
 * throughputs are taken over the measured window, from that moment to the latest last token ({@code duration_ms}
 * stays the whole run's makespan). The summary then
 * carries {@link Metric#WARMUP_REQUESTS}. With N = 0 nothing changes.
 */
public final class MetricsCollector {
    private final Distribution ttft = new Distribution();
    private final Distribution ttst = new Distribution();
    private final Distribution tpot = new Distribution();
    private final Distribution e2e = new Distribution();
    /** Inter-token gaps per worker (see {@link GapHistogram#addTo}). */
    private GapHistogram[] itl = new GapHistogram[0];
    private final Distribution routerQueue = new Distribution();
    private final List<RequestRecord> records;
    private long numRequests;
    private long completed;
    private long inputTokens;
    private long reusedTokens;
    private long outputTokens;
    private double lastTokenMs;
    private final int warmupRequests;
    private int warmupSeen;
    private double warmupEndMs;

    /** Creates a collector; {@code keepRecords} keeps one {@link RequestRecord} per request. */
    public MetricsCollector(boolean keepRecords) {
        this(keepRecords, 0);
    }

    /** Creates a collector that leaves the first {@code warmupRequests} completed requests out of every figure. */
    public MetricsCollector(boolean keepRecords, int warmupRequests) {
        if (warmupRequests < 0) {
            throw new IllegalArgumentException("warmupRequests (" + warmupRequests + ") should be >= 0");
        }
        this.records = keepRecords ? new ArrayList<>() : null;
        this.warmupRequests = warmupRequests;
    }

    /** Counts a request that entered the cluster. */
    public void arrived() {
        numRequests++;
    }

    /**
     * Records {@code count} equal gaps between consecutive tokens (of as many requests) on worker {@code worker};
     * each worker's gaps are summed in the order they come, and the workers' sums are added in worker order.
     */
    public void gaps(int worker, double ms, int count) {
        if (warmupSeen < warmupRequests) {
            return;
        }
        if (worker >= itl.length) {
            int from = itl.length;
            itl = java.util.Arrays.copyOf(itl, worker + 1);
            for (int w = from; w <= worker; w++) {
                itl[w] = new GapHistogram();
            }
        }
        itl[worker].add(ms, count);
    }

    /** Returns true once the warm-up requests have completed (always with no warm-up): every gap now counts. */
    public boolean measuring() {
        return warmupSeen >= warmupRequests;
    }

    /** Records a completed request, with how long it waited in router queues (0 when routed on arrival). */
    public void completed(long id, double arrivalMs, double firstMs, double secondMs, double lastMs, int input,
                          int output, int reused, int prefillWorker, int decodeWorker, double routerQueueMs) {
        if (warmupSeen < warmupRequests) {
            warmupSeen++;
            warmupEndMs = Math.max(warmupEndMs, lastMs);
            return;
        }
        completed++;
        inputTokens += input;
        outputTokens += output;
        reusedTokens += reused;
        lastTokenMs = Math.max(lastTokenMs, lastMs);
        ttft.add(firstMs - arrivalMs);
        e2e.add(lastMs - arrivalMs);
        routerQueue.add(routerQueueMs);
        if (output >= 2) {
            tpot.add((lastMs - firstMs) / (output - 1));
            ttst.add(secondMs - firstMs);
        }
        if (records != null) {
            records.add(new RequestRecord(id, arrivalMs, firstMs, lastMs, input, output, reused, prefillWorker,
                    decodeWorker));
        }
    }


    /** Returns the number of completed requests so far, warm-up included. */
    public long completedRequests() {
        return completed + warmupSeen;
    }

    /** Returns the summary with every metric of {@link Metric#summary()}, in that order. */
    public Map<String, Double> summary(double wallTimeMs) {
        Map<String, Double> out = new LinkedHashMap<>();
        double durationS = Math.max((lastTokenMs - warmupEndMs) / 1000.0, 1e-9);
        put(out, Metric.NUM_REQUESTS, numRequests - warmupSeen);
        put(out, Metric.COMPLETED_REQUESTS, completed);
        put(out, Metric.TOTAL_INPUT_TOKENS, inputTokens);
        put(out, Metric.TOTAL_REUSED_INPUT_TOKENS, reusedTokens);
        put(out, Metric.TOTAL_OUTPUT_TOKENS, outputTokens);
        put(out, Metric.DURATION_MS, lastTokenMs);
        put(out, Metric.WALL_TIME_MS, wallTimeMs);
        put(out, Metric.REQUEST_THROUGHPUT_RPS, completed / durationS);
        put(out, Metric.INPUT_THROUGHPUT_TOK_S, inputTokens / durationS);
        put(out, Metric.OUTPUT_THROUGHPUT_TOK_S, outputTokens / durationS);
        put(out, Metric.TOTAL_THROUGHPUT_TOK_S, (inputTokens + outputTokens) / durationS);
        put(out, Metric.PREFIX_CACHE_REUSED_RATIO, inputTokens == 0 ? 0 : (double) reusedTokens / inputTokens);
        ttft.summarise(Latency.TTFT, out);
        ttst.summarise(Latency.TTST, out);
        tpot.summarise(Latency.TPOT, out);
        GapHistogram allGaps = new GapHistogram();
        for (GapHistogram worker : itl) {
            worker.addTo(allGaps);
        }
        allGaps.summarise(out);
        e2e.summarise(Latency.E2E_LATENCY, out);
        Summary queue = routerQueue.summary();
        put(out, Metric.MEAN_ROUTER_QUEUE_MS, queue.value(Statistic.MEAN));
        put(out, Metric.P95_ROUTER_QUEUE_MS, queue.value(Statistic.P95));
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (Metric m : Metric.summary()) {
            ordered.put(m.name(), out.get(m.name()));
        }
        if (warmupRequests > 0) {
            put(ordered, Metric.WARMUP_REQUESTS, warmupSeen);
        }
        return ordered;
    }

    private static void put(Map<String, Double> out, Metric m, double value) {
        out.put(m.name(), value);
    }

    /** Returns the per-request records (empty when not kept). */
    public List<RequestRecord> records() {
        return records == null ? List.of() : records;
    }
}
