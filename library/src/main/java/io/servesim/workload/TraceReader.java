package io.servesim.workload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.servesim.spec.Limits;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Streams a Mooncake-style JSONL trace line by line, never holding the file in memory. Each line is an object with
 * {@code timestamp} (ms; alias {@code created_time}), {@code input_length} (alias {@code input_tokens}),
 * {@code output_length} (alias {@code output_tokens}) and {@code hash_ids}; other fields are ignored. Gzipped files
 * ({@code .gz} or gzip magic bytes) are read transparently.
 *
 * <p>Strict by default: a malformed line, a missing field, a negative or zero length, {@code hash_ids} whose count is
 * not {@code ceil(input_length / traceBlockSize)}, or a timestamp earlier than the previous line's fails with the file
 * name, line number and the offending value. Lenient readers skip such lines and count them ({@link #skippedLines()}).
 * Lines longer than {@link Limits#MAX_TRACE_LINE_CHARS} are bad lines too (never held in memory); a truncated gzip
 * file or non-UTF-8 bytes fail naming the file. Lines in the common shape are read straight from their characters
 * ({@link TraceLineScanner}); any other line goes to the JSON parser, so values and messages are the parser's.
 */
public final class TraceReader implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final int traceBlockSize;
    private final boolean lenient;
    private final LineReader reader;
    /** Reads common lines without the JSON parser (null: every line goes to the parser). */
    private final TraceLineScanner scanner;
    private long lineNumber;
    private long skipped;
    private String firstProblem;
    private double lastTimestamp = Double.NEGATIVE_INFINITY;

    /** Opens {@code file}; {@code traceBlockSize} is the number of tokens each hash id stands for. */
    public TraceReader(Path file, int traceBlockSize, boolean lenient) {
        this(file, traceBlockSize, lenient, true);
    }

    /** Opens {@code file}; {@code scan} false reads every line with the general JSON parser (to compare the two). */
    TraceReader(Path file, int traceBlockSize, boolean lenient, boolean scan) {
        this.scanner = scan ? new TraceLineScanner() : null;
        this.file = file;
        this.traceBlockSize = traceBlockSize;
        this.lenient = lenient;
        try {
            InputStream in = bytes(file);
            this.reader = new LineReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)), Limits.MAX_TRACE_LINE_CHARS);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("trace file " + file + " does not exist");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IllegalArgumentException("trace file " + file + " cannot be read: permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException("trace file " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** Opens the bytes of trace {@code file}, buffered, and decompressed when they are gzipped (by their magic). */
    public static InputStream bytes(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** Returns the next valid line, or null at the end of the file. */
    public TraceLine next() {
        while (true) {
            int length;
            try {
                length = reader.next();
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                throw new IllegalArgumentException(file + ": the gzip data is truncated or corrupt (" + e.getMessage()
                        + ", " + lineNumber + " lines read); re-download or re-compress the trace");
            } catch (java.nio.charset.MalformedInputException e) {
                throw new IllegalArgumentException(file + ":" + (lineNumber + 1) + ": is not UTF-8 text; allowed: a"
                        + " Mooncake JSONL trace (.jsonl or .jsonl.gz)");
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": read failed after line " + lineNumber, e);
            }
            if (length == LineReader.END) {
                return null;
            }
            lineNumber++;
            try {
                TraceLine line;
                if (length == LineReader.TOO_LONG) {
                    throw bad("is longer than " + Limits.MAX_TRACE_LINE_CHARS + " characters; allowed: one JSON"
                            + " object per line, at most that long");
                }
                int kind = scanner == null ? TraceLineScanner.OTHER : scanner.scan(reader.chars(), length);
                if (kind == TraceLineScanner.BLANK) {
                    continue;
                }
                if (kind == TraceLineScanner.LINE) {
                    TraceLineScanner l = scanner;
                    line = checked(l.hasTimestamp(), l.timestampMs, l.hasInput(), l.inputLength, l.hasOutput(),
                            l.outputLength, l.hasIds() ? l.ids : null, l.count);
                } else {
                    String text = new String(reader.chars(), 0, length);
                    if (text.isBlank()) {
                        continue;
                    }
                    line = parse(text);
                }
                lastTimestamp = line.timestampMs();
                return line;
            } catch (IllegalArgumentException e) {
                if (!lenient) {
                    throw e;
                }
                skipped++;
                if (firstProblem == null) {
                    firstProblem = e.getMessage();
                }
            }
        }
    }

    /** Returns how many bad lines a lenient reader skipped so far. */
    public long skippedLines() {
        return skipped;
    }

    /** Returns the first skipped line's problem, or null. */
    public String firstProblem() {
        return firstProblem;
    }

    private TraceLine parse(String text) {
        Double timestamp = null;
        Integer input = null;
        Integer output = null;
        long[] ids = null;
        int count = 0;
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw bad("is not a JSON object: " + shorten(text));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "timestamp", "created_time" -> timestamp = number(p, t, name);
                    case "input_length", "input_tokens" -> input = integer(p, t, name);
                    case "output_length", "output_tokens" -> output = integer(p, t, name);
                    case "hash_ids" -> {
                        if (t != JsonToken.START_ARRAY) {
                            throw bad("hash_ids is " + p.getText() + "; allowed: a list of integers");
                        }
                        ids = new long[16];
                        count = 0;
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (t != JsonToken.VALUE_NUMBER_INT) {
                                throw bad("hash_ids[" + count + "] is " + p.getText() + "; allowed: integers");
                            }
                            if (count == ids.length) {
                                ids = Arrays.copyOf(ids, count * 2);
                            }
                            ids[count++] = p.getLongValue();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw bad("has text after the JSON object: " + shorten(text));
            }
        } catch (JsonProcessingException e) {
            throw bad("is not valid JSON (" + e.getOriginalMessage() + "): " + shorten(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checked(timestamp != null, timestamp == null ? 0 : timestamp, input != null, input == null ? 0 : input,
                output != null, output == null ? 0 : output, ids, count);
    }

    /** Checks the fields of a parsed line (absent ones flagged false, absent hash_ids null) and returns the line. */
    private TraceLine checked(boolean hasTimestamp, double timestamp, boolean hasInput, int input, boolean hasOutput,
                              int output, long[] ids, int count) {
        if (!hasTimestamp) {
            throw bad("has no timestamp");
        }
        if (!hasInput) {
            throw bad("has no input_length");
        }
        if (!hasOutput) {
            throw bad("has no output_length");
        }
        if (ids == null) {
            throw bad("has no hash_ids");
        }
        if (input <= 0) {
            throw bad("input_length is " + input + "; allowed: an integer > 0");
        }
        if (output <= 0) {
            throw bad("output_length is " + output + "; allowed: an integer > 0");
        }
        if (timestamp < lastTimestamp) {
            throw bad("timestamp is " + fmt(timestamp) + ", earlier than the previous line's " + fmt(lastTimestamp)
                    + "; timestamps must not decrease");
        }
        int expected = BlockHashes.blocksFor(input, traceBlockSize);
        if (count != expected) {
            throw bad("hash_ids has " + count + " ids but input_length " + input + " needs ceil(" + input + "/"
                    + traceBlockSize + ") = " + expected + " (trace block size " + traceBlockSize + ")");
        }
        return new TraceLine(lineNumber, timestamp, input, output, Arrays.copyOf(ids, count));
    }

    private double number(JsonParser p, JsonToken t, String name) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw bad(name + " is " + p.getText() + "; allowed: a number of ms");
        }
        double v = p.getDoubleValue();
        if (!Double.isFinite(v) || v < 0) {
            throw bad(name + " is " + p.getText() + "; allowed: a finite number of ms >= 0");
        }
        return v;
    }

    private int integer(JsonParser p, JsonToken t, String name) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw bad(name + " is " + p.getText() + "; allowed: an integer");
        }
        long v = p.getLongValue();
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw bad(name + " is " + v + "; allowed: an integer below 2^31");
        }
        return (int) v;
    }

    private IllegalArgumentException bad(String what) {
        return new IllegalArgumentException(file.getFileName() + ":" + lineNumber + ": " + what);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
