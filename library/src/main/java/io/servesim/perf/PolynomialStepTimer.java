package io.servesim.perf;

/**
 * The original mocker's default (legacy) timing model, kept for parity: prefill time is a quadratic in the new
 * tokens of the pass, decode time a quadratic in the worker's KV occupancy. It ignores the model, GPU and TP, so it
 * is only useful to compare against the original tool; times are divided by {@code speedupRatio}. Immutable.
 */
public record PolynomialStepTimer(double speedupRatio) implements StepTimer {
    static final double PREFILL_A = 4.209989e-07;
    static final double PREFILL_B = 1.518344e-02;
    static final double PREFILL_C = 16.50142;
    static final double DECODE_A = -25.74;
    static final double DECODE_B = 54.01;
    static final double DECODE_C = 5.74;
    static final double DECODE_FLOOR_MS = 1.0;

    public PolynomialStepTimer {
        if (!(speedupRatio > 0) || Double.isInfinite(speedupRatio)) {
            throw new IllegalArgumentException("speedup_ratio (" + speedupRatio + ") should be a positive finite number");
        }
    }

    @Override
    public double stepMs(StepBatch batch) {
        double ms = 0;
        long t = batch.prefillNewTokensSum();
        if (t > 0) {
            ms += Math.max(0, PREFILL_A * t * t + PREFILL_B * t + PREFILL_C);
        }
        if (batch.decodeCount() > 0) {
            double u = batch.totalKvTokens() <= 0 ? 1.0 : (double) batch.activeKvTokens() / batch.totalKvTokens();
            ms += Math.max(DECODE_FLOOR_MS, DECODE_A * u * u + DECODE_B * u + DECODE_C);
        }
        return ms / speedupRatio;
    }

    @Override
    public java.util.List<OperatorTime> explain(StepBatch batch) {
        return java.util.List.of(new OperatorTime("step_ms", stepMs(batch) * speedupRatio,
                "polynomial (reference mocker, ignores model, GPU and TP)"));
    }
}
