package io.servesim.engine;

import io.servesim.workload.Request;
import java.util.Arrays;

/**
 * One request's life inside a worker: tokens known ({@code prompt + generated}), tokens whose KV is computed, the KV
 * blocks it holds, and the times its tokens came out. Mutable; owned by one worker at a time.
 */
public final class Sequence {
    final Request request;
    final int promptLength;
    final int outputTarget;
    final boolean decodeOnly;
    int generated;
    /** The prompt's KV arrives from a prefill worker (decode workers); cleared once used or lost to preemption. */
    boolean kvTransferred;
    int computed;
    /** KV block ids, sized for the prompt and the first generated token's block so it rarely grows. */
    int[] blocks;
    int numBlocks;
    int registeredBlocks;
    int reusedTokens = -1;
    boolean prefillDone;
    int lastTake;
    boolean lastWasPrefill;
    /** Time the sequence entered the worker's queue. */
    double enqueuedMs;
    /** Set by the worker. */
    double firstTokenMs = Double.NaN;
    double secondTokenMs = Double.NaN;
    double lastTokenMs = Double.NaN;
    int worker = -1;
    private Object attachment;

    /**
     * Creates a sequence for {@code request}: {@code outputTarget} tokens to generate here ({@code 1} on a prefill
     * worker); {@code decodeOnly} when the prompt's KV arrives from a prefill worker and is not computed here.
     */
    public Sequence(Request request, int outputTarget, boolean decodeOnly) {
        this.request = request;
        this.promptLength = request.inputLength();
        this.outputTarget = outputTarget;
        this.decodeOnly = decodeOnly;
        this.kvTransferred = decodeOnly;
        this.blocks = new int[Math.max(8, request.numBlocks() + 1)];
    }

    /** Returns the request. */
    public Request request() {
        return request;
    }

    /** Returns tokens generated so far on this worker. */
    public int generated() {
        return generated;
    }

    /** Returns the prompt tokens served from the prefix cache at admission (max over re-admissions), 0 if none. */
    public int reusedTokens() {
        return Math.max(reusedTokens, 0);
    }

    /** Returns when the first token came out, NaN before. */
    public double firstTokenMs() {
        return firstTokenMs;
    }

    /** Returns when the latest token came out, NaN before. */
    public double lastTokenMs() {
        return lastTokenMs;
    }

    /** Returns when the second token came out, NaN before. */
    public double secondTokenMs() {
        return secondTokenMs;
    }

    /** Returns the worker index that served the sequence. */
    public int worker() {
        return worker;
    }

    /** Returns what the cluster attached to this sequence (its bookkeeping of the request), or null. */
    public Object attachment() {
        return attachment;
    }

    /** Attaches the cluster's bookkeeping object. */
    public void attach(Object value) {
        attachment = value;
    }

    /** Returns true once every token to generate here came out. */
    public boolean finished() {
        return generated >= outputTarget;
    }

    int tokens() {
        return promptLength + generated;
    }

    void addBlock(int block) {
        if (numBlocks == blocks.length) {
            blocks = Arrays.copyOf(blocks, numBlocks * 2);
        }
        blocks[numBlocks++] = block;
    }
}
