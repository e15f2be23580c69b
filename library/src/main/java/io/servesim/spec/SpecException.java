package io.servesim.spec;

import java.util.Objects;

/**
 * A spec value that is not allowed: names the field's path ({@code workload.sharedPrefixRatio}), the offending value
 * and what is allowed, in one line meant for users. Thrown by spec records' constructors and by {@link Specs}.
 */
public final class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String section;
    private final String field;
    private final String detail;

    /** Creates an error for {@code section.field} whose value is {@code value}, with {@code allowed} saying what fits. */
    public static SpecException of(String section, String field, Object value, String allowed) {
        return new SpecException(section, field, "is " + render(value) + "; " + allowed);
    }

    /** Creates an error for {@code section.field} with a free-form explanation. */
    public static SpecException because(String section, String field, String explanation) {
        return new SpecException(section, field, explanation);
    }

    private SpecException(String section, String field, String detail) {
        super(join(section, field) + " " + detail);
        this.section = Objects.requireNonNull(section);
        this.field = Objects.requireNonNull(field);
        this.detail = detail;
    }

    /** Returns the full path of the field, e.g. {@code workload.isl}. */
    public String path() {
        return join(section, field);
    }

    /** Returns the field relative to its section, e.g. {@code isl}. */
    public String field() {
        return field;
    }

    /** Returns the same error located under another section (used when the spec is read from a file). */
    public SpecException relocate(String newSection) {
        SpecException moved = new SpecException(newSection, field, detail);
        moved.setStackTrace(getStackTrace());
        return moved;
    }

    static String render(Object value) {
        if (value == null) {
            return "missing";
        }
        String text = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return echo(text);
    }

    /** Returns {@code text} cut to {@link Limits#MAX_ECHO_CHARS} characters (with its full length) for messages. */
    public static String echo(String text) {
        if (text.length() <= Limits.MAX_ECHO_CHARS) {
            return text;
        }
        return text.substring(0, Limits.MAX_ECHO_CHARS) + "… (" + text.length() + " characters)";
    }

    private static String join(String section, String field) {
        if (section.isEmpty()) {
            return field;
        }
        return field.isEmpty() ? section : section + "." + field;
    }

    /** A spec file that cannot be opened; the message names the file. */
    public static final class FileProblem extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        FileProblem(String message) {
            super(message);
        }
    }
}
