package io.servesim.kernel.magic;

import io.servesim.report.Html;
import io.servesim.optimize.EvaluatedState;
import io.servesim.optimize.ProgressListener;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A sweep's live progress display, one that never runs backwards: the descent's length is not known in advance, so
 * its phase shows a running count (and an indeterminate bar); the exhaustive baseline, whose size is known, shows a
 * filling bar. Each phase is named. Updates are throttled to five a second.
 */
public final class SweepProgress implements ProgressListener {
    private static final long MIN_INTERVAL_NS = 200_000_000L;
    private final Consumer<String> display;
    private int phase = 1;
    private int lastDone;
    private int total;
    private String best = "";
    private boolean closed;
    private long lastUpdate;

    /** Reports to {@code display} (replaces the HTML of a live display). */
    public SweepProgress(Consumer<String> display) {
        this.display = display;
    }

    /** Returns the first rendering (before any evaluation). */
    public static String starting() {
        return "<div class='servesim-progress'><progress></progress> descent: starting</div>";
    }

    @Override
    public synchronized void evaluated(int done, int planned, EvaluatedState latest, Optional<EvaluatedState> best) {
        if (done < lastDone) {
            phase++; // the exhaustive baseline starts its own count
        }
        lastDone = done;
        total++;
        long now = System.nanoTime();
        if (now - lastUpdate > MIN_INTERVAL_NS || done == planned) {
            lastUpdate = now;
            this.best = best.map(b -> "best so far: " + b.state().label()).orElse("");
            display.accept(html(done, planned, this.best));
        }
    }

    /** Replaces the bar by a still line when the sweep ended without {@link #done} (a sweep from plain Java code). */
    public synchronized void finish() {
        if (!closed && total > 0) {
            closed = true;
            display.accept("<div class='servesim-progress'>sweep: " + total + " evaluations · " + Html.escape(best)
                    + "</div>");
        }
    }

    /** Returns the closing line. */
    public synchronized String done(int states, int feasible, double wallMs) {
        closed = true;
        return String.format(Locale.ROOT, "<div class='servesim-progress'>sweep done: %d states evaluated"
                + " (%d feasible) in %.1f s</div>", states, feasible, wallMs / 1000);
    }

    /** Returns the sweep's warnings (deprecated fields, pins beyond GPU memory) as HTML lines, or "" when none. */
    public static String warnings(java.util.List<String> warnings) {
        StringBuilder out = new StringBuilder();
        for (String w : warnings) {
            out.append("<div class='servesim-warning' style='color:#8a5a00'>warning: ").append(Html.escape(w))
                    .append("</div>");
        }
        return out.toString();
    }

    private String html(int done, int planned, String note) {
        String bar = phase == 1 ? "<progress></progress> descent: " + done + " states evaluated"
                : "<progress max='" + planned + "' value='" + done + "'></progress> exhaustive baseline: " + done
                + " / " + planned + " states";
        return "<div class='servesim-progress'>" + bar + " · " + Html.escape(note) + "</div>";
    }
}
