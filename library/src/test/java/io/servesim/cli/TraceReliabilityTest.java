package io.servesim.cli;

import static io.servesim.cli.Hostile.Case;

import io.servesim.spec.Limits;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile traces and flags through {@code servesim trace stats} and {@code trace generate}. */
class TraceReliabilityTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws Exception {
        Hostile.write(dir, "good.jsonl", Hostile.GOOD_TRACE);
        Hostile.write(dir, "bad.jsonl", Hostile.GOOD_TRACE + "not json\n");
        Hostile.write(dir, "ids.jsonl", "{\"timestamp\": 0, \"input_length\": 600, \"output_length\": 8, \"hash_ids\": [1]}\n");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 6000; i++) {
            many.append("{\"timestamp\": ").append(i).append(", \"input_length\": 600, \"output_length\": 8,"
                    + " \"hash_ids\": [").append(i).append(", ").append(i + 1).append("]}\n");
        }
        byte[] gz = Files.readAllBytes(Hostile.gzip(dir, "full.jsonl.gz", many.toString()));
        Files.write(dir.resolve("truncated.jsonl.gz"), Arrays.copyOf(gz, gz.length / 2));
        // one line longer than the cap, compressed to a few KB: must be rejected without holding it
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("longline.jsonl.gz")))) {
            byte[] chunk = "1, ".repeat(1 << 14).getBytes(StandardCharsets.US_ASCII);
            out.write("{\"timestamp\": 0, \"input_length\": 600, \"output_length\": 8, \"hash_ids\": [".getBytes(
                    StandardCharsets.US_ASCII));
            for (long written = 0; written <= Limits.MAX_TRACE_LINE_CHARS; written += chunk.length) {
                out.write(chunk);
            }
            out.write("1]}\n".getBytes(StandardCharsets.US_ASCII));
        }
        byte[] garbage = new byte[2048];
        new java.util.Random(3).nextBytes(garbage);
        Files.write(dir.resolve("garbage.jsonl"), garbage);
    }

    static Stream<Case> cases() {
        return Stream.of(
                Case.of("good trace", 0, "requests          3", "trace", "stats", "{dir}/good.jsonl"),
                Case.of("missing file", 2, "does not exist", "trace", "stats", "{dir}/none.jsonl"),
                Case.of("bad line names file:line", 2, "bad.jsonl:4: is not valid JSON", "trace", "stats",
                        "{dir}/bad.jsonl"),
                Case.of("lenient counts the bad line", 0, "skipped bad lines 1", "trace", "stats", "--lenient",
                        "{dir}/bad.jsonl"),
                Case.of("hash id count", 2, "ids.jsonl:1: hash_ids has 1 ids", "trace", "stats", "{dir}/ids.jsonl"),
                Case.of("truncated gzip names the file", 2, "truncated.jsonl.gz: the gzip data is truncated", "trace",
                        "stats", "{dir}/truncated.jsonl.gz"),
                Case.of("line over the cap", 2, "longline.jsonl.gz:1: is longer than", "trace", "stats",
                        "{dir}/longline.jsonl.gz"),
                Case.of("binary garbage", 2, "garbage.jsonl", "trace", "stats", "{dir}/garbage.jsonl"),
                Case.of("block size 0", 2, "--block-size is 0", "trace", "stats", "--block-size", "0",
                        "{dir}/good.jsonl"),
                Case.of("generate into a missing folder", 2, "does not exist; create it first", "trace", "generate",
                        "--out", "{dir}/no/such/t.jsonl"),
                Case.of("generate with rate 0", 2, "--rate is 0.0", "trace", "generate", "--out", "{dir}/t.jsonl",
                        "--rate", "0"),
                Case.of("generate with 1e9 requests", 2, "--requests is 1000000000", "trace", "generate", "--out",
                        "{dir}/t.jsonl", "--requests", "1000000000"),
                Case.of("generate works", 0, "wrote 20 requests", "trace", "generate", "--out", "{dir}/t.jsonl",
                        "--requests", "20"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsInOneClearLine(Case c) {
        Hostile.expect(dir, c.args(), c.exit(), c.fragment());
    }
}
