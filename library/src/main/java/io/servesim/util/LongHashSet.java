package io.servesim.util;

import java.util.Arrays;

/**
 * A set of longs in one open-addressing table (linear probing, at most 3/4 full): 8 to 16 bytes per element
 * instead of the ~50 of a {@code HashSet<Long>}, so the distinct block ids of a million-request trace fit in a small
 * heap. Exact; no removal. Not thread-safe.
 */
public final class LongHashSet {
    private static final long EMPTY = 0x8000_0000_0000_0001L;
    private long[] keys;
    private int size;
    private int mask;
    private boolean hasEmpty;

    /** Creates a set sized for about {@code expected} elements. */
    public LongHashSet(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 4 / 3)) << 1;
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        mask = cap - 1;
    }

    /** Adds {@code key}; returns false when it was already present. */
    public boolean add(long key) {
        if (key == EMPTY) {
            boolean fresh = !hasEmpty;
            hasEmpty = true;
            return fresh;
        }
        int i = slot(key, mask);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return false;
            }
            if (k == EMPTY) {
                keys[i] = key;
                if (++size > keys.length / 4 * 3) {
                    grow();
                }
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    /** Returns the number of elements. */
    public int size() {
        return size + (hasEmpty ? 1 : 0);
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] old = keys;
        keys = new long[old.length * 2];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
        for (long k : old) {
            if (k != EMPTY) {
                int i = slot(k, mask);
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
            }
        }
    }
}
