package io.servesim.engine;

import io.servesim.util.LongIntMap;

/**
 * A worker's KV-cache blocks, vLLM style: {@code capacity} blocks; full prompt blocks are registered under their
 * chained hash so later requests can reuse them (prefix caching); blocks nobody references stay cached and are
 * evicted least-recently-freed first when new blocks are needed. Callers free a sequence's blocks leaf first, so a
 * suffix is evicted before its prefix. Events go to a {@link KvEventListener}. Not thread-safe; no allocation on the
 * hot path once warmed up.
 */
final class BlockPool {
    private final int capacity;
    private final int worker;
    private final KvEventListener events;
    private final int[] refCount;
    private final long[] hashOf;
    private final boolean[] hashed;
    /** The eviction list's links, previous and next side by side (one cache line per unlink). */
    private final int[] links;
    private final int[] freeStack;
    private final LongIntMap cached;
    private int freeTop;
    private int lruHead = -1;
    private int lruTail = -1;
    private int lruSize;

    /** Creates an empty pool of {@code capacity} blocks for worker {@code worker}. */
    BlockPool(int capacity, int worker, KvEventListener events) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("num_gpu_blocks (" + capacity + ") should be > 0");
        }
        this.capacity = capacity;
        this.worker = worker;
        this.events = events;
        refCount = new int[capacity];
        hashOf = new long[capacity];
        hashed = new boolean[capacity];
        links = new int[2 * capacity];
        freeStack = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            freeStack[i] = capacity - 1 - i;
        }
        freeTop = capacity;
        cached = new LongIntMap(Math.min(capacity, 1 << 16));
    }

    /** Returns the number of blocks. */
    int capacity() {
        return capacity;
    }

    /** Returns blocks that can be handed out now (never used + cached but unreferenced). */
    int available() {
        return freeTop + lruSize;
    }

    /** Returns blocks referenced by running sequences. */
    int used() {
        return capacity - available();
    }

    /** Returns the block cached under {@code hash}, or -1. */
    int lookup(long hash) {
        return cached.get(hash);
    }

    /** Counts the leading hashes of {@code hashes[0..limit)} that are cached. */
    int cachedPrefix(long[] hashes, int limit) {
        int n = 0;
        while (n < limit && cached.get(hashes[n]) >= 0) {
            n++;
        }
        return n;
    }

    /** Takes a reference on cached block {@code block} (removing it from the eviction list if it was free). */
    void acquire(int block) {
        // an unreferenced block is on the eviction list exactly when it is cached; otherwise it is on the free stack
        if (refCount[block]++ == 0 && hashed[block]) {
            unlink(block);
        }
    }

    /** Returns a fresh block (evicting the least recently freed cached block if needed), or -1 when none is left. */
    int allocate() {
        int b;
        if (freeTop > 0) {
            b = freeStack[--freeTop];
        } else if (lruHead >= 0) {
            b = lruHead;
            unlink(b);
            cached.remove(hashOf[b]);
            hashed[b] = false;
            events.removed(worker, hashOf[b]);
        } else {
            return -1;
        }
        refCount[b] = 1;
        return b;
    }

    /**
     * Registers full block {@code block} under {@code hash}; returns the block to keep using: {@code block} itself,
     * or the already-cached twin (then {@code block} is returned to the pool and the twin gains a reference).
     */
    int register(int block, long hash) {
        if (hashed[block]) {
            return block;
        }
        int twin = cached.putIfAbsent(hash, block);
        if (twin >= 0) {
            acquire(twin);
            release(block);
            return twin;
        }
        hashOf[block] = hash;
        hashed[block] = true;
        events.stored(worker, hash);
        return block;
    }

    /** Drops one reference; an unreferenced cached block joins the eviction list, an uncached one is freed. */
    void release(int block) {
        if (refCount[block] <= 0) {
            throw new IllegalStateException("block " + block + " released more often than acquired");
        }
        if (--refCount[block] > 0) {
            return;
        }
        if (hashed[block]) {
            append(block);
        } else {
            freeStack[freeTop++] = block;
        }
    }

    private void append(int b) {
        links[2 * b] = lruTail;
        links[2 * b + 1] = -1;
        if (lruTail >= 0) {
            links[2 * lruTail + 1] = b;
        } else {
            lruHead = b;
        }
        lruTail = b;
        lruSize++;
    }

    private void unlink(int b) {
        int prev = links[2 * b];
        int next = links[2 * b + 1];
        if (prev >= 0) {
            links[2 * prev + 1] = next;
        } else {
            lruHead = next;
        }
        if (next >= 0) {
            links[2 * next] = prev;
        } else {
            lruTail = prev;
        }
        lruSize--;
    }
}
