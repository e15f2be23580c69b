package io.servesim.engine;

/**
 * A worker's per-sequence KV block bookkeeping over its {@link BlockPool}: admitting a waiting sequence (a handed-off
 * prompt's blocks, or a cached prefix plus its first chunk's blocks), growing, registering full prompt blocks for
 * prefix caching, and releasing. Which sequences run, and preemption, stay with {@link EngineSim}. Not thread-safe;
 * owned by one worker.
 */
final class KvAllocator {
    private final BlockPool pool;
    private final int blockSize;
    private final boolean prefixCaching;
    private final boolean chunkedPrefill;

    KvAllocator(BlockPool pool, int blockSize, boolean prefixCaching, boolean chunkedPrefill) {
        this.pool = pool;
        this.blockSize = blockSize;
        this.prefixCaching = prefixCaching;
        this.chunkedPrefill = chunkedPrefill;
    }

    /** Returns the blocks in use (referenced or holding a sequence's KV). */
    int used() {
        return pool.used();
    }

    /** Returns the pool's size in blocks. */
    int capacity() {
        return pool.capacity();
    }

    /** Returns true when the pool has the free blocks a handed-off prompt of {@code s} needs. */
    boolean promptFits(Sequence s) {
        return pool.available() >= ceilDiv(s.promptLength, blockSize);
    }

    /**
     * Tries to admit waiting sequence {@code s} under a token {@code budget}: takes its cached prefix and the blocks
     * of its first chunk (a handed-off prompt: blocks for the whole prompt). Returns false, holding no blocks, when
     * they are not free.
     */
    boolean admit(Sequence s, int budget) {
        if (s.kvTransferred) {
            if (!allocatePrompt(s)) {
                return false;
            }
            s.computed = s.promptLength - 1;
            s.prefillDone = true;
            s.reusedTokens = 0;
            s.kvTransferred = false;
            return true;
        }
        int hits = 0;
        if (prefixCaching && s.computed == 0) {
            hits = acquireCachedPrefix(s);
            s.computed = hits * blockSize;
        }
        int take = Math.min(s.tokens() - s.computed, budget);
        if ((take < s.tokens() - s.computed && !chunkedPrefill) || !grow(s, s.computed + take)) {
            release(s);
            s.computed = 0;
            return false;
        }
        s.reusedTokens = Math.max(s.reusedTokens, hits * blockSize);
        return true;
    }

    /** Gives {@code s} fresh blocks for its whole prompt (a KV handoff); false, touching nothing, when not free. */
    private boolean allocatePrompt(Sequence s) {
        int need = ceilDiv(s.promptLength, blockSize);
        if (pool.available() < need) {
            return false;
        }
        for (int i = 0; i < need; i++) {
            s.addBlock(pool.allocate());
        }
        return true;
    }

    /**
     * Takes the leading cached full prompt blocks of {@code s} (never its last token's block) and returns how many;
     * they count as registered.
     */
    private int acquireCachedPrefix(Sequence s) {
        long[] hashes = s.request.blockHashes();
        int fullPromptBlocks = s.promptLength / blockSize;
        int limit = Math.min(fullPromptBlocks, (s.tokens() - 1) / blockSize);
        int hits = 0;
        // the leading cached blocks, each looked up once (acquiring one does not change what is cached)
        for (int b; hits < limit && (b = pool.lookup(hashes[hits])) >= 0; hits++) {
            pool.acquire(b);
            s.addBlock(b);
        }
        s.registeredBlocks = hits;
        return hits;
    }

    /** Makes sure {@code s} holds blocks for {@code tokens} tokens; false when the pool runs dry. */
    boolean grow(Sequence s, int tokens) {
        int need = ceilDiv(tokens, blockSize) - s.numBlocks;
        if (need <= 0) {
            return true;
        }
        if (pool.available() < need) {
            return false;
        }
        for (int i = 0; i < need; i++) {
            s.addBlock(pool.allocate());
        }
        return true;
    }

    /** Registers the full prompt blocks {@code s} has computed since last time, so later requests can reuse them. */
    void registerFullBlocks(Sequence s) {
        if (!prefixCaching) {
            return;
        }
        long[] hashes = s.request.blockHashes();
        int full = Math.min(s.computed, s.promptLength) / blockSize;
        for (int i = s.registeredBlocks; i < full; i++) {
            s.blocks[i] = pool.register(s.blocks[i], hashes[i]);
        }
        s.registeredBlocks = Math.max(s.registeredBlocks, full);
    }

    /** Releases every block of {@code s}, last block first so suffixes are evicted before their prefixes. */
    void release(Sequence s) {
        for (int i = s.numBlocks - 1; i >= 0; i--) {
            pool.release(s.blocks[i]);
        }
        s.numBlocks = 0;
        s.registeredBlocks = 0;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
