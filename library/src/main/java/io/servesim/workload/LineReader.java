package io.servesim.workload;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads text lines (ending in \n, \r\n or \r) with a cap on their length, so one hostile line cannot take the heap:
 * a longer line is consumed without being kept and reported as {@link #TOO_LONG}. Not thread-safe.
 */
final class LineReader implements AutoCloseable {
    /** Returned by {@link #next} for a line longer than the cap; the line itself is skipped. */
    static final int TOO_LONG = -2;
    /** Returned by {@link #next} at the end of the input. */
    static final int END = -1;

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[1 << 16];
    private char[] line = new char[256];
    private int pos;
    private int limit;
    private boolean skipLf;

    LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /**
     * Reads the next line, without its terminator, into {@link #chars()}; returns its length, {@link #TOO_LONG}, or
     * {@link #END} at the end of the input.
     */
    int next() throws IOException {
        int length = 0;
        boolean any = false;
        boolean tooLong = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buf, 0, buf.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? (tooLong ? TOO_LONG : length) : END;
                }
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int start = pos;
            while (pos < limit && buf[pos] != '\n' && buf[pos] != '\r') {
                pos++;
            }
            any = true;
            if (!tooLong) {
                int n = pos - start;
                if (length + n > maxChars) {
                    tooLong = true;
                    line = new char[256];
                } else {
                    if (length + n > line.length) {
                        line = java.util.Arrays.copyOf(line, Math.min(maxChars, Math.max(length + n, 2 * line.length)));
                    }
                    System.arraycopy(buf, start, line, length, n);
                    length += n;
                }
            }
            if (pos < limit) {
                skipLf = buf[pos] == '\r';
                pos++;
                return tooLong ? TOO_LONG : length;
            }
        }
    }

    /** Returns the characters of the line {@link #next} read last (valid up to the length it returned). */
    char[] chars() {
        return line;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
