package io.servesim.kernel.magic;

import io.servesim.optimize.EvaluatedState;
import io.servesim.optimize.ProgressListener;
import java.util.Locale;
import java.util.Map;
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
        return ProgressHtml.render("sweep-starting", Map.of());
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
            display.accept(ProgressHtml.render("sweep-stopped", Map.of("total", total, "best", best)));
        }
    }

    /** Returns the closing line. */
    public synchronized String done(int states, int feasible, double wallMs) {
        closed = true;
        return ProgressHtml.render("sweep-done", Map.of("states", states, "feasible", feasible,
                "seconds", String.format(Locale.ROOT, "%.1f", wallMs / 1000)));
    }

    /** Returns the sweep's warnings (deprecated fields, pins beyond GPU memory) as HTML lines, or "" when none. */
    public static String warnings(java.util.List<String> warnings) {
        StringBuilder out = new StringBuilder();
        for (String w : warnings) {
            out.append(ProgressHtml.render("warning", Map.of("text", w)));
        }
        return out.toString();
    }

    private String html(int done, int planned, String note) {
        return phase == 1 ? ProgressHtml.render("sweep-descent", Map.of("done", done, "note", note))
                : ProgressHtml.render("sweep-baseline", Map.of("done", done, "planned", planned, "note", note));
    }
}
