package io.servesim.workload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a Mooncake JSONL trace: one {@code {"timestamp": ms, "input_length": n, "output_length": n, "hash_ids":
 * [...]}} object a line, timestamps rounded to whole ms. Block hashes become small ids numbered in order of first
 * appearance, so two prompts share an id exactly where they share a block (and its whole prefix).
 */
final class MooncakeTraceWriter implements TraceWriter {
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final JsonGenerator out;
    private final Map<Long, Integer> ids = new HashMap<>();

    MooncakeTraceWriter(Path file) {
        this.file = file;
        try {
            this.out = JSON.createGenerator(Files.newBufferedWriter(file)).setPrettyPrinter(new Spaced());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace " + file, e);
        }
    }

    @Override
    public void write(Request request) {
        try {
            out.writeStartObject();
            out.writeNumberField("timestamp", Math.round(request.arrivalMs()));
            out.writeNumberField("input_length", request.inputLength());
            out.writeNumberField("output_length", request.outputLength());
            out.writeArrayFieldStart("hash_ids");
            for (long h : request.blockHashes()) {
                out.writeNumber(ids.computeIfAbsent(h, k -> ids.size()));
            }
            out.writeEndArray();
            out.writeEndObject();
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace " + file, e);
        }
    }

    /** One line per object, with a space after each colon and comma, as the public Mooncake traces are written. */
    private static final class Spaced extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        Spaced() {
            super("");
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }
    }
}
