package io.servesim.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.spec.WorkloadSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Projecting a trace's request bytes from its two ends, and streaming traces that clearly outgrow the bound. */
class TraceSampleTest {
    private static final long REQUEST_BYTES = 80;

    /** Writes {@code n} lines whose ids grow along the file (as in generated and public traces); returns the bytes. */
    private static long write(Path file, int n) throws IOException {
        StringBuilder text = new StringBuilder();
        long bytes = 0;
        long id = 0;
        for (int i = 0; i < n; i++) {
            int input = 512 * (1 + i % 7) - i % 3;
            StringJoiner ids = new StringJoiner(", ", "[", "]");
            for (int k = 0; k < BlockHashes.blocksFor(input, 512); k++) {
                ids.add(Long.toString(id++));
            }
            text.append("{\"timestamp\": ").append(i * 10).append(", \"input_length\": ").append(input)
                    .append(", \"output_length\": 4, \"hash_ids\": ").append(ids).append("}\n");
            bytes += REQUEST_BYTES + 8L * BlockHashes.blocksFor(input, 512);
        }
        Files.writeString(file, text);
        return bytes;
    }

    @Test
    void aSmallTraceIsProjectedExactly(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.jsonl");
        long bytes = write(f, 200);
        assertThat(Files.size(f)).isLessThan(TraceSample.WINDOW);
        assertThat(TraceSample.projectedBytes(f, 512, REQUEST_BYTES)).isEqualTo(bytes);
    }

    @Test
    void aLargeTraceIsProjectedFromItsEnds(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.jsonl");
        long bytes = write(f, 60_000);
        assertThat(Files.size(f)).isGreaterThan(20L * TraceSample.WINDOW);
        assertThat((double) TraceSample.projectedBytes(f, 512, REQUEST_BYTES) / bytes).isBetween(0.9, 1.15);
    }

    @Test
    void gzippedOrUnusualTracesAreNotProjected(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("t.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("{\"timestamp\": 0, \"input_length\": 10, \"output_length\": 3, \"hash_ids\": [1]}\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        assertThat(TraceSample.projectedBytes(gz, 512, REQUEST_BYTES)).isEqualTo(-1);
        Path other = Files.writeString(dir.resolve("o.jsonl"),
                "{\"timestamp\": 0.5, \"input_length\": 10, \"output_length\": 3, \"hash_ids\": [1]}\n");
        assertThat(TraceSample.projectedBytes(other, 512, REQUEST_BYTES)).isEqualTo(-1);
        assertThat(TraceSample.projectedBytes(dir.resolve("missing.jsonl"), 512, REQUEST_BYTES)).isEqualTo(-1);
    }

    @Test
    void aTraceProjectedWellOverTheBoundIsStreamedFromTheFirstRun(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.jsonl");
        long bytes = write(f, 2_000);
        WorkloadSpec spec = WorkloadSpec.trace(f.toString()).build();
        SharedWorkload over = new SharedWorkload(spec, 512, Integer.MAX_VALUE, bytes / 2);
        SharedWorkload under = new SharedWorkload(spec, 512, Integer.MAX_VALUE, bytes * 2);
        try (Workload w = over.open()) {
            assertThat(w).isInstanceOf(MooncakeTrace.class);
            while (w.next() != null) {
                // read all
            }
        }
        assertThat(over.recorded()).isFalse();
        try (Workload w = under.open()) {
            while (w.next() != null) {
                // read all
            }
        }
        assertThat(under.recorded()).isTrue();
    }
}
