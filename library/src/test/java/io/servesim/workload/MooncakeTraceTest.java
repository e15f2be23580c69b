package io.servesim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading Mooncake traces: the public files, strict errors with file:line, lenient mode, gzip, remapping. */
class MooncakeTraceTest {
    static final Path SHIPPED = Path.of("..", "traces");

    @Test
    void conversationTraceMatchesItsPublishedFigures() {
        Path file = SHIPPED.resolve("conversation_trace.jsonl.gz");
        long n = 0;
        long input = 0;
        long output = 0;
        long blocks = 0;
        long reusedBlocks = 0;
        Set<Long> seen = new HashSet<>();
        double last = 0;
        try (MooncakeTrace t = new MooncakeTrace(file, 512, 512, 1.0, 0, false)) {
            for (Request r = t.next(); r != null; r = t.next()) {
                n++;
                input += r.inputLength();
                output += r.outputLength();
                last = r.arrivalMs();
                for (long h : r.blockHashes()) {
                    blocks++;
                    if (!seen.add(h)) {
                        reusedBlocks++;
                    }
                }
            }
        }
        assertThat(n).isEqualTo(12_031);
        assertThat(Math.round((double) input / n)).isEqualTo(12_035);
        assertThat(Math.round((double) output / n)).isEqualTo(343);
        assertThat(last).isEqualTo(3_536_999.0);
        assertThat(blocks).isEqualTo(288_500);
        assertThat((double) reusedBlocks / blocks).isCloseTo(0.366, org.assertj.core.data.Offset.offset(0.0005));
    }

    @Test
    void speedupDividesArrivalTimes() {
        Path file = SHIPPED.resolve("synthetic_trace.jsonl.gz");
        double last = 0;
        try (MooncakeTrace t = new MooncakeTrace(file, 512, 512, 2.0, 0, false)) {
            for (Request r = t.next(); r != null; r = t.next()) {
                last = r.arrivalMs();
            }
        }
        assertThat(last).isEqualTo(1_022_025 / 2.0);
    }

    @Test
    void badLinesNameFileLineAndValue(@TempDir Path dir) throws Exception {
        String ok = "{\"timestamp\": 5, \"input_length\": 600, \"output_length\": 3, \"hash_ids\": [1, 2]}\n";
        assertBad(dir, ok + "{\"timestamp\": 6, \"input_length\": 600, \"output_length\": 3, \"hash_ids\": [1]}\n",
                "t.jsonl:2", "hash_ids has 1 ids");
        assertBad(dir, ok + "{\"timestamp\": 4, \"input_length\": 600, \"output_length\": 3, \"hash_ids\": [1, 2]}\n",
                "t.jsonl:2", "timestamp is 4");
        assertBad(dir, ok + "{\"timestamp\": 6, \"input_length\": -1, \"output_length\": 3, \"hash_ids\": []}\n",
                "t.jsonl:2", "input_length is -1");
        assertBad(dir, ok + "{\"timestamp\": 6, \"input_length\": 600, \"hash_ids\": [1, 2]}\n", "t.jsonl:2",
                "no output_length");
        assertBad(dir, ok + ok + "{\"timestamp\": 6, \"input_len\n", "t.jsonl:3", "not valid JSON");
    }

    private static void assertBad(Path dir, String text, String where, String what) throws Exception {
        Path f = dir.resolve("t.jsonl");
        Files.writeString(f, text);
        assertThatThrownBy(() -> {
            try (MooncakeTrace t = new MooncakeTrace(f, 512, 512, 1.0, 0, false)) {
                while (t.next() != null) {
                    // read all
                }
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(where).hasMessageContaining(what);
    }

    @Test
    void lenientSkipsAndCountsBadLines(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.jsonl");
        Files.writeString(f, "{\"timestamp\": 0, \"input_length\": 10, \"output_length\": 3, \"hash_ids\": [1]}\n"
                + "garbage\n"
                + "{\"timestamp\": 1, \"input_length\": 10, \"output_length\": 0, \"hash_ids\": [1]}\n"
                + "{\"timestamp\": 2, \"input_length\": 10, \"output_length\": 3, \"hash_ids\": [1]}\n");
        try (MooncakeTrace t = new MooncakeTrace(f, 512, 512, 1.0, 0, true)) {
            assertThat(t.next().id()).isZero();
            assertThat(t.next().arrivalMs()).isEqualTo(2.0);
            assertThat(t.next()).isNull();
            assertThat(t.skippedLines()).isEqualTo(2);
        }
    }

    @Test
    void gzippedTracesReadTransparently(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write("{\"timestamp\": 0, \"input_length\": 700, \"output_length\": 3, \"hash_ids\": [7, 8]}\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        try (MooncakeTrace t = new MooncakeTrace(f, 512, 512, 1.0, 0, false)) {
            Request r = t.next();
            assertThat(r.inputLength()).isEqualTo(700);
            assertThat(r.numBlocks()).isEqualTo(2);
        }
    }

    @Test
    void remappingKeepsExactlyTheRecordedSharing() {
        long[] a = {10, 11, 12};
        long[] b = {10, 11, 99};
        long[] ra = MooncakeTrace.remap(a, 1536, 256, 512);
        long[] rb = MooncakeTrace.remap(b, 1536, 256, 512);
        assertThat(ra).hasSize(6);
        for (int j = 0; j < 4; j++) {
            assertThat(ra[j]).isEqualTo(rb[j]);
        }
        assertThat(ra[4]).isNotEqualTo(rb[4]);
        long[] big = MooncakeTrace.remap(a, 1536, 1024, 512);
        long[] bigB = MooncakeTrace.remap(b, 1536, 1024, 512);
        assertThat(big).hasSize(2);
        assertThat(big[0]).isEqualTo(bigB[0]);
        assertThat(big[1]).isNotEqualTo(bigB[1]);
    }
}
