package io.servesim.router;

import io.servesim.util.LongIntMap;
import java.util.Arrays;

/**
 * The router's view of which worker caches which KV block, fed by the workers' stored/removed events: block hash →
 * set of workers (a bit set in a primitive slab, no boxing). Answers "how many leading blocks of this prompt does each
 * worker hold" in one walk over the prompt that stops as soon as no worker matches.
 */
final class PrefixIndex {
    private final int workers;
    private final int words;
    private final LongIntMap slots = new LongIntMap(1 << 14);
    private long[] masks;
    private int[] free = new int[64];
    private int freeCount;
    private int used;
    private final long[] alive;

    /** Creates an empty index over {@code workers} workers. */
    PrefixIndex(int workers) {
        this.workers = workers;
        this.words = (workers + 63) >>> 6;
        this.masks = new long[1024 * words];
        this.alive = new long[words];
    }

    /** Records that {@code worker} caches {@code hash}. */
    void stored(int worker, long hash) {
        int fresh = freeCount > 0 ? free[freeCount - 1] : used;
        int slot = slots.putIfAbsent(hash, fresh);
        if (slot < 0) {
            slot = fresh;
            if (freeCount > 0) {
                freeCount--;
            } else {
                used++;
            }
            if ((slot + 1) * words > masks.length) {
                masks = Arrays.copyOf(masks, masks.length * 2);
            }
            Arrays.fill(masks, slot * words, (slot + 1) * words, 0L);
        }
        masks[slot * words + (worker >>> 6)] |= 1L << (worker & 63);
    }

    /** Records that {@code worker} evicted {@code hash}. */
    void removed(int worker, long hash) {
        int pos = slots.find(hash);
        if (pos < 0) {
            return;
        }
        int slot = slots.valueAt(pos);
        masks[slot * words + (worker >>> 6)] &= ~(1L << (worker & 63));
        for (int k = 0; k < words; k++) {
            if (masks[slot * words + k] != 0) {
                return;
            }
        }
        slots.removeAt(pos);
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = slot;
    }

    /** Fills {@code overlap[w]} with the number of leading {@code hashes} cached on worker {@code w}. */
    void overlaps(long[] hashes, int[] overlap) {
        Arrays.fill(overlap, 0, workers, 0);
        for (int i = 0; i < hashes.length; i++) {
            int slot = slots.get(hashes[i]);
            if (slot < 0) {
                return;
            }
            boolean any = false;
            for (int k = 0; k < words; k++) {
                long m = masks[slot * words + k];
                alive[k] = i == 0 ? m : alive[k] & m;
                any |= alive[k] != 0;
            }
            if (!any) {
                return;
            }
            for (int k = 0; k < words; k++) {
                long bits = alive[k];
                while (bits != 0) {
                    overlap[(k << 6) + Long.numberOfTrailingZeros(bits)] = i + 1;
                    bits &= bits - 1;
                }
            }
        }
    }
}
