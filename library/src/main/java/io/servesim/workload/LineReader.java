package io.servesim.workload;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads text lines (ending in \n, \r\n or \r) with a cap on their length, so one hostile line cannot take the heap:
 * a longer line is consumed without being kept and reported as {@link #TOO_LONG}. Not thread-safe.
 */
final class LineReader implements AutoCloseable {
    /** Returned (by identity) for a line longer than the cap; the line itself is skipped. */
    static final String TOO_LONG = new String("<line too long>");

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder line = new StringBuilder(256);
    private int pos;
    private int limit;
    private boolean skipLf;

    LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** Returns the next line without its terminator, {@link #TOO_LONG}, or null at the end of the input. */
    String readLine() throws IOException {
        line.setLength(0);
        boolean any = false;
        boolean tooLong = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buf, 0, buf.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? (tooLong ? TOO_LONG : line.toString()) : null;
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
                if (line.length() + (pos - start) > maxChars) {
                    tooLong = true;
                    line.setLength(0);
                    line.trimToSize();
                } else {
                    line.append(buf, start, pos - start);
                }
            }
            if (pos < limit) {
                skipLf = buf[pos] == '\r';
                pos++;
                return tooLong ? TOO_LONG : line.toString();
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
