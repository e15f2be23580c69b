package io.servesim.workload;

/**
 * Reads the common shape of a Mooncake trace line straight from its characters, without a JSON parser, a string or
 * boxed numbers: one object whose fields are the four known ones (or their aliases), each at most once, whose values
 * are non-negative integers without leading zeros (at most 18 digits, lengths below 2^31) and a list of them,
 * separated by spaces or tabs. Anything else (another field, a fraction, an exponent, a sign, an escape, a comment,
 * a duplicate field, a syntax error) is {@link #OTHER}: the caller then reads the line with the general JSON parser,
 * which accepts or rejects it with its usual message. So a line scanned here is one the general parser reads to the
 * same values, and every error still comes from one place. Not thread-safe; reused from line to line.
 */
final class TraceLineScanner {
    /** The line was read; its fields are in this scanner. */
    static final int LINE = 0;
    /** The line holds only spaces and tabs (or nothing). */
    static final int BLANK = 1;
    /** The line is not in the common shape: read it with the general parser. */
    static final int OTHER = 2;

    private static final int TIMESTAMP = 1;
    private static final int INPUT = 2;
    private static final int OUTPUT = 4;
    private static final int HASH_IDS = 8;
    private static final long MAX_DIGITS = 18;

    /** Which fields the line had ({@code TIMESTAMP | INPUT | OUTPUT | HASH_IDS} bits). */
    int present;
    double timestampMs;
    int inputLength;
    int outputLength;
    /** The hash ids, {@link #count} of them; reused, so copy what must be kept. */
    long[] ids = new long[64];
    int count;

    private char[] c;
    private int end;
    private int pos;

    boolean hasTimestamp() {
        return (present & TIMESTAMP) != 0;
    }

    boolean hasInput() {
        return (present & INPUT) != 0;
    }

    boolean hasOutput() {
        return (present & OUTPUT) != 0;
    }

    boolean hasIds() {
        return (present & HASH_IDS) != 0;
    }

    /** Scans {@code chars[0, length)}; returns {@link #LINE}, {@link #BLANK} or {@link #OTHER}. */
    int scan(char[] chars, int length) {
        c = chars;
        end = length;
        pos = 0;
        present = 0;
        count = 0;
        skipSpace();
        if (pos == end) {
            return BLANK;
        }
        if (c[pos] != '{') {
            return OTHER;
        }
        pos++;
        skipSpace();
        if (pos < end && c[pos] == '}') {
            pos++;
        } else if (!fields()) {
            return OTHER;
        }
        skipSpace();
        return pos == end ? LINE : OTHER;
    }

    /** Reads {@code "name": value} pairs up to and including the closing brace; false for anything unusual. */
    private boolean fields() {
        while (true) {
            int field = name();
            if (field == 0 || (present & field) != 0) {
                return false;
            }
            present |= field;
            skipSpace();
            if (pos == end || c[pos] != ':') {
                return false;
            }
            pos++;
            skipSpace();
            if (field == HASH_IDS) {
                if (!list()) {
                    return false;
                }
            } else {
                long v = number();
                if (v < 0) {
                    return false;
                }
                if (field == TIMESTAMP) {
                    timestampMs = v;
                } else if (v > Integer.MAX_VALUE) {
                    return false;
                } else if (field == INPUT) {
                    inputLength = (int) v;
                } else {
                    outputLength = (int) v;
                }
            }
            skipSpace();
            if (pos == end) {
                return false;
            }
            char ch = c[pos++];
            if (ch == '}') {
                return true;
            }
            if (ch != ',') {
                return false;
            }
            skipSpace();
        }
    }

    /** Reads a quoted field name; returns its field bit, or 0 for another name or an escape. */
    private int name() {
        if (pos == end || c[pos] != '"') {
            return 0;
        }
        int start = ++pos;
        while (pos < end && c[pos] != '"') {
            if (c[pos] == '\\') {
                return 0;
            }
            pos++;
        }
        if (pos == end) {
            return 0;
        }
        int len = pos - start;
        pos++;
        if (is(start, len, "timestamp") || is(start, len, "created_time")) {
            return TIMESTAMP;
        }
        if (is(start, len, "input_length") || is(start, len, "input_tokens")) {
            return INPUT;
        }
        if (is(start, len, "output_length") || is(start, len, "output_tokens")) {
            return OUTPUT;
        }
        return is(start, len, "hash_ids") ? HASH_IDS : 0;
    }

    private boolean is(int start, int len, String name) {
        if (len != name.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (c[start + k] != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Reads {@code [n, n, ...]} into {@link #ids}; false for anything unusual. */
    private boolean list() {
        if (pos == end || c[pos] != '[') {
            return false;
        }
        pos++;
        skipSpace();
        if (pos < end && c[pos] == ']') {
            pos++;
            return true;
        }
        while (true) {
            long v = number();
            if (v < 0) {
                return false;
            }
            if (count == ids.length) {
                ids = java.util.Arrays.copyOf(ids, count * 2);
            }
            ids[count++] = v;
            skipSpace();
            if (pos == end) {
                return false;
            }
            char ch = c[pos++];
            if (ch == ']') {
                return true;
            }
            if (ch != ',') {
                return false;
            }
            skipSpace();
        }
    }

    /**
     * Reads a non-negative integer of 1 to 18 digits without a leading zero; returns -1 for anything else. What
     * follows it (a fraction, an exponent, a letter) is left to the caller, which accepts only a separator.
     */
    private long number() {
        int start = pos;
        long v = 0;
        while (pos < end) {
            int d = c[pos] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            v = v * 10 + d;
            pos++;
        }
        int digits = pos - start;
        if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && c[start] == '0')) {
            return -1;
        }
        return v;
    }

    private void skipSpace() {
        while (pos < end && (c[pos] == ' ' || c[pos] == '\t')) {
            pos++;
        }
    }
}
