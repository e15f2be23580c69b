package io.servesim.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The trace reader's scanner for common lines gives exactly what the general JSON parser gives: the same lines, the
 * same values, the same errors (file:line and message), the same skipped count in lenient mode, on generated lines
 * that are valid, nearly valid (aliases, other fields, fractions, signs, leading zeros, escapes, odd spaces,
 * duplicates, huge numbers) or mutated character by character.
 */
class TraceLineScannerTest {
    private static Path dir;

    @BeforeContainer
    static void createDir() throws IOException {
        dir = Files.createTempDirectory("servesim-scan-");
    }

    @AfterContainer
    static void deleteDir() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 1500)
    void scannedLinesEqualParsedLines(@ForAll("traceFiles") List<String> lines) throws IOException {
        Path file = Files.writeString(dir.resolve("t.jsonl"), String.join("\n", lines) + "\n");
        for (boolean lenient : new boolean[] {false, true}) {
            assertThat(read(file, lenient, true)).as(String.join("\n", lines)).isEqualTo(read(file, lenient, false));
        }
    }

    @Example
    void commonLinesAreScannedNotParsed() throws IOException {
        String line = "{\"timestamp\": 12, \"input_length\": 600, \"output_length\": 3, \"hash_ids\": [4, 5]}";
        TraceLineScanner s = new TraceLineScanner();
        assertThat(s.scan(line.toCharArray(), line.length())).isEqualTo(TraceLineScanner.LINE);
        assertThat(s.timestampMs).isEqualTo(12.0);
        assertThat(Arrays.copyOf(s.ids, s.count)).containsExactly(4, 5);
        String other = line.replace("12", "12.5");
        assertThat(s.scan(other.toCharArray(), other.length())).isEqualTo(TraceLineScanner.OTHER);
        assertThat(s.scan(" \t ".toCharArray(), 3)).isEqualTo(TraceLineScanner.BLANK);
    }

    /** Every line read (as text) then the error that stopped a strict reader, or the lenient reader's counts. */
    private static List<String> read(Path file, boolean lenient, boolean scan) {
        List<String> out = new ArrayList<>();
        try (TraceReader r = new TraceReader(file, 512, lenient, scan)) {
            for (TraceLine l = r.next(); l != null; l = r.next()) {
                out.add(l.lineNumber() + " " + Double.doubleToRawLongBits(l.timestampMs()) + " " + l.inputLength()
                        + " " + l.outputLength() + " " + Arrays.toString(l.hashIds()));
            }
            out.add("skipped " + r.skippedLines() + ": " + r.firstProblem());
        } catch (IllegalArgumentException e) {
            out.add("error " + e.getMessage());
        }
        return out;
    }

    @Provide
    Arbitrary<List<String>> traceFiles() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, line()),
                net.jqwik.api.Tuple.of(2, Combinators.combine(line(), Arbitraries.integers().between(0, 1000),
                        Arbitraries.of(ODD)).as(TraceLineScannerTest::mutate)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", " ", "\t", " \u000B", "\u00A0", "{}", "[]", "null")))
                .list().ofMinSize(1).ofMaxSize(8);
    }

    private static final List<String> ODD = List.of("", " ", "\t", "\\", "\"", ",", ":", "{", "}", "[", "]", "-",
            "+", "0", "9", ".", "e", "E", "x", "\u000B", "\u00A0", "\u00e9", "/", "#", "1e3", "00", "\\u0074");

    /** Replaces, inserts or deletes one character at {@code at} (modulo the length). */
    private static String mutate(String line, int at, String what) {
        int i = at % (line.length() + 1);
        return switch (at % 3) {
            case 0 -> line.substring(0, i) + what + line.substring(i);
            case 1 -> line.substring(0, i) + what + (i < line.length() ? line.substring(i + 1) : "");
            default -> i < line.length() ? line.substring(0, i) + line.substring(i + 1) : line;
        };
    }

    private static Arbitrary<String> line() {
        Arbitrary<String> space = Arbitraries.of("", "", " ", " ", "  ", "\t", " \t");
        Arbitrary<String> field = Combinators.combine(fieldName(), space, space, value())
                .as((name, s1, s2, v) -> "\"" + name + "\"" + s1 + ":" + s2 + v);
        return Combinators.combine(field.list().ofMinSize(0).ofMaxSize(6), space, space,
                        Arbitraries.of("", "", "", " ", "x", ",", "}", " {}"))
                .as((fields, s1, s2, after) -> s1 + "{" + String.join(", ", fields) + "}" + s2 + after);
    }

    private static Arbitrary<String> fieldName() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of("timestamp", "input_length", "output_length", "hash_ids")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("created_time", "input_tokens", "output_tokens", "other",
                        "time\\u0073tamp", "hash_id", "", "TIMESTAMP", "input_length ")));
    }

    private static Arbitrary<String> value() {
        Arbitrary<String> ids = Combinators.combine(number().list().ofMinSize(0).ofMaxSize(4),
                        Arbitraries.of(", ", ",", " ,", ",\t", " , "))
                .as((ns, sep) -> "[" + String.join(sep, ns) + "]");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, number()),
                net.jqwik.api.Tuple.of(3, Arbitraries.of("[1]", "[1, 2]", "[0, 1, 2]", "[]")),
                net.jqwik.api.Tuple.of(3, ids),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("\"5\"", "null", "true", "{}", "{\"a\": [1]}", "[1, [2]]",
                        "[1,]", "[,1]", "[1 2]", "\"x\\\"y\"")));
    }

    private static Arbitrary<String> number() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 2000).map(String::valueOf)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, Long.MAX_VALUE).map(String::valueOf)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("-1", "-0", "0", "00", "01", "1.5", "2.0", "1e3", "1E+2",
                        "-3.5e-1", "2147483647", "2147483648", "999999999999999999", "1000000000000000000",
                        "9223372036854775807", "9223372036854775808", "123456789012345678901234567890", "NaN",
                        "Infinity", "+1", ".5", "1.", "0x10")));
    }
}
