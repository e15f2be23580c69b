package io.servesim.kernel.session;

import java.util.List;

/** A user-facing error of a cell (compile error, bad magic arguments, an exception in user code): lines to show. */
public final class CellError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final transient List<String> lines;

    /** Creates an error named {@code name} (shown as the error type) with the lines to display. */
    public CellError(String name, List<String> lines) {
        super(String.join("\n", lines), null, false, false);
        this.name = name;
        this.lines = List.copyOf(lines);
    }

    /** Returns the error type shown to the user. */
    public String name() {
        return name;
    }

    /** Returns the error's value (Jupyter's {@code evalue}): the first line, without the leading error name. */
    public String value() {
        String first = lines.isEmpty() ? "" : lines.get(0);
        return first.startsWith(name + ": ") ? first.substring(name.length() + 2) : first;
    }

    /** Returns the lines to display. */
    public List<String> lines() {
        return lines;
    }
}
