package io.servesim.engine;

import java.util.Arrays;

/** Holds a worker's KV events during a pass so the router sees them when the pass completes, as in a real cluster. */
final class KvEventBuffer implements KvEventListener {
    private long[] hashes = new long[64];
    private boolean[] stored = new boolean[64];
    private int[] workers = new int[64];
    private int size;

    @Override
    public void stored(int worker, long hash) {
        add(worker, hash, true);
    }

    @Override
    public void removed(int worker, long hash) {
        add(worker, hash, false);
    }

    private void add(int worker, long hash, boolean isStored) {
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
            stored = Arrays.copyOf(stored, size * 2);
            workers = Arrays.copyOf(workers, size * 2);
        }
        hashes[size] = hash;
        stored[size] = isStored;
        workers[size] = worker;
        size++;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void drainTo(KvEventListener target) {
        for (int i = 0; i < size; i++) {
            if (stored[i]) {
                target.stored(workers[i], hashes[i]);
            } else {
                target.removed(workers[i], hashes[i]);
            }
        }
        size = 0;
    }
}
