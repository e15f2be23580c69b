package io.servesim.perf;

/**
 * A fixed-size memo of a pure function of an (int, long) key (a double key passes its raw bits), for the step timers'
 * hot path: a hit returns the value stored for exactly that key, so a memoised result is bit for bit the computed
 * one. Shared by threads without locks: each slot holds an immutable entry (final fields, safely published), a
 * thread that misses computes the value and may replace the slot's entry, and since the function is pure it does not
 * matter which thread's entry a slot ends up holding — results never depend on thread interleaving. Direct-mapped:
 * a colliding key evicts the older one (memory stays bounded; only speed depends on the keys). A key is stored the
 * second time in a row its slot misses on it, so keys seen once (most keys, when they do not repeat) cost neither an
 * allocation nor an eviction. Once warm a lookup only reads, so two threads do not contend for its cache lines.
 */
final class ExactMemo {
    private static final long SPREAD = 0x9E3779B97F4A7C15L;

    /** One memoised value with its key; immutable, so a racy read sees either null or a whole entry. */
    private static final class Entry {
        final long key;
        final int n;
        final double value;

        Entry(long key, int n, double value) {
            this.key = key;
            this.n = n;
            this.value = value;
        }
    }

    private final Entry[] slots;
    /**
     * Per slot, a tag (hash) of the last key that missed there, for admission on the second miss. Only a hint: a
     * racy or shared tag can store a key early or late, never change a value.
     */
    private final int[] lastMiss;
    private final int shift;

    /** Creates a memo of {@code 2^log2Slots} slots. */
    ExactMemo(int log2Slots) {
        if (log2Slots < 1 || log2Slots > 24) {
            throw new IllegalArgumentException("log2Slots (" + log2Slots + ") should be in 1..24");
        }
        slots = new Entry[1 << log2Slots];
        lastMiss = new int[1 << log2Slots];
        shift = 64 - log2Slots;
    }

    private int slot(int n, long key) {
        return (int) (((key ^ (n * SPREAD)) * SPREAD) >>> shift);
    }

    /** Returns the value stored for ({@code n}, {@code key}), or NaN when it is not (or no longer) stored. */
    double get(int n, long key) {
        Entry e = slots[slot(n, key)];
        return e != null && e.key == key && e.n == n ? e.value : Double.NaN;
    }

    /**
     * Offers {@code value}, just computed after a miss, for ({@code n}, {@code key}): stored (replacing whatever its
     * slot held) when the slot's previous miss was on the same key; returns {@code value}.
     */
    double put(int n, long key, double value) {
        int s = slot(n, key);
        int tag = (int) ((key * SPREAD + n) >>> 32);
        if (lastMiss[s] == tag) {
            slots[s] = new Entry(key, n, value);
        } else {
            lastMiss[s] = tag;
        }
        return value;
    }
}
