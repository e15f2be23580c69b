package io.servesim.workload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Projects how many bytes the requests of a plain-text (not gzipped) Mooncake trace take in memory, from the lines
 * in its first and last {@value #WINDOW} bytes, without reading the rest: file size × (sampled requests' bytes ÷
 * sampled lines' bytes). Sampling both ends follows traces whose lines grow along the file (hash ids gain digits).
 * Used only to decide whether recording a trace for later runs is worth starting; a wrong guess costs time, never a
 * result.
 */
final class TraceSample {
    static final int WINDOW = 1 << 16;

    private TraceSample() {
    }

    /**
     * Returns the projected bytes of {@code file}'s requests at {@code requestBytes} + 8 per {@code blockSize}-token
     * block each, or -1 when it cannot tell: a gzipped or unreadable file, or a sampled line in another shape than
     * the common one (see {@link TraceLineScanner}), or not a regular file.
     */
    static long projectedBytes(Path file, int blockSize, long requestBytes) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            return -1; // a pipe must not be read twice
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long[] sums = new long[2]; // sampled line bytes, sampled request bytes
            if ((size >= 2 && isGzip(ch)) || !sample(ch, 0, false, blockSize, requestBytes, sums)) {
                return -1;
            }
            if (size > 2L * WINDOW && !sample(ch, size - WINDOW, true, blockSize, requestBytes, sums)) {
                return -1;
            }
            if (sums[0] == 0) {
                return -1;
            }
            return (long) ((double) size * sums[1] / sums[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static boolean isGzip(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(2);
        ch.read(b, 0);
        return b.get(0) == (byte) 0x1f && b.get(1) == (byte) 0x8b;
    }

    /**
     * Adds the bytes and request bytes of the whole lines in {@code [from, from + WINDOW)} (after the first line
     * break when {@code partialFirst}) to {@code sums}; false when a line is not in the common shape.
     */
    private static boolean sample(FileChannel ch, long from, boolean partialFirst, int blockSize, long requestBytes,
                                  long[] sums) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(WINDOW);
        while (buf.hasRemaining() && ch.read(buf, from + buf.position()) > 0) {
            // fill the window
        }
        int n = buf.position();
        byte[] bytes = buf.array();
        boolean toEnd = from + n >= ch.size();
        TraceLineScanner scanner = new TraceLineScanner();
        char[] line = new char[WINDOW];
        int start = 0;
        if (partialFirst) {
            while (start < n && bytes[start] != '\n') {
                start++;
            }
            start++;
        }
        while (start < n) {
            int end = start;
            while (end < n && bytes[end] != '\n') {
                end++;
            }
            if (end == n && !toEnd) {
                break; // cut by the window
            }
            int length = 0;
            for (int i = start; i < end; i++) {
                if (bytes[i] < 0) {
                    return false; // not ASCII
                }
                line[length++] = (char) bytes[i];
            }
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            int kind = scanner.scan(line, length);
            if (kind == TraceLineScanner.OTHER || (kind == TraceLineScanner.LINE && !scanner.hasInput())) {
                return false;
            }
            sums[0] += end + 1 - start;
            if (kind == TraceLineScanner.LINE) {
                sums[1] += requestBytes + 8L * BlockHashes.blocksFor(scanner.inputLength, blockSize);
            }
            start = end + 1;
        }
        return true;
    }
}
