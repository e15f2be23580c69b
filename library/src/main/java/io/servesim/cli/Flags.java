package io.servesim.cli;

import io.servesim.spec.Limits;

/**
 * Range checks for command-line flags, with the same rules and wording the spec applies to the same values, so
 * {@code --tp 3} is rejected like {@code tensor_parallel_size: 3}. Each failure names the flag, the value and what
 * is allowed.
 */
final class Flags {
    private Flags() {
    }

    /** Returns {@code tp} if it is a TP shape the performance model knows (1, 2, 4, 8). */
    static int tp(String flag, int tp) {
        if (tp != 1 && tp != 2 && tp != 4 && tp != 8) {
            throw new IllegalArgumentException(flag + " is " + tp + "; allowed: a power of two >= 1 (1, 2, 4, 8)");
        }
        return tp;
    }

    /** Returns {@code value} if it is in [1, max]. */
    static int positive(String flag, int value, long max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(flag + " is " + value + "; allowed: an integer in [1, " + max + "]");
        }
        return value;
    }

    /** Returns {@code value} if it is >= 0. */
    static int nonNegative(String flag, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(flag + " is " + value + "; allowed: an integer >= 0");
        }
        return value;
    }

    /** Returns {@code value} if it is finite and in [min, max]. */
    static double between(String flag, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(flag + " is " + value + "; allowed: a number in [" + min + ", " + max
                    + "]");
        }
        return value;
    }

    /** The largest worker count or TP degree accepted on the command line. */
    static final int MAX_GPUS = Limits.MAX_GPUS;
}
