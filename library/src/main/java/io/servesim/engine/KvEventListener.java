package io.servesim.engine;

/** Receives a worker's KV-cache events: a full prompt block became reusable, or a cached block was evicted. */
public interface KvEventListener {
    /** Block {@code hash} is now cached on worker {@code worker}. */
    void stored(int worker, long hash);

    /** Block {@code hash} was evicted from worker {@code worker}. */
    void removed(int worker, long hash);

    /** A listener that ignores everything. */
    KvEventListener NONE = new KvEventListener() {
        @Override
        public void stored(int worker, long hash) {
        }

        @Override
        public void removed(int worker, long hash) {
        }
    };
}
