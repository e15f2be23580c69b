package io.servesim.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar redrawn in place on a terminal (carriage return); silent when disabled. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    void update(long done, long planned, String note) {
        if (!enabled) {
            return;
        }
        double f = planned <= 0 ? 0 : Math.min(1, (double) done / planned);
        int filled = (int) Math.round(f * WIDTH);
        String line = String.format(Locale.ROOT, "\r[%s%s] %d/%d %.1fs %s", "#".repeat(filled),
                " ".repeat(WIDTH - filled), done, planned, (System.nanoTime() - started) / 1e9, note);
        err.print(line.length() > 150 ? line.substring(0, 150) : line + "\u001b[K");
        err.flush();
        drawn = true;
    }

    void finish() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
