package io.servesim.cluster;

import io.servesim.engine.EngineListener;
import io.servesim.engine.Sequence;

/**
 * A pool's {@link EngineListener} base: tells the pool's router when its requests finish prefill or leave; subclasses
 * add what else the pool does when a request leaves (hand off to decode, or complete).
 */
abstract class RoutedListener implements EngineListener {
    final Pool pool;

    RoutedListener(Pool pool) {
        this.pool = pool;
    }

    @Override
    public void tokens(int worker, double timeMs, double gapMs, int count) {
    }

    @Override
    public void prefillCompleted(Sequence seq, double timeMs) {
        pool.router.prefillCompleted(seq.request(), seq.worker());
    }

    @Override
    public void finished(Sequence seq, double timeMs) {
        pool.router.finished(seq.request(), seq.worker());
        left(seq, timeMs);
    }

    /** The sequence left {@link #pool} at {@code timeMs}, after its router was told. */
    abstract void left(Sequence seq, double timeMs);
}
