package io.servesim.engine;

/** What a worker tells the cluster at the end of a pass. */
public interface EngineListener {
    /** {@code seq} produced a visible token at {@code timeMs}; {@code gapMs} since its previous token, NaN for the first. */
    void token(Sequence seq, double timeMs, double gapMs);

    /** The prompt of {@code seq} is fully computed (its prefill load is gone) at {@code timeMs}. */
    void prefillCompleted(Sequence seq, double timeMs);

    /** {@code seq} generated all its tokens at {@code timeMs}; its blocks are already released. */
    void finished(Sequence seq, double timeMs);
}
