package io.servesim.cli;

import io.servesim.spec.Checks;
import io.servesim.spec.Limits;
import io.servesim.spec.SpecException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Range checks for command-line flags, with the same rules and wording the spec applies to the same values, so
 * {@code --tp 3} is rejected like {@code tensor_parallel_size: 3}. Each failure names the flag, the value and what
 * is allowed.
 */
final class Flags {
    private Flags() {
    }

    /** Returns {@code tp} if it is a TP shape by the spec's rule for {@code tensor_parallel_size} (a power of two). */
    static int tp(String flag, int tp) {
        Checks.tpShape("", flag, tp);
        return tp;
    }

    /**
     * Returns what {@code build} builds from flag values, checked by the spec's own rules; a value the spec rejects
     * fails naming the flag: {@code flags} maps a spec field to its flag, else field {@code a_b} or {@code aB} is
     * flag {@code --a-b}.
     */
    static <T> T fromSpec(Supplier<T> build, Map<String, String> flags) {
        try {
            return build.get();
        } catch (SpecException e) {
            String flag = flags.getOrDefault(e.field(),
                    "--" + e.field().replaceAll("([a-z])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT));
            throw new IllegalArgumentException(flag + e.getMessage().substring(e.path().length()), e);
        }
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
