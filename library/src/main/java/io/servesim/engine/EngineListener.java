package io.servesim.engine;

/** What a worker tells the cluster at the end of a pass. */
public interface EngineListener {
    /**
     * {@code count} sequences of worker {@code worker} produced a visible token at {@code timeMs}, each {@code gapMs}
     * after its previous token (first tokens, which have no gap, are not reported). A pass reports its tokens in
     * sequence order, runs of equal gaps together; a worker reports its passes in order.
     */
    void tokens(int worker, double timeMs, double gapMs, int count);

    /** The prompt of {@code seq} is fully computed (its prefill load is gone) at {@code timeMs}. */
    void prefillCompleted(Sequence seq, double timeMs);

    /** {@code seq} generated all its tokens at {@code timeMs}; its blocks are already released. */
    void finished(Sequence seq, double timeMs);
}
