package io.servesim.fidelity;

import java.util.List;

/**
 * Mean absolute percentage errors of a set of predicted rows: MAPE = mean of |predicted − measured| / measured × 100.
 * Immutable; NaN errors when there are no rows.
 *
 * @param rows        rows the figures are over
 * @param mapeTtftPct TTFT MAPE, percent
 * @param mapeTpotPct TPOT MAPE, percent
 */
public record Accuracy(int rows, double mapeTtftPct, double mapeTpotPct) {
    /** Returns the accuracy over {@code predicted}. */
    public static Accuracy of(List<RowOutcome.Predicted> predicted) {
        double ttft = 0;
        double tpot = 0;
        for (RowOutcome.Predicted p : predicted) {
            ttft += p.ttftErrorPct();
            tpot += p.tpotErrorPct();
        }
        int n = predicted.size();
        return new Accuracy(n, n == 0 ? Double.NaN : ttft / n, n == 0 ? Double.NaN : tpot / n);
    }
}
