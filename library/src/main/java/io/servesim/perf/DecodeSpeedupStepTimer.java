package io.servesim.perf;

/**
 * Applies {@code decode_speedup_ratio} on top of another timer, as the original mocker does: the decode part of a
 * pass takes {@code time / decode_speedup_ratio} (the inner timer already divides by {@code speedup_ratio}). A pass
 * that only decodes is divided as a whole; a mixed pass keeps its prefill-only time and divides the increment the
 * decoding sequences add. Immutable and thread-safe (a per-thread scratch batch prices the prefill-only part).
 */
public final class DecodeSpeedupStepTimer implements StepTimer {
    private final StepTimer inner;
    private final double decodeSpeedupRatio;
    private final ThreadLocal<StepBatch> scratch = ThreadLocal.withInitial(StepBatch::new);

    /** Wraps {@code inner}; {@code decodeSpeedupRatio} must be a finite number &gt; 0. */
    public DecodeSpeedupStepTimer(StepTimer inner, double decodeSpeedupRatio) {
        if (!(decodeSpeedupRatio > 0) || Double.isInfinite(decodeSpeedupRatio)) {
            throw new IllegalArgumentException("decode_speedup_ratio (" + decodeSpeedupRatio
                    + ") should be a positive finite number");
        }
        this.inner = inner;
        this.decodeSpeedupRatio = decodeSpeedupRatio;
    }

    /** Returns {@code inner} unchanged for a ratio of 1, else the wrapped timer. */
    public static StepTimer of(StepTimer inner, double decodeSpeedupRatio) {
        return decodeSpeedupRatio == 1.0 ? inner : new DecodeSpeedupStepTimer(inner, decodeSpeedupRatio);
    }

    @Override
    public double stepMs(StepBatch batch) {
        double all = inner.stepMs(batch);
        if (batch.decodeCount() == 0) {
            return all;
        }
        if (batch.prefillCount() == 0) {
            return all / decodeSpeedupRatio;
        }
        StepBatch prefillOnly = scratch.get().clear();
        for (int i = 0; i < batch.prefillCount(); i++) {
            prefillOnly.addPrefill(batch.prefillNewTokens(i), batch.prefillCachedTokens(i));
        }
        prefillOnly.kvOccupancy(batch.activeKvTokens(), batch.totalKvTokens());
        double prefill = inner.stepMs(prefillOnly);
        return prefill + Math.max(0, all - prefill) / decodeSpeedupRatio;
    }

    /** The inner timer's parts, then the change {@code decode_speedup_ratio} makes to the whole pass. */
    @Override
    public java.util.List<OperatorTime> explain(StepBatch batch) {
        java.util.List<OperatorTime> parts = new java.util.ArrayList<>(inner.explain(batch));
        parts.add(new OperatorTime("decode_speedup_ms", stepMs(batch) - inner.stepMs(batch),
                "decode_speedup_ratio " + decodeSpeedupRatio));
        return parts;
    }
}
