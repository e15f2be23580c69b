package io.servesim.workload;

/**
 * Builds prefix-chained KV block hashes: hash {@code i} mixes hash {@code i-1} with the content key of block
 * {@code i}, so equal hashes at index {@code i} mean equal prompts up to the end of block {@code i}. SplitMix64
 * finalisers keep collisions negligible for any workload size servesim replays.
 */
public final class BlockHashes {
    /** Chain value before the first block. */
    public static final long ROOT = 0x5E55_E5E5_1A7E_D00DL;

    private BlockHashes() {
    }

    /** Returns the hash of a block whose predecessor has hash {@code parent} and whose content key is {@code content}. */
    public static long chain(long parent, long content) {
        return mix(parent * 0x9E37_79B9_7F4A_7C15L + mix(content ^ 0x632B_E59B_D9B4_E019L));
    }

    /** Returns a well-mixed 64-bit value of {@code a} and {@code b}. */
    public static long key(long a, long b) {
        return mix(mix(a) + 0x9E37_79B9_7F4A_7C15L * (b + 1));
    }

    /** SplitMix64's finaliser. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** Returns {@code ceil(tokens / blockSize)}. */
    public static int blocksFor(long tokens, int blockSize) {
        return (int) ((tokens + blockSize - 1) / blockSize);
    }
}
