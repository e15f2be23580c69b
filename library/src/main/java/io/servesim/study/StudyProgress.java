package io.servesim.study;

import java.util.Locale;

/**
 * A study's progress after a cell finished: cells done (including those resumed from an earlier run) of the total,
 * time so far, the estimated time left (from this run's pace) and the finished cell's summary. Immutable.
 */
public record StudyProgress(int done, int total, int resumed, double elapsedSeconds, double etaSeconds,
                            StudyCell cell, CellSummary summary) {

    /** Returns a one-line report such as {@code 5/8 cells, 12.0 s, ETA 7.2 s - cell 4 (...): best ...}. */
    public String line(StudySpec study) {
        BestState b = summary.best();
        return String.format(Locale.ROOT, "%d/%d cells%s, %.1f s, ETA %s - %s: %s%s, %.0f tok/s",
                done, total, resumed > 0 ? " (" + resumed + " resumed)" : "", elapsedSeconds, eta(),
                cell.describe(study.axes()), b.feasible() ? "best " : "no feasible state; least infeasible ",
                topology(b), b.outputThroughputTokS());
    }

    /** Returns the ETA as text ({@code 42 s}, {@code 3.5 min}, {@code 1.2 h}). */
    public String eta() {
        if (done >= total) {
            return "0 s";
        }
        if (Double.isNaN(etaSeconds)) {
            return "?";
        }
        if (etaSeconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", etaSeconds);
        }
        return etaSeconds < 7200 ? String.format(Locale.ROOT, "%.1f min", etaSeconds / 60)
                : String.format(Locale.ROOT, "%.1f h", etaSeconds / 3600);
    }

    static String topology(BestState b) {
        boolean aggregated = b.prefillTp() == b.decodeTp() && b.prefillWorkers() == b.decodeWorkers()
                && b.totalGpusUsed() == b.prefillTp() * b.prefillWorkers();
        return aggregated ? b.prefillWorkers() + "×TP" + b.prefillTp()
                : b.prefillWorkers() + "×TP" + b.prefillTp() + " prefill + " + b.decodeWorkers() + "×TP"
                + b.decodeTp() + " decode";
    }
}
