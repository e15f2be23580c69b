package io.servesim.fidelity;

/** What replaying one measured row gave: a prediction, or the reason the row could not be modelled. */
public sealed interface RowOutcome {
    /** Returns the measured row. */
    MeasuredRow row();

    /**
     * A modelled row: the predicted mean TTFT and mean TPOT.
     *
     * @param row             the measured row
     * @param predictedTtftMs predicted mean time to first token, ms
     * @param predictedTpotMs predicted mean time per output token, ms
     */
    record Predicted(MeasuredRow row, double predictedTtftMs, double predictedTpotMs) implements RowOutcome {
        /** Returns |predicted − measured| / measured × 100 for TTFT. */
        public double ttftErrorPct() {
            return Math.abs(predictedTtftMs - row.ttftMs()) / row.ttftMs() * 100;
        }

        /** Returns |predicted − measured| / measured × 100 for TPOT. */
        public double tpotErrorPct() {
            return Math.abs(predictedTpotMs - row.tpotMs()) / row.tpotMs() * 100;
        }
    }

    /**
     * A row servesim cannot model (unknown model or GPU, unsupported precision or mode, a request larger than the KV
     * cache, ...).
     *
     * @param row    the measured row
     * @param reason why, in one line
     */
    record Skipped(MeasuredRow row, String reason) implements RowOutcome {
    }
}
