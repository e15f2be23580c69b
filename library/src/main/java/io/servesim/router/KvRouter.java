package io.servesim.router;

import io.servesim.spec.KvRouterConfig;
import io.servesim.spec.WorkerType;
import io.servesim.workload.Request;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The KV-cache-aware router. For each worker it computes (lower is better; see {@link RoutingCost} for each term)
 * <pre>
 * credit_blocks = min(overlap_score_credit × decay × overlap_blocks, prompt_blocks)
 * decay         = 1 / (1 + overlap_score_credit_decay × (queued_prefill_blocks − least queued_prefill_blocks of the
 *                 pool) / ceil(prompt_blocks))                            (1 when the decay is 0, the default)
 * cost          = prefill_load_scale × (prefill_blocks − credit_blocks) + decode_blocks + active_term
 * </pre>
 * where {@code prefill_blocks} = (queued prefill tokens of the worker + prompt tokens) / block size,
 * {@code overlap_blocks} = leading prompt blocks the worker caches (from its KV events), {@code decode_blocks} =
 * blocks of the worker's active requests plus the new request's blocks it does not cache (0 when block tracking is
 * off) and {@code active_term} = {@code decode_active_request_weight × active requests}. With prefill-token tracking
 * off the cost depends on the pool's role: a decode pool uses {@code max(decode_blocks − credit_blocks, 0) +
 * active_term}; aggregated and prefill pools use {@code decode_blocks + active_term}. Temperature 0 picks the lowest
 * cost; ties go to the worker with fewer active requests, then to the next worker after the previous pick, so equal
 * workers share load deterministically. A positive temperature samples from a softmax over the normalised negated
 * costs with the configured seed. {@link #queues()} says when every worker is over the router queue threshold.
 */
public final class KvRouter implements Router {
    private final int workers;
    private final int blockSize;
    private final double credit;
    private final double scale;
    private final WorkerType role;
    private final KvRouterConfig config;
    private final double busyTokens;
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

    /**
     * Creates the router {@code plan} describes for a pool of {@code workers} workers, each with {@code blockSize}-token
     * blocks and a budget of {@code maxNumBatchedTokens} tokens per pass (the unit of the queue threshold).
     */
    public KvRouter(PoolRouterPlan plan, int workers, int blockSize, int maxNumBatchedTokens) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers (" + workers + ") should be >= 1");
        }
        this.workers = workers;
        this.blockSize = blockSize;
        this.role = plan.role();
        this.credit = plan.setting().overlapScoreCredit();
        this.scale = plan.setting().prefillLoadScale();
        this.config = plan.config();
        Double threshold = config.routerQueueThreshold();
        this.busyTokens = threshold == null || !config.routerTrackPrefillTokens() ? Double.NaN
                : threshold * maxNumBatchedTokens;
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
        fillLogits(request);
        int pick = config.routerTemperature() > 0 ? sample() : argmin();
        lastPick = pick;
        long prefillTokens = Math.max(0, request.inputLength() - (long) overlap[pick] * blockSize);
        long blocks = request.numBlocks();
        if (config.routerTrackPrefillTokens()) {
            activePrefillTokens[pick] += prefillTokens;
        }
        activeBlocks[pick] += blocks;
        activeRequests[pick]++;
        routed.put(request.id(), new long[] {pick, config.routerTrackPrefillTokens() ? prefillTokens : 0, blocks});
        return pick;
    }

    /**
     * Returns the cost terms of sending {@code request} to each worker now, in worker order, without routing it;
     * {@link #route} picks the worker with the lowest {@link RoutingCost#total()} from the same terms.
     */
    @Override
    public List<RoutingCost> costs(Request request) {
        fillLogits(request);
        List<RoutingCost> out = new ArrayList<>(workers);
        long minPrefill = minActivePrefill();
        for (int w = 0; w < workers; w++) {
            double decay = decay(request, w, minPrefill);
            out.add(new RoutingCost(w, overlap[w], prefillBlocks(request, w), creditBlocks(request, w, decay), decay,
                    decodeBlocks(request, w), activeTerm(w), logits[w]));
        }
        return out;
    }

    /**
     * Returns true when every worker's queued prefill tokens exceed {@code routerQueueThreshold ×
     * max_num_batched_tokens}, so a new request waits in the router (always false with the queue or prefill tracking
     * off).
     */
    @Override
    public boolean queues() {
        if (Double.isNaN(busyTokens)) {
            return false;
        }
        for (int w = 0; w < workers; w++) {
            if (activePrefillTokens[w] <= busyTokens) {
                return false;
            }
        }
        return true;
    }

    private void fillLogits(Request request) {
        if (usesIndex) {
            index.overlaps(request.blockHashes(), overlap);
        }
        long minPrefill = minActivePrefill();
        for (int w = 0; w < workers; w++) {
            logits[w] = logit(request, w, decay(request, w, minPrefill));
        }
    }

    private long minActivePrefill() {
        long min = Long.MAX_VALUE;
        for (int w = 0; w < workers; w++) {
            min = Math.min(min, activePrefillTokens[w]);
        }
        return min;
    }

    private double decay(Request request, int w, long minPrefill) {
        double d = config.overlapScoreCreditDecay();
        if (d == 0) {
            return 1.0;
        }
        double extraBlocks = (double) (activePrefillTokens[w] - minPrefill) / blockSize;
        long requestBlocks = Math.max(1, (request.inputLength() + blockSize - 1) / blockSize);
        return 1.0 / (1.0 + d * extraBlocks / requestBlocks);
    }

    private double prefillBlocks(Request request, int w) {
        return config.routerTrackPrefillTokens()
                ? (activePrefillTokens[w] + (double) request.inputLength()) / blockSize : 0;
    }

    private double creditBlocks(Request request, int w, double decay) {
        return Math.min(credit * decay * overlap[w], (double) request.inputLength() / blockSize);
    }

    private double decodeBlocks(Request request, int w) {
        return config.routerTrackActiveBlocks()
                ? activeBlocks[w] + Math.max(0, request.numBlocks() - (config.routerAssumeKvReuse() ? overlap[w] : 0))
                : 0;
    }

    private double activeTerm(int w) {
        return config.decodeActiveRequestWeight() * activeRequests[w];
    }

    /** Returns the cost of sending {@code request} to worker {@code w} (the overlaps must be filled). */
    private double logit(Request request, int w, double decay) {
        double creditBlocks = creditBlocks(request, w, decay);
        double decodeBlocks = decodeBlocks(request, w);
        double active = activeTerm(w);
        if (!config.routerTrackPrefillTokens()) {
            return (role == WorkerType.DECODE ? Math.max(decodeBlocks - creditBlocks, 0) : decodeBlocks) + active;
        }
        return scale * (prefillBlocks(request, w) - creditBlocks) + decodeBlocks + active;
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
