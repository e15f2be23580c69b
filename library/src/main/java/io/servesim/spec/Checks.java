package io.servesim.spec;

import java.util.List;

/**
 * Range checks shared by the spec records; each failure is a {@link SpecException} naming field and value. The rules
 * command-line flags share with the spec ({@link #tpShape}) are public, so a flag is checked by the same rule.
 */
public final class Checks {
    private Checks() {
    }

    static <T> T required(String section, String field, T value) {
        if (value == null) {
            throw SpecException.because(section, field, "is missing; it is required");
        }
        return value;
    }

    static void positive(String section, String field, long value) {
        if (value <= 0) {
            throw SpecException.of(section, field, value, "allowed: an integer > 0");
        }
    }

    static void positiveFinite(String section, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw SpecException.of(section, field, value, "allowed: a finite number > 0");
        }
    }

    static void nonNegativeFinite(String section, String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw SpecException.of(section, field, value, "allowed: a finite number >= 0");
        }
    }

    static void fraction(String section, String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw SpecException.of(section, field, value, "allowed: a number in [0, 1]");
        }
    }

    /** Fails unless {@code value <= max}; {@code what} names the bound, e.g. "requests per second". */
    static void atMost(String section, String field, double value, double max, String what) {
        if (value > max) {
            Object shown = value == Math.rint(value) && value < 1e15 ? (Object) (long) value : (Object) value;
            throw SpecException.of(section, field, shown, "allowed: at most " + fmt(max) + " " + what);
        }
    }

    /** Fails unless {@code min <= value <= max}. */
    static void between(String section, String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw SpecException.of(section, field, value, "allowed: a number in [" + fmt(min) + ", " + fmt(max) + "]");
        }
    }

    /**
     * Checks that a tensor-parallel degree is a power of two >= 1 (a null value fails with "null"); {@code section}
     * is empty when {@code field} is a command-line flag.
     */
    public static void tpShape(String section, String field, Integer tp) {
        if (tp == null || !(tp >= 1 && Integer.bitCount(tp) == 1)) {
            throw SpecException.of(section, field, tp, "allowed: a power of two >= 1 (1, 2, 4, 8)");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(java.util.Locale.ROOT, "%,d", (long) v)
                : String.valueOf(v);
    }

    static List<Double> list(String section, String field, List<Double> values, double min, double max, String allowed) {
        if (values == null || values.isEmpty()) {
            throw SpecException.of(section, field, values == null ? null : "[]", "allowed: a non-empty list, " + allowed);
        }
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v == null || !(v >= min && v <= max) || v.isInfinite()) {
                throw SpecException.of(section, field + "[" + i + "]", v, "allowed: " + allowed);
            }
        }
        return List.copyOf(values);
    }
}
