package io.servesim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Prefix-cache block accounting: refcounts, reuse, LRU eviction leaf first, events. */
class BlockPoolTest {
    private final KvEventRecorder recorder = new KvEventRecorder();
    private final List<String> events = recorder.events;

    @Test
    void cachedBlocksAreReusedAndEvictedLeastRecentlyFreedFirst() {
        BlockPool pool = new BlockPool(3, 0, recorder);
        int a = pool.register(pool.allocate(), 100);
        int b = pool.register(pool.allocate(), 101);
        assertThat(pool.used()).isEqualTo(2);
        // free leaf first, like a finished sequence does
        pool.release(b);
        pool.release(a);
        assertThat(pool.available()).isEqualTo(3);
        assertThat(pool.cachedPrefix(new long[] {100, 101, 102}, 3)).isEqualTo(2);
        pool.allocate();
        int evicting = pool.allocate();
        assertThat(evicting).isEqualTo(b);
        assertThat(events).containsExactly("+100", "+101", "-101");
        assertThat(pool.cachedPrefix(new long[] {100, 101}, 2)).isEqualTo(1);
        pool.acquire(pool.lookup(100));
        assertThat(pool.available()).isZero();
        assertThat(pool.allocate()).isEqualTo(-1);
    }

    @Test
    void registeringADuplicateKeepsOneCopy() {
        BlockPool pool = new BlockPool(4, 0, recorder);
        int a = pool.register(pool.allocate(), 7);
        int twin = pool.register(pool.allocate(), 7);
        assertThat(twin).isEqualTo(a);
        assertThat(pool.used()).isEqualTo(1);
        pool.release(a);
        pool.release(twin);
        assertThat(pool.available()).isEqualTo(4);
        assertThatThrownBy(() -> pool.release(a)).isInstanceOf(IllegalStateException.class);
    }
}
