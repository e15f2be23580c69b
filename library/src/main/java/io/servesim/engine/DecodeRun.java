package io.servesim.engine;

import io.servesim.perf.StepBatch;
import io.servesim.perf.StepTimer;
import java.util.Arrays;

/**
 * Passes a worker has planned ahead while it only decodes (see {@link EngineSim#startPass(double, boolean)}): pass 1
 * is the one started, passes 2..{@link #passes()} start as their predecessor ends. Each pass's length is the one the
 * worker would have worked out at that pass's start. Mutable; owned by one worker.
 */
final class DecodeRun {
    private double[] endMs = new double[16];
    private double[] passMs = new double[16];
    private double startMs;
    private double kvOccupancy;
    private int passes;

    /** Starts a plan whose pass 1 runs from {@code startMs} for {@code ms}. */
    void begin(double startMs, double ms, double kvOccupancy) {
        this.startMs = startMs;
        this.kvOccupancy = kvOccupancy;
        passes = 0;
        append(ms, startMs + ms);
    }

    /**
     * Plans passes 2..k after pass 1, whose decode-only shape is in {@code batch}: the same sequences, each context
     * one token longer per pass, each pass priced at its own start ({@code batch} is left with the last one's).
     */
    void plan(int k, StepBatch batch, StepTimer timer, double stepOverheadMs) {
        int n = batch.decodeCount();
        long contextSum = batch.decodeContextSum();
        long activeKv = batch.activeKvTokens();
        long totalKv = batch.totalKvTokens();
        double end = endMs(1);
        for (int j = 2; j <= k; j++) {
            contextSum += n;
            batch.clear().addDecodes(n, contextSum).kvOccupancy(activeKv, totalKv);
            double ms = timer.stepMs(batch) + stepOverheadMs;
            end = end + ms;
            append(ms, end);
        }
    }

    /** Adds the next pass, {@code ms} long, ending at {@code endMs}. */
    void append(double ms, double endMs) {
        if (passes == this.endMs.length) {
            this.endMs = Arrays.copyOf(this.endMs, passes * 2);
            passMs = Arrays.copyOf(passMs, passes * 2);
        }
        this.endMs[passes] = endMs;
        passMs[passes] = ms;
        passes++;
    }

    /** Returns the planned passes (0 when none is). */
    int passes() {
        return passes;
    }

    /** Returns when pass {@code j} (1-based) ends. */
    double endMs(int j) {
        return endMs[j - 1];
    }

    /** Returns how long pass {@code j} (1-based) lasts. */
    double passMs(int j) {
        return passMs[j - 1];
    }

    /** Returns when pass {@code j} (1-based) starts. */
    double startMs(int j) {
        return j == 1 ? startMs : endMs[j - 2];
    }

    /** Returns the KV occupancy during the plan (no block is allocated or freed in it). */
    double kvOccupancy() {
        return kvOccupancy;
    }

    /**
     * Keeps only the passes that started before {@code nowMs} (a pass starting at {@code nowMs} would have seen what
     * happens at {@code nowMs}); returns true when that dropped any.
     */
    boolean cutAt(double nowMs) {
        int kept = 1;
        while (kept < passes && startMs(kept + 1) < nowMs) {
            kept++;
        }
        boolean cut = kept < passes;
        passes = kept;
        return cut;
    }

    /** Forgets the plan. */
    void clear() {
        passes = 0;
    }
}
