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
 * {@link StepTimer} plus the engine's host time per pass ({@code step_overhead_ms}). Prefill workers stop a request
 * after its first token; decode workers receive the prompt's KV and only decode. KV blocks per sequence are kept by a
 * {@code KvAllocator}. A worker that only decodes can plan several passes at once (a decode run, see
 * {@link #startPass(double, boolean)}). Not thread-safe.
 */
public final class EngineSim {
    /** Most passes planned at once in a decode run (bounds the planning lost when a request arrives mid-run). */
    static final int MAX_RUN = 64;
    private final int index;
    private final WorkerType role;
    private final int blockSize;
    private final int maxSeqs;
    private final int maxBatchedTokens;
    private final boolean chunkedPrefill;
    private final boolean prefixCaching;
    private final StepTimer timer;
    private final double stepOverheadMs;
    private final KvAllocator blocks;
    private final KvEventBuffer events = new KvEventBuffer();
    private final ArrayDeque<Sequence> waiting = new ArrayDeque<>();
    private final ArrayList<Sequence> running = new ArrayList<>();
    private final ArrayList<Sequence> scheduled = new ArrayList<>();
    private final StepBatch batch = new StepBatch();
    private final WorkerTimeline timeline = new WorkerTimeline();
    private final DecodeRun run = new DecodeRun();
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
        this.prefixCaching = args.enablePrefixCaching();
        this.timer = timer;
        this.stepOverheadMs = args.stepOverhead();
        this.blocks = new KvAllocator(new BlockPool(numGpuBlocks, index, events), blockSize, prefixCaching,
                chunkedPrefill);
    }

    /** Returns the worker's index in its pool. */
    public int index() {
        return index;
    }

    /**
     * Queues {@code seq} at the back of the waiting queue. Returns true when that ends a decode run early: the passes
     * planned to start at or after {@code nowMs} are dropped, so {@link #passEndMs()} moved earlier. A request that
     * could join none of the planned passes leaves the run as it is: one queued behind a handed-off prompt whose
     * blocks are not free, one that is such a prompt itself, or any while the batch is at {@code max_num_seqs}
     * (during a run no block is allocated or freed and no sequence leaves, so each planned pass would find the same
     * first in line, and admit nothing).
     */
    public boolean enqueue(Sequence seq, double nowMs) {
        seq.worker = index;
        seq.enqueuedMs = nowMs;
        waiting.addLast(seq);
        return busy && !waitingStaysOut() && run.cutAt(nowMs);
    }

    /** Returns when the last pass started (or planned) ends: the time {@link #finishPass} is due. */
    public double passEndMs() {
        return run.endMs(run.passes());
    }

    /** Returns when the last pass started (or planned) starts. */
    public double passStartMs() {
        return run.startMs(run.passes());
    }

    /** Returns true while a pass is running. */
    public boolean busy() {
        return busy;
    }

    /** Returns true when a pass would have something to do. */
    public boolean hasWork() {
        return !running.isEmpty() || !waiting.isEmpty();
    }

    /** Schedules one pass at {@code nowMs}, without a decode run: {@code startPass(nowMs, false)}. */
    public double startPass(double nowMs) {
        return startPass(nowMs, false);
    }

    /**
     * Schedules one pass at {@code nowMs} and returns when {@link #finishPass} is due, or NaN when nothing could be
     * scheduled (for example every waiting prompt needs more KV blocks than are free). With {@code decodeRun}, a
     * worker whose every sequence is decoding, with no waiting request able to join, plans the passes that follow as
     * well, as long as none could schedule differently (no sequence finishes before the last of them, none needs a
     * new KV block) and at most {@value #MAX_RUN}: each pass is priced exactly as it would be at its own start, and
     * {@link #finishPass} at the last one's end emits every planned pass's tokens in order. Only a request queued
     * here can change such a plan, and {@link #enqueue} cuts it.
     */
    public double startPass(double nowMs, boolean decodeRun) {
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
            while (!blocks.grow(s, s.computed + take)) {
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
                if (!blocks.admit(s, budget)) {
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
        batch.kvOccupancy((long) blocks.used() * blockSize, (long) blocks.capacity() * blockSize);
        double ms = timer.stepMs(batch) + stepOverheadMs;
        busy = true;
        passes++;
        busyMs += ms;
        double occupancy = (double) blocks.used() / blocks.capacity();
        timeline.record(nowMs, ms, occupancy);
        run.begin(nowMs, ms, occupancy);
        if (decodeRun && !preempted) {
            int k = decodeRunLength();
            if (k >= 2) {
                run.plan(k, batch, timer, stepOverheadMs);
            }
        }
        return passEndMs();
    }

    /** Returns how many passes this decode-only batch can run unchanged (fewer than 2: none to plan). */
    private int decodeRunLength() {
        if (role == WorkerType.PREFILL || !waitingStaysOut() || scheduled.size() != running.size()
                || batch.prefillCount() > 0 || !events.isEmpty()) {
            return 0;
        }
        int k = MAX_RUN;
        for (int i = 0, n = running.size(); i < n; i++) {
            Sequence s = running.get(i);
            if (!s.prefillDone || s.lastTake != 1 || s.tokens() - s.computed != 1
                    || (prefixCaching && s.registeredBlocks < s.promptLength / blockSize)) {
                return 0;
            }
            // pass j decodes token computed + j: it needs no new block while that fits, and s finishes in pass k
            k = Math.min(k, Math.min(s.outputTarget - s.generated, s.numBlocks * blockSize - s.computed));
        }
        return k;
    }

    /**
     * Returns true when no waiting sequence can join while the running ones decode without allocating: none waits,
     * the batch is at {@code max_num_seqs}, or the first in line is a handed-off prompt whose blocks are not free
     * (its admission fails without touching anything, and no block is freed before a sequence finishes).
     */
    private boolean waitingStaysOut() {
        if (waiting.isEmpty() || running.size() >= maxSeqs) {
            return true;
        }
        Sequence head = waiting.peekFirst();
        return head.kvTransferred && !blocks.promptFits(head);
    }

    /** Completes the running pass at {@code endMs}: tokens come out, finished sequences release their blocks. */
    public void finishPass(double endMs, EngineListener listener, KvEventListener kvEvents) {
        busy = false;
        if (run.passes() > 1) {
            finishRun(listener);
        }
        run.clear();
        int done = emitTokens(endMs, listener);
        if (done > 0) {
            removeFinished(endMs, listener);
        }
        events.drainTo(kvEvents);
    }

    /**
     * Completes every pass of a decode run but the last, with the same effects, in the same order, as one by one:
     * pass 1 emits each sequence's own gap; in passes 2..k-1 every sequence's previous token came out as the previous
     * pass ended, so each pass is one run of equal gaps, and the sequences advance once for all of them.
     */
    private void finishRun(EngineListener listener) {
        int k = run.passes();
        for (int j = 2; j <= k; j++) {
            passes++;
            busyMs += run.passMs(j);
            timeline.record(run.startMs(j), run.passMs(j), run.kvOccupancy());
        }
        emitTokens(run.endMs(1), listener);
        if (k == 2) {
            return;
        }
        int n = scheduled.size();
        for (int j = 2; j < k; j++) {
            listener.tokens(index, run.endMs(j), run.endMs(j) - run.endMs(j - 1), n);
        }
        double second = run.endMs(2);
        double last = run.endMs(k - 1);
        for (int i = 0; i < n; i++) {
            Sequence s = scheduled.get(i);
            s.computed += k - 2;
            s.generated += k - 2;
            if (Double.isNaN(s.secondTokenMs)) {
                s.secondTokenMs = second;
            }
            s.lastTokenMs = last;
        }
    }

    /** Emits the tokens of the pass ending at {@code endMs}; returns how many sequences finished. */
    private int emitTokens(double endMs, EngineListener listener) {
        int done = 0;
        // equal gaps of consecutive sequences (all that decoded in the same previous pass) are reported as one run
        double runGap = Double.NaN;
        int runLength = 0;
        for (int i = 0, n = scheduled.size(); i < n; i++) {
            Sequence s = scheduled.get(i);
            s.computed += s.lastTake;
            if (prefixCaching) {
                blocks.registerFullBlocks(s);
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
        return done;
    }

    /** Releases the finished sequences (only those of the last pass can be) in running order, keeping the rest. */
    private void removeFinished(double endMs, EngineListener listener) {
        int kept = 0;
        for (int i = 0; i < running.size(); i++) {
            Sequence s = running.get(i);
            if (s.finished()) {
                blocks.release(s);
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

    /** Frees a running sequence's KV and sends it back to the head of the queue; its tokens are recomputed. */
    private void preempt(Sequence s) {
        blocks.release(s);
        s.computed = 0;
        s.kvTransferred = false;
        preemptions++;
        waiting.addFirst(s);
    }
}
