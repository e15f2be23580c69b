package io.servesim.router;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrefixIndexTest {
    @Test
    void smallAndLargePoolsAgreeWithABruteForceIndex() {
        var random = new Random(11);
        int workers = 6;
        var small = new PrefixIndex(workers);   // worker sets held in the map's values
        var large = new PrefixIndex(70);        // worker sets in the slab, over two words
        @SuppressWarnings("unchecked")
        Set<Long>[] cached = new Set[workers];
        for (int w = 0; w < workers; w++) {
            cached[w] = new HashSet<>();
        }
        long[] universe = new long[40];
        for (int i = 0; i < universe.length; i++) {
            universe[i] = random.nextLong();
        }
        for (int step = 0; step < 20_000; step++) {
            int w = random.nextInt(workers);
            long hash = universe[random.nextInt(universe.length)];
            if (random.nextBoolean()) {
                small.stored(w, hash);
                large.stored(w, hash);
                cached[w].add(hash);
            } else {
                small.removed(w, hash);
                large.removed(w, hash);
                cached[w].remove(hash);
            }
            if (step % 10 == 0) {
                long[] prompt = new long[random.nextInt(8)];
                for (int i = 0; i < prompt.length; i++) {
                    prompt[i] = universe[random.nextInt(4 + i * 4)];
                }
                int[] expected = new int[70];
                for (int v = 0; v < workers; v++) {
                    while (expected[v] < prompt.length && cached[v].contains(prompt[expected[v]])) {
                        expected[v]++;
                    }
                }
                int[] fromSmall = new int[workers];
                small.overlaps(prompt, fromSmall);
                int[] fromLarge = new int[70];
                large.overlaps(prompt, fromLarge);
                assertArrayEquals(java.util.Arrays.copyOf(expected, workers), fromSmall);
                assertArrayEquals(expected, fromLarge);
            }
        }
    }
}
