package io.servesim.router;

import java.util.Arrays;
import java.util.HashMap;

/**
 * The router's view of which worker caches which KV block, fed by the workers' stored/removed events: block hash →
 * set of workers (a bit set). Answers "how many leading blocks of this prompt does each worker hold" in one walk
 * over the prompt that stops as soon as no worker matches.
 */
public final class PrefixIndex {
    private final int workers;
    private final int words;
    private final HashMap<Long, long[]> holders = new HashMap<>();

    /** Creates an empty index over {@code workers} workers. */
    public PrefixIndex(int workers) {
        this.workers = workers;
        this.words = (workers + 63) >>> 6;
    }

    /** Records that {@code worker} caches {@code hash}. */
    public void stored(int worker, long hash) {
        holders.computeIfAbsent(hash, h -> new long[words])[worker >>> 6] |= 1L << (worker & 63);
    }

    /** Records that {@code worker} evicted {@code hash}. */
    public void removed(int worker, long hash) {
        long[] set = holders.get(hash);
        if (set == null) {
            return;
        }
        set[worker >>> 6] &= ~(1L << (worker & 63));
        for (long w : set) {
            if (w != 0) {
                return;
            }
        }
        holders.remove(hash);
    }

    /** Fills {@code overlap[w]} with the number of leading {@code hashes} cached on worker {@code w}. */
    public void overlaps(long[] hashes, int[] overlap) {
        Arrays.fill(overlap, 0, workers, 0);
        long[] alive = null;
        for (int i = 0; i < hashes.length; i++) {
            long[] set = holders.get(hashes[i]);
            if (set == null) {
                break;
            }
            if (alive == null) {
                alive = set.clone();
            } else {
                boolean any = false;
                for (int k = 0; k < words; k++) {
                    alive[k] &= set[k];
                    any |= alive[k] != 0;
                }
                if (!any) {
                    break;
                }
            }
            for (int k = 0; k < words; k++) {
                long bits = alive[k];
                while (bits != 0) {
                    int w = (k << 6) + Long.numberOfTrailingZeros(bits);
                    overlap[w] = i + 1;
                    bits &= bits - 1;
                }
            }
        }
    }

    /** Returns the number of distinct block hashes held anywhere. */
    public int size() {
        return holders.size();
    }
}
