package io.servesim.util;

import java.util.Arrays;

/**
 * An open-addressing map from long keys to non-negative int values, without boxing; -1 means absent. Linear probing,
 * kept at most a quarter full: the short probe chains make misses and removals (backward shift) cheap, which is
 * what the KV block pool and the prefix index, with a removal for almost every insertion, spend their time on. Not
 * thread-safe.
 */
public final class LongIntMap {
    private static final long EMPTY = 0x8000_0000_0000_0001L;
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;
    private boolean hasEmptyKey;
    private int emptyKeyValue;

    /** Creates a map sized for about {@code expected} entries. */
    public LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 4 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        Arrays.fill(keys, EMPTY);
        mask = cap - 1;
    }

    /** Returns the value of {@code key}, or -1 when absent. */
    public int get(long key) {
        if (key == EMPTY) {
            return hasEmptyKey ? emptyKeyValue : -1;
        }
        int i = probe(key);
        return i >= 0 ? values[i] : -1;
    }

    /** Maps {@code key} to {@code value} (non-negative), replacing any value it had. */
    public void put(long key, int value) {
        if (key == EMPTY) {
            hasEmptyKey = true;
            emptyKeyValue = value;
            return;
        }
        int i = probe(key);
        if (i >= 0) {
            values[i] = value;
        } else {
            insert(~i, key, value);
        }
    }

    /**
     * Maps {@code key} to {@code value} (non-negative) unless it is present; returns its present value, or -1 when
     * it was absent and is now mapped (one probe where {@code get} then {@code put} takes two).
     */
    public int putIfAbsent(long key, int value) {
        if (key == EMPTY) {
            if (hasEmptyKey) {
                return emptyKeyValue;
            }
            hasEmptyKey = true;
            emptyKeyValue = value;
            return -1;
        }
        int i = probe(key);
        if (i >= 0) {
            return values[i];
        }
        insert(~i, key, value);
        return -1;
    }

    /** ORs {@code bits} (non-negative) into the value of {@code key}, an absent key counting as 0; one probe. */
    public void or(long key, int bits) {
        if (key == EMPTY) {
            emptyKeyValue = hasEmptyKey ? emptyKeyValue | bits : bits;
            hasEmptyKey = true;
            return;
        }
        int i = probe(key);
        if (i >= 0) {
            values[i] |= bits;
        } else {
            insert(~i, key, bits);
        }
    }

    /**
     * Returns the position of {@code key} for {@link #valueAt} and {@link #removeAt}, or -1 when absent; a position
     * is valid until the next change to the map.
     */
    public int find(long key) {
        if (key == EMPTY) {
            return hasEmptyKey ? keys.length : -1;
        }
        int i = probe(key);
        return i >= 0 ? i : -1;
    }

    /** Returns the value at position {@code pos} (from {@link #find}). */
    public int valueAt(int pos) {
        return pos == keys.length ? emptyKeyValue : values[pos];
    }

    /** Sets the value (non-negative) at position {@code pos} (from {@link #find}). */
    public void setAt(int pos, int value) {
        if (pos == keys.length) {
            emptyKeyValue = value;
        } else {
            values[pos] = value;
        }
    }

    /** Removes {@code key} if present. */
    public void remove(long key) {
        int pos = find(key);
        if (pos >= 0) {
            removeAt(pos);
        }
    }

    /** Removes the entry at position {@code pos} (from {@link #find}). */
    public void removeAt(int pos) {
        if (pos == keys.length) {
            hasEmptyKey = false;
            return;
        }
        // backward-shift deletion keeps probe chains intact
        int gap = pos;
        int j = pos;
        while (true) {
            j = (j + 1) & mask;
            long k = keys[j];
            if (k == EMPTY) {
                break;
            }
            int home = slot(k);
            boolean between = gap <= j ? (gap < home && home <= j) : (gap < home || home <= j);
            if (!between) {
                keys[gap] = k;
                values[gap] = values[j];
                gap = j;
            }
        }
        keys[gap] = EMPTY;
        size--;
    }

    /** Returns the number of entries. */
    public int size() {
        return size + (hasEmptyKey ? 1 : 0);
    }

    /** Returns the slot holding {@code key} (not {@link #EMPTY}), or {@code ~slot} of the empty slot ending its chain. */
    private int probe(long key) {
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k == EMPTY) {
                return ~i;
            }
            i = (i + 1) & mask;
        }
    }

    /** Puts {@code key} into the empty slot {@code i} (from {@link #probe}), growing the table when it is too full. */
    private void insert(int i, long key, int value) {
        keys[i] = key;
        values[i] = value;
        if (++size * 4 > keys.length) {
            grow();
        }
    }

    private int slot(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
