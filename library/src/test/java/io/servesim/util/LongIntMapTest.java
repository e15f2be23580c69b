package io.servesim.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongIntMapTest {
    @Test
    void agreesWithHashMapUnderRandomOperations() {
        var random = new Random(7);
        var map = new LongIntMap(4);
        var reference = new HashMap<Long, Integer>();
        // a small key range (and the map's internal empty marker) so that hits, misses and probe chains all occur
        long[] keys = new long[300];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = i == 0 ? 0x8000_0000_0000_0001L : random.nextLong();
        }
        for (int step = 0; step < 200_000; step++) {
            long key = keys[random.nextInt(keys.length)];
            int value = random.nextInt(1000);
            Integer expected = reference.get(key);
            switch (random.nextInt(5)) {
                case 0 -> {
                    map.put(key, value);
                    reference.put(key, value);
                }
                case 1 -> {
                    assertEquals(expected == null ? -1 : expected, map.putIfAbsent(key, value));
                    reference.putIfAbsent(key, value);
                }
                case 2 -> {
                    map.remove(key);
                    reference.remove(key);
                }
                case 3 -> {
                    int pos = map.find(key);
                    assertEquals(expected == null, pos < 0);
                    if (pos >= 0) {
                        assertEquals(expected, map.valueAt(pos));
                        map.removeAt(pos);
                        reference.remove(key);
                    }
                }
                default -> assertEquals(expected == null ? -1 : expected, map.get(key));
            }
            assertEquals(reference.size(), map.size());
        }
        for (long key : keys) {
            assertEquals(reference.getOrDefault(key, -1), map.get(key));
        }
    }
}
