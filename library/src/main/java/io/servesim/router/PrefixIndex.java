package io.servesim.router;

import io.servesim.util.LongIntMap;
import java.util.Arrays;

/**
 * The router's view of which worker caches which KV block, fed by the workers' stored/removed events: block hash →
 * set of workers (a bit set, no boxing: up to 31 workers the map's value itself, else a slot in a primitive slab). Answers "how many leading blocks of this prompt does each
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
    /** Up to 31 workers, the worker set is the map's int value itself: one probe per event, no slab. */
    private final boolean inline;

    /** Creates an empty index over {@code workers} workers. */
    PrefixIndex(int workers) {
        this.workers = workers;
        this.words = (workers + 63) >>> 6;
        this.masks = new long[1024 * words];
        this.alive = new long[words];
        this.inline = workers <= 31;
    }

    /** Records that {@code worker} caches {@code hash}. */
    void stored(int worker, long hash) {
        if (inline) {
            slots.or(hash, 1 << worker);
            return;
        }
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
        if (inline) {
            int left = slots.valueAt(pos) & ~(1 << worker);
            if (left == 0) {
                slots.removeAt(pos);
            } else {
                slots.setAt(pos, left);
            }
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
        if (inline) {
            inlineOverlaps(hashes, overlap);
            return;
        }
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

    /** {@link #overlaps} up to 31 workers: a worker's count is set once, when it drops out or the prompt ends. */
    private void inlineOverlaps(long[] hashes, int[] overlap) {
        int alive = hashes.length > 0 ? Math.max(slots.get(hashes[0]), 0) : 0;
        int i = alive == 0 ? 0 : 1;
        while (alive != 0 && i < hashes.length) {
            int next = alive & Math.max(slots.get(hashes[i]), 0);
            for (int gone = alive & ~next; gone != 0; gone &= gone - 1) {
                overlap[Integer.numberOfTrailingZeros(gone)] = i;
            }
            alive = next;
            i++;
        }
        for (; alive != 0; alive &= alive - 1) {
            overlap[Integer.numberOfTrailingZeros(alive)] = i;
        }
    }
}
