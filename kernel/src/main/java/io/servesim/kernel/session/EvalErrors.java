package io.servesim.kernel.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jdk.jshell.EvalException;

/**
 * Turns an exception thrown by cell code into what the user reads: the exception's class as the error name, its
 * message, and the frames that matter — positions inside notebook code as the cell's own line numbers, frames of the
 * kernel, JShell and reflection dropped, repeated frames (deep recursion) collapsed. servesim's own input errors
 * ({@code IllegalArgumentException} and friends from {@code io.servesim}) show as their one-line message.
 */
final class EvalErrors {
    static final int MAX_FRAMES = 30;
    private static final String EXIT = ExitTrap.ExitAttempt.class.getName();
    private static final List<String> HIDDEN = List.of("jdk.jshell.", "io.servesim.kernel.", "java.lang.reflect.",
            "jdk.internal.reflect.", "java.lang.Thread");

    private EvalErrors() {
    }

    /** Where a snippet's first line sits: the execution count of its cell and the line in that cell (1-based). */
    record Origin(int cell, int line) {
    }

    /** Returns the user-facing error of {@code e}; {@code origins} maps JShell snippet ids to cell positions. */
    static CellError of(EvalException e, Map<String, Origin> origins, int currentCell) {
        String cls = e.getExceptionClassName();
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        simple = simple.substring(simple.lastIndexOf('$') + 1);
        String message = e.getMessage();
        if (cls.equals(EXIT)) {
            return new CellError("SystemExit", List.of("SystemExit: " + message));
        }
        if (cls.equals("java.lang.InterruptedException") || cls.equals("java.lang.ThreadDeath")) {
            return Interrupts.error();
        }
        List<String> lines = new ArrayList<>();
        boolean servesimInput = isServesimInputError(e);
        lines.add(simple + (message == null ? "" : ": " + (servesimInput ? firstLine(message) : message)));
        List<String> frames = new ArrayList<>();
        for (StackTraceElement el : e.getStackTrace()) {
            String f = frame(el, origins, currentCell, servesimInput);
            if (f != null) {
                frames.add(f);
            }
        }
        lines.addAll(collapse(frames));
        for (Throwable c = e.getCause(); c != null && !servesimInput; c = c.getCause()) {
            String name = c instanceof EvalException ce ? ce.getExceptionClassName() : c.getClass().getName();
            lines.add("Caused by: " + name + (c.getMessage() == null ? "" : ": " + firstLine(c.getMessage())));
        }
        return new CellError(simple, lines);
    }

    private static boolean isServesimInputError(EvalException e) {
        String cls = e.getExceptionClassName();
        boolean inputKind = cls.equals("java.lang.IllegalArgumentException") || cls.equals("java.lang.IllegalStateException")
                || cls.equals("java.io.UncheckedIOException") || cls.startsWith("io.servesim.");
        StackTraceElement[] st = e.getStackTrace();
        return inputKind && st.length > 0 && st[0].getClassName().startsWith("io.servesim.")
                && !st[0].getClassName().startsWith("io.servesim.kernel.");
    }

    private static String frame(StackTraceElement el, Map<String, Origin> origins, int currentCell, boolean cellOnly) {
        String file = el.getFileName();
        if (file != null && file.startsWith("#")) {
            Origin o = origins.get(file.substring(1));
            String where = o == null ? "notebook code" : o.cell() == currentCell
                    ? "line " + (o.line() + el.getLineNumber() - 1)
                    : "cell [" + o.cell() + "] line " + (o.line() + el.getLineNumber() - 1);
            String method = el.getMethodName();
            return "    at " + (method == null || method.isEmpty() ? "" : method + ", ") + where;
        }
        String cls = el.getClassName();
        if (cls.startsWith("REPL.")) {
            return "    at " + el.getMethodName() + ", notebook code";
        }
        if (cellOnly) {
            return null;
        }
        for (String h : HIDDEN) {
            if (cls.startsWith(h)) {
                return null;
            }
        }
        return "    at " + el;
    }

    /** Collapses runs of one repeated frame and keeps at most {@value #MAX_FRAMES} frames. */
    static List<String> collapse(List<String> frames) {
        List<String> out = new ArrayList<>();
        int shown = 0;
        for (int i = 0; i < frames.size(); ) {
            int j = i;
            while (j + 1 < frames.size() && frames.get(j + 1).equals(frames.get(i))) {
                j++;
            }
            if (shown == MAX_FRAMES) {
                out.add("    ... " + (frames.size() - i) + " more frames");
                break;
            }
            out.add(frames.get(i));
            shown++;
            if (j > i) {
                out.add(String.format(java.util.Locale.ROOT, "    ... the frame above repeats %,d more times", j - i));
            }
            i = j + 1;
        }
        return out;
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
