package io.servesim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a trace ahead on a background thread: same requests, same failures at the same place, no thread left. */
class TracePrefetcherTest {
    private static String line(long ts, int input) {
        return "{\"timestamp\": " + ts + ", \"input_length\": " + input + ", \"output_length\": 3, \"hash_ids\": ["
                + ts + "]}\n";
    }

    private static Path trace(Path dir, int lines, int badEvery, String bad) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            b.append(badEvery > 0 && i % badEvery == badEvery - 1 ? bad + "\n" : line(i, 10 + i % 500));
        }
        Path f = dir.resolve("t.jsonl");
        Files.writeString(f, b);
        return f;
    }

    /** The requests (and, after each, the skip count) read on the caller's thread, as before read-ahead. */
    private static List<String> direct(Path f, boolean lenient) {
        List<String> out = new ArrayList<>();
        TraceReader reader = new TraceReader(f, 512, lenient);
        try {
            for (TraceLine l = reader.next(); l != null; l = reader.next()) {
                out.add(l.timestampMs() + "/" + l.inputLength() + "/" + reader.skippedLines());
            }
        } finally {
            reader.close();
        }
        return out;
    }

    private static List<String> prefetched(MooncakeTrace t) {
        List<String> out = new ArrayList<>();
        for (Request r = t.next(); r != null; r = t.next()) {
            out.add(r.arrivalMs() + "/" + r.inputLength() + "/" + t.skippedLines());
        }
        return out;
    }

    @Test
    void handsOverEveryRequestInOrderAcrossBatches(@TempDir Path dir) throws Exception {
        Path f = trace(dir, 3 * TracePrefetcher.BATCH + 7, 0, null);
        try (MooncakeTrace t = new MooncakeTrace(f, 512, 512, 1.0, 0, false)) {
            assertThat(prefetched(t)).isEqualTo(direct(f, false)).hasSize(3 * TracePrefetcher.BATCH + 7);
            assertThat(t.nextOrEnd()).isSameAs(Workload.END);
            assertThat(t.nextOrEnd()).isSameAs(Workload.END);
            assertThat(t.next()).isNull();
        }
    }

    @Test
    void lenientSkipCountsAreThoseOfTheLastRequestPulled(@TempDir Path dir) throws Exception {
        Path f = trace(dir, 2500, 7, "garbage");
        try (MooncakeTrace t = new MooncakeTrace(f, 512, 512, 1.0, 0, true)) {
            assertThat(t.skippedLines()).isZero();
            assertThat(prefetched(t)).isEqualTo(direct(f, true));
            assertThat(t.skippedLines()).isEqualTo(2500 / 7);
            assertThat(t.firstProblem()).startsWith("t.jsonl:7: ");
        }
    }

    @Test
    void aBadLineFailsAfterTheRequestsBeforeIt(@TempDir Path dir) throws Exception {
        Path f = trace(dir, 3000, 2000, "{\"timestamp\": 1, bad");
        long before = readerThreads();
        try (MooncakeTrace t = new MooncakeTrace(f, 512, 512, 1.0, 0, false)) {
            for (int i = 0; i < 1999; i++) {
                assertThat(t.next().id()).isEqualTo(i);
            }
            assertThatThrownBy(t::next).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("t.jsonl:2000: is not valid JSON");
            assertThatThrownBy(t::next).hasMessageStartingWith("t.jsonl:2000: ");
        }
        assertThat(readerThreads()).isEqualTo(before);
    }

    @Test
    void closingEarlyStopsTheReadingThread(@TempDir Path dir) throws Exception {
        Path f = trace(dir, 50 * TracePrefetcher.BATCH, 0, null);
        long before = readerThreads();
        try (MooncakeTrace t = new MooncakeTrace(f, 512, 512, 1.0, 0, false)) {
            assertThat(t.next().id()).isZero();
        }
        assertThat(readerThreads()).isEqualTo(before);
        // never pulled: no thread was started, and the file is closed all the same
        new MooncakeTrace(f, 512, 512, 1.0, 0, false).close();
        assertThat(readerThreads()).isEqualTo(before);
    }

    @Test
    void anInterruptedRunStopsInsteadOfWaiting(@TempDir Path dir) throws Exception {
        Path f = trace(dir, 10, 0, null);
        long before = readerThreads();
        try (MooncakeTrace t = new MooncakeTrace(f, 512, 512, 1.0, 0, false)) {
            Thread.currentThread().interrupt();
            assertThatThrownBy(t::next).isInstanceOf(java.util.concurrent.CancellationException.class);
            assertThat(Thread.interrupted()).isTrue();
        }
        assertThat(readerThreads()).isEqualTo(before);
    }

    /** Returns the reading threads alive (other tests' unclosed traces may keep some: compare counts). */
    private static long readerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("servesim-trace-reader") && t.isAlive()).count();
    }
}
