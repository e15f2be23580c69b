package io.servesim.engine;

import io.servesim.perf.StepBatch;
import io.servesim.perf.StepTimer;
import io.servesim.spec.EngineArgs;
import io.servesim.spec.WorkerType;
import java.util.ArrayDeque;
import java.util.ArrayList;

/**
 * One simulated vLLM-like worker of TP GPUs: continuous batching over a waiting and a running queue under a token
 * budget ({@code max_num_batched_tokens}) and {@code max_num_seqs}, chunked prefill, prefix caching on full blocks,
 * and newest-first preemption with recompute when KV blocks run out. A pass is scheduled at its start
 * ({@link #startPass}) and its tokens come out at its end ({@link #finishPass}); the pass length comes from the
 * {@link StepTimer} plus the engine's host time per pass ({@code step_overhead_ms}). Prefill workers stop a request after its first token; decode workers receive the prompt's KV
 * and only decode. Not thread-safe.
 */
public final class EngineSim {
    private final int index;
    private final WorkerType role;
    private final int blockSize;
    private final int maxSeqs;
    private final int maxBatchedTokens;
    private final boolean chunkedPrefill;
    private final boolean prefixCaching;
    private final StepTimer timer;
    private final double stepOverheadMs;
    private final BlockPool pool;
    private final KvEventBuffer events = new KvEventBuffer();
    private final ArrayDeque<Sequence> waiting = new ArrayDeque<>();
    private final ArrayList<Sequence> running = new ArrayList<>();
    private final ArrayList<Sequence> scheduled = new ArrayList<>();
    private final StepBatch batch = new StepBatch();
    private final WorkerTimeline timeline = new WorkerTimeline();
    private boolean busy;
    private long passes;
    private long preemptions;
    private double busyMs;

    /** Creates worker {@code index} with {@code numGpuBlocks} KV blocks. */
    public EngineSim(int index, EngineArgs args, int numGpuBlocks, StepTimer timer) {
        this.index = index;
        this.role = args.workerType() == null ? WorkerType.AGGREGATED : args.workerType();
        this.blockSize = args.blockSize();
        this.maxSeqs = args.maxNumSeqs();
        this.maxBatchedTokens = args.maxNumBatchedTokens();
        this.chunkedPrefill = args.enableChunkedPrefill();
        this.prefixCaching = args.enablePrefixCaching() && role != WorkerType.DECODE;
        this.timer = timer;
        this.stepOverheadMs = args.stepOverhead();
        this.pool = new BlockPool(numGpuBlocks, index, events);
    }

    /** Returns the worker's index in its pool. */
    public int index() {
        return index;
    }

    /** Queues {@code seq} at the back of the waiting queue. */
    public void enqueue(Sequence seq, double nowMs) {
        seq.worker = index;
        seq.enqueuedMs = nowMs;
        waiting.addLast(seq);
    }

    /** Returns true while a pass is running. */
    public boolean busy() {
        return busy;
    }

    /** Returns true when a pass would have something to do. */
    public boolean hasWork() {
        return !running.isEmpty() || !waiting.isEmpty();
    }

    /**
     * Schedules one pass at {@code nowMs} and returns its end time, or NaN when nothing could be scheduled (for
     * example every waiting prompt needs more KV blocks than are free).
     */
    public double startPass(double nowMs) {
        scheduled.clear();
        batch.clear();
        int budget = maxBatchedTokens;
        boolean preempted = false;
        for (int i = 0; i < running.size() && budget > 0; i++) {
            Sequence s = running.get(i);
            int take = Math.min(s.tokens() - s.computed, budget);
            if (take < s.tokens() - s.computed && !chunkedPrefill) {
                break;
            }
            while (!grow(s, s.computed + take)) {
                Sequence victim = running.get(running.size() - 1);
                preempt(victim);
                running.remove(running.size() - 1);
                preempted = true;
                if (victim == s) {
                    break;
                }
            }
            if (i >= running.size() || running.get(i) != s) {
                break;
            }
            plan(s, take);
            budget -= take;
        }
        if (!preempted) {
            while (budget > 0 && running.size() < maxSeqs && !waiting.isEmpty()) {
                Sequence s = waiting.peekFirst();
                if (!admit(s, budget)) {
                    break;
                }
                waiting.pollFirst();
                running.add(s);
                int take = Math.min(s.tokens() - s.computed, budget);
                plan(s, take);
                budget -= take;
            }
        }
        if (scheduled.isEmpty()) {
            return Double.NaN;
        }
        batch.kvOccupancy((long) pool.used() * blockSize, (long) pool.capacity() * blockSize);
        double ms = timer.stepMs(batch) + stepOverheadMs;
        busy = true;
        passes++;
        busyMs += ms;
        timeline.record(nowMs, ms, (double) pool.used() / pool.capacity());
        return nowMs + ms;
    }

    /** Completes the running pass at {@code endMs}: tokens come out, finished sequences release their blocks. */
    public void finishPass(double endMs, EngineListener listener, KvEventListener kvEvents) {
        busy = false;
        int done = 0;
        // equal gaps of consecutive sequences (all that decoded in the same previous pass) are reported as one run
        double runGap = Double.NaN;
        int runLength = 0;
        for (int i = 0, n = scheduled.size(); i < n; i++) {
            Sequence s = scheduled.get(i);
            s.computed += s.lastTake;
            if (prefixCaching) {
                registerFullBlocks(s);
            }
            if (s.computed < s.tokens()) {
                continue;
            }
            if (!s.prefillDone && s.computed >= s.promptLength) {
                s.prefillDone = true;
                if (runLength > 0) {
                    listener.tokens(index, endMs, runGap, runLength);
                    runLength = 0;
                }
                listener.prefillCompleted(s, endMs);
            }
            s.generated++;
            if (role != WorkerType.PREFILL) {
                double gap = Double.isNaN(s.lastTokenMs) ? Double.NaN : endMs - s.lastTokenMs;
                if (Double.isNaN(s.firstTokenMs)) {
                    s.firstTokenMs = endMs;
                } else if (Double.isNaN(s.secondTokenMs)) {
                    s.secondTokenMs = endMs;
                }
                s.lastTokenMs = endMs;
                if (!Double.isNaN(gap)) {
                    if (runLength > 0 && gap != runGap) {
                        listener.tokens(index, endMs, runGap, runLength);
                        runLength = 0;
                    }
                    runGap = gap;
                    runLength++;
                }
            } else {
                s.firstTokenMs = endMs;
                s.lastTokenMs = endMs;
            }
            if (s.finished()) {
                done++;
            }
        }
        if (runLength > 0) {
            listener.tokens(index, endMs, runGap, runLength);
        }
        if (done > 0) {
            removeFinished(endMs, listener);
        }
        events.drainTo(kvEvents);
    }

    /** Releases the finished sequences (only those of the last pass can be) in running order, keeping the rest. */
    private void removeFinished(double endMs, EngineListener listener) {
        int kept = 0;
        for (int i = 0; i < running.size(); i++) {
            Sequence s = running.get(i);
            if (s.finished()) {
                releaseBlocks(s);
                s.computed = 0;
                listener.finished(s, endMs);
            } else {
                running.set(kept++, s);
            }
        }
        while (running.size() > kept) {
            running.remove(running.size() - 1);
        }
    }

    /** Returns this worker's statistics over a run of {@code durationMs}. */
    public WorkerTimeline timeline() {
        return timeline;
    }

    /** Returns passes run so far. */
    public long passes() {
        return passes;
    }

    /** Returns preemptions so far. */
    public long preemptions() {
        return preemptions;
    }

    /** Returns the total time spent in passes. */
    public double busyMs() {
        return busyMs;
    }

    private void plan(Sequence s, int take) {
        s.lastTake = take;
        scheduled.add(s);
        boolean decodeStep = s.tokens() - s.computed == 1 && (s.computed > 0 || s.decodeOnly);
        if (decodeStep) {
            batch.addDecode(s.computed + 1);
        } else {
            batch.addPrefill(take, s.computed);
        }
    }

    /** Tries to admit a waiting sequence: takes its cached prefix and the blocks of its first chunk. */
    private boolean admit(Sequence s, int budget) {
        if (s.kvTransferred) {
            int need = ceilDiv(s.promptLength, blockSize);
            if (pool.available() < need) {
                return false;
            }
            for (int i = 0; i < need; i++) {
                s.addBlock(pool.allocate());
            }
            s.computed = s.promptLength - 1;
            s.prefillDone = true;
            s.reusedTokens = 0;
            s.kvTransferred = false;
            return true;
        }
        int hits = 0;
        if (prefixCaching && s.computed == 0) {
            long[] hashes = s.request.blockHashes();
            int fullPromptBlocks = s.promptLength / blockSize;
            int limit = Math.min(fullPromptBlocks, (s.tokens() - 1) / blockSize);
            // the leading cached blocks, each looked up once (acquiring one does not change what is cached)
            for (int b; hits < limit && (b = pool.lookup(hashes[hits])) >= 0; hits++) {
                pool.acquire(b);
                s.addBlock(b);
            }
            s.registeredBlocks = hits;
            s.computed = hits * blockSize;
        }
        int take = Math.min(s.tokens() - s.computed, budget);
        if ((take < s.tokens() - s.computed && !chunkedPrefill) || !grow(s, s.computed + take)) {
            releaseBlocks(s);
            s.computed = 0;
            return false;
        }
        s.reusedTokens = Math.max(s.reusedTokens, hits * blockSize);
        return true;
    }

    /** Makes sure {@code s} holds blocks for {@code tokens} tokens; false when the pool runs dry. */
    private boolean grow(Sequence s, int tokens) {
        int need = ceilDiv(tokens, blockSize) - s.numBlocks;
        if (need <= 0) {
            return true;
        }
        if (pool.available() < need) {
            return false;
        }
        for (int i = 0; i < need; i++) {
            s.addBlock(pool.allocate());
        }
        return true;
    }

    private void registerFullBlocks(Sequence s) {
        if (!prefixCaching) {
            return;
        }
        long[] hashes = s.request.blockHashes();
        int full = Math.min(s.computed, s.promptLength) / blockSize;
        for (int i = s.registeredBlocks; i < full; i++) {
            s.blocks[i] = pool.register(s.blocks[i], hashes[i]);
        }
        s.registeredBlocks = Math.max(s.registeredBlocks, full);
    }

    /** Frees a running sequence's KV and sends it back to the head of the queue; its tokens are recomputed. */
    private void preempt(Sequence s) {
        releaseBlocks(s);
        s.computed = 0;
        s.kvTransferred = false;
        preemptions++;
        waiting.addFirst(s);
    }

    /** Releases every block of {@code s}, last block first so suffixes are evicted before their prefixes. */
    private void releaseBlocks(Sequence s) {
        for (int i = s.numBlocks - 1; i >= 0; i--) {
            pool.release(s.blocks[i]);
        }
        s.numBlocks = 0;
        s.registeredBlocks = 0;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
