package io.servesim.router;

import io.servesim.spec.KvRouterConfig;
import io.servesim.workload.Request;
import java.util.HashMap;
import java.util.SplittableRandom;

/**
 * The KV-cache-aware router. For each worker it computes (lower is better)
 * <pre>
 * logit = prefill_load_scale × (prefill_blocks − min(overlap_score_credit × overlap_blocks, prompt_blocks))
 *       + decode_blocks + decode_active_request_weight × active_requests
 * </pre>
 * where {@code prefill_blocks} = (queued prefill tokens of the worker + prompt tokens) / block size (0 when prefill
 * tracking is off), {@code overlap_blocks} = leading prompt blocks the worker caches (from its KV events), and
 * {@code decode_blocks} = blocks of the worker's active requests plus the new request's blocks it does not cache
 * (0 when block tracking is off). Temperature 0 picks the lowest logit; ties go to the worker with fewer active
 * requests, then to the next worker after the previous pick, so equal workers share load deterministically.
 * A positive temperature samples from a softmax over the normalised negated logits with the configured seed.
 */
public final class KvRouter implements Router {
    private final int workers;
    private final int blockSize;
    private final double credit;
    private final double scale;
    private final KvRouterConfig config;
    private final PrefixIndex index;
    private final long[] activePrefillTokens;
    private final long[] activeBlocks;
    private final int[] activeRequests;
    private final int[] overlap;
    private final double[] logits;
    private final HashMap<Long, long[]> routed = new HashMap<>();
    private final SplittableRandom random;
    private int lastPick = -1;
    /** The prefix index is needed for the overlap credit or for the blocks a request adds to a worker. */
    private final boolean usesIndex;

    /** Creates a router over {@code workers} workers with the setting's knobs. */
    public KvRouter(RouterSetting setting, int workers, int blockSize) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers (" + workers + ") should be >= 1");
        }
        this.workers = workers;
        this.blockSize = blockSize;
        this.credit = setting.overlapScoreCredit();
        this.scale = setting.prefillLoadScale();
        this.config = setting.base();
        this.index = new PrefixIndex(workers);
        this.activePrefillTokens = new long[workers];
        this.activeBlocks = new long[workers];
        this.activeRequests = new int[workers];
        this.overlap = new int[workers];
        this.logits = new double[workers];
        this.random = new SplittableRandom(config.routerSeed());
        this.usesIndex = credit > 0 || config.routerTrackActiveBlocks();
    }

    @Override
    public int route(Request request) {
        int promptBlocks = request.numBlocks();
        if (usesIndex) {
            index.overlaps(request.blockHashes(), overlap);
        }
        for (int w = 0; w < workers; w++) {
            logits[w] = logit(request, w);
        }
        int pick = config.routerTemperature() > 0 ? sample() : argmin();
        lastPick = pick;
        long prefillTokens = Math.max(0, request.inputLength() - (long) overlap[pick] * blockSize);
        long blocks = promptBlocks;
        if (config.routerTrackPrefillTokens()) {
            activePrefillTokens[pick] += prefillTokens;
        }
        activeBlocks[pick] += blocks;
        activeRequests[pick]++;
        routed.put(request.id(), new long[] {pick, config.routerTrackPrefillTokens() ? prefillTokens : 0, blocks});
        return pick;
    }

    /** Returns the cost of sending {@code request} to worker {@code w} (after {@link #route} filled the overlaps). */
    double logit(Request request, int w) {
        double promptBlocks = (double) request.inputLength() / blockSize;
        double prefillBlocks = config.routerTrackPrefillTokens()
                ? (activePrefillTokens[w] + (double) request.inputLength()) / blockSize : 0;
        double creditBlocks = Math.min(credit * overlap[w], promptBlocks);
        double decodeBlocks = config.routerTrackActiveBlocks()
                ? activeBlocks[w] + Math.max(0, request.numBlocks() - (config.routerAssumeKvReuse() ? overlap[w] : 0))
                : 0;
        double active = config.decodeActiveRequestWeight() * activeRequests[w];
        if (!config.routerTrackPrefillTokens()) {
            return Math.max(decodeBlocks - creditBlocks, 0) + active;
        }
        return scale * (prefillBlocks - creditBlocks) + decodeBlocks + active;
    }

    private int argmin() {
        int best = -1;
        for (int k = 1; k <= workers; k++) {
            int w = (lastPick + k) % workers;
            if (w < 0) {
                w += workers;
            }
            if (best < 0 || logits[w] < logits[best]
                    || (logits[w] == logits[best] && activeRequests[w] < activeRequests[best])) {
                best = w;
            }
        }
        return best;
    }

    private int sample() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int w = 0; w < workers; w++) {
            min = Math.min(min, logits[w]);
            max = Math.max(max, logits[w]);
        }
        double range = max - min;
        if (range <= 0) {
            return argmin();
        }
        double total = 0;
        double[] weights = new double[workers];
        for (int w = 0; w < workers; w++) {
            weights[w] = Math.exp(-((logits[w] - min) / range) / config.routerTemperature());
            total += weights[w];
        }
        double u = random.nextDouble() * total;
        for (int w = 0; w < workers; w++) {
            u -= weights[w];
            if (u <= 0) {
                return w;
            }
        }
        return workers - 1;
    }

    @Override
    public void prefillCompleted(Request request, int worker) {
        long[] r = routed.get(request.id());
        if (r != null) {
            activePrefillTokens[(int) r[0]] -= r[1];
            r[1] = 0;
        }
    }

    @Override
    public void finished(Request request, int worker) {
        long[] r = routed.remove(request.id());
        if (r != null) {
            int w = (int) r[0];
            activePrefillTokens[w] -= r[1];
            activeBlocks[w] -= r[2];
            activeRequests[w]--;
        }
    }

    @Override
    public int overlapBlocks(Request request, int worker) {
        index.overlaps(request.blockHashes(), overlap);
        return overlap[worker];
    }

    @Override
    public void stored(int worker, long hash) {
        if (usesIndex) {
            index.stored(worker, hash);
        }
    }

    @Override
    public void removed(int worker, long hash) {
        if (usesIndex) {
            index.removed(worker, hash);
        }
    }
}
