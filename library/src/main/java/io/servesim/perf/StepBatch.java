package io.servesim.perf;

import java.util.Arrays;

/**
 * The shape of one engine pass, filled in by a scheduler and priced by a {@link StepTimer}: the prefill chunks
 * scheduled this pass and the sequences that decode one token. Mutable and reusable so the simulator's hot path
 * does not allocate; {@link #clear()} before each pass.
 */
public final class StepBatch {
    private int prefillCount;
    private int[] prefillNewTokens = new int[64];
    private int[] prefillCachedTokens = new int[64];
    private long prefillNewTokensSum;
    private int decodeCount;
    private long decodeContextSum;
    private long activeKvTokens;
    private long totalKvTokens;

    /** Empties the batch for the next pass. */
    public StepBatch clear() {
        prefillCount = 0;
        prefillNewTokensSum = 0;
        decodeCount = 0;
        decodeContextSum = 0;
        activeKvTokens = 0;
        totalKvTokens = 0;
        return this;
    }

    /**
     * Adds one prefill chunk: {@code newTokens} prompt tokens computed this pass on top of {@code cachedTokens}
     * tokens already in the KV cache (prefix-cache hits plus chunks computed in earlier passes).
     */
    public StepBatch addPrefill(int newTokens, int cachedTokens) {
        if (prefillCount == prefillNewTokens.length) {
            prefillNewTokens = Arrays.copyOf(prefillNewTokens, prefillCount * 2);
            prefillCachedTokens = Arrays.copyOf(prefillCachedTokens, prefillCount * 2);
        }
        prefillNewTokens[prefillCount] = newTokens;
        prefillCachedTokens[prefillCount] = cachedTokens;
        prefillCount++;
        prefillNewTokensSum += newTokens;
        return this;
    }

    /** Adds one decoding sequence whose KV context (prompt plus generated tokens) is {@code contextTokens}. */
    public StepBatch addDecode(int contextTokens) {
        decodeCount++;
        decodeContextSum += contextTokens;
        return this;
    }

    /** Adds {@code count} decoding sequences whose contexts add up to {@code contextSum} tokens. */
    public StepBatch addDecodes(int count, long contextSum) {
        decodeCount += count;
        decodeContextSum += contextSum;
        return this;
    }

    /** Sets the worker's KV occupancy (used by occupancy-based timing models such as the polynomial one). */
    public StepBatch kvOccupancy(long activeKvTokens, long totalKvTokens) {
        this.activeKvTokens = activeKvTokens;
        this.totalKvTokens = totalKvTokens;
        return this;
    }

    /** Returns the number of prefill chunks in this pass. */
    public int prefillCount() { return prefillCount; }

    /** Returns the new (computed) tokens of prefill chunk {@code i}. */
    public int prefillNewTokens(int i) { return prefillNewTokens[i]; }

    /** Returns the tokens already cached before prefill chunk {@code i}. */
    public int prefillCachedTokens(int i) { return prefillCachedTokens[i]; }

    /** Returns the sum of new prefill tokens over all chunks. */
    public long prefillNewTokensSum() { return prefillNewTokensSum; }

    /** Returns the number of sequences decoding one token this pass. */
    public int decodeCount() { return decodeCount; }

    /** Returns the sum of the decoding sequences' context lengths. */
    public long decodeContextSum() { return decodeContextSum; }

    /** Returns the mean context length of decoding sequences (0 when none decode). */
    public double decodeMeanContext() { return decodeCount == 0 ? 0 : (double) decodeContextSum / decodeCount; }

    /** Returns the total tokens processed this pass (new prefill tokens plus one per decoding sequence). */
    public long totalTokens() { return prefillNewTokensSum + decodeCount; }

    /** Returns the KV tokens held by active sequences on the worker. */
    public long activeKvTokens() { return activeKvTokens; }

    /** Returns the worker's KV capacity in tokens. */
    public long totalKvTokens() { return totalKvTokens; }

    /** Returns true when nothing is scheduled. */
    public boolean isEmpty() { return prefillCount == 0 && decodeCount == 0; }
}
