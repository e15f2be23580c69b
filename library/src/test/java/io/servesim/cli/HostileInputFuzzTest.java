package io.servesim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.servesim.spec.Specs;
import io.servesim.workload.TraceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Assertions;

/**
 * Fuzzes the two text front doors with generated hostile inputs (over 10,000 per run): mutated specs, mutated
 * trace lines, and small traces replayed from the command line. Every input either works or ends in a bad-input
 * error ({@link IllegalArgumentException}, exit 2); nothing else escapes, nothing hangs, and a replay exits 0 only
 * when every request the trace holds was sent and completed.
 */
class HostileInputFuzzTest {
    private static final List<String> SPEC_LINES = Hostile.SMALL_SPEC.lines().toList();
    private static final String GOOD_LINE =
            "{\"timestamp\": 1, \"input_length\": 600, \"output_length\": 4, \"hash_ids\": [1, 2]}";
    private static Path dir;

    @BeforeContainer
    static void createDir() throws IOException {
        dir = Files.createTempDirectory("servesim-fuzz-");
    }

    @AfterContainer
    static void deleteDir() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 5000)
    void specsParseOrFailWithASpecError(@ForAll("specTexts") String yaml) {
        assertThatCode(() -> {
            try {
                Specs.fromYaml(yaml);
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).isNotBlank().hasSizeLessThan(2000);
            }
        }).as(yaml).doesNotThrowAnyException();
    }

    /** Each try is a file of up to 16 lines: about 5,000 generated lines per run. */
    @Property(tries = 600)
    void traceLinesParseOrFailNamingTheLine(@ForAll("traceFiles") List<String> lines) throws IOException {
        String text = String.join("\n", lines) + "\n";
        Path file = Files.writeString(dir.resolve("lines.jsonl"), text);
        try (TraceReader strict = new TraceReader(file, 512, false)) {
            for (var line = strict.next(); line != null; line = strict.next()) {
                assertThat(line.lineNumber()).isPositive();
            }
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).matches("(?s)lines\\.jsonl:\\d+: .+");
        }
        long nonBlank = text.lines().filter(l -> !l.isBlank()).count();
        long parsed = 0;
        try (TraceReader lenient = new TraceReader(file, 512, true)) {
            while (lenient.next() != null) {
                parsed++;
            }
            assertThat(parsed + lenient.skippedLines()).as(text).isEqualTo(nonBlank);
        }
    }

    @Provide
    Arbitrary<List<String>> traceFiles() {
        return traceLines().list().ofMinSize(1).ofMaxSize(16);
    }

    @Property(tries = 120)
    void replayExitsZeroOnlyWithEveryRequestAccountedFor(@ForAll("traces") List<String> lines) throws Exception {
        Path trace = Files.writeString(dir.resolve("t.jsonl"), String.join("\n", lines) + "\n");
        long accepted = 0;
        try (TraceReader reader = new TraceReader(trace, 512, true)) {
            while (reader.next() != null) {
                accepted++;
            }
        }
        Path spec = Files.writeString(dir.resolve("s.yaml"), Hostile.TRACE_SPEC.replace("TRACE", "t.jsonl"));
        CliRun cli = new CliRun();
        int code = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> cli.run("replay", "--spec",
                spec.toString(), "--lenient", "--json", "--no-progress", "--prefill-tp", "1", "--decode-tp", "1",
                "--prefill-workers", "1", "--decode-workers", "1"));
        assertThat(cli.err.toString()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(code).as(cli.err.toString()).isIn(0, 2);
        if (code == 0) {
            JsonNode m = Specs.jsonMapper().readTree(cli.out.toString());
            assertThat(m.path("sent_requests").asLong()).isEqualTo(accepted);
            assertThat(m.path("completed_requests").asLong()).isEqualTo(accepted);
            assertThat(m.path("unfinished_requests").asLong()).isZero();
        } else {
            assertThat(accepted).as("a trace with valid lines replays: %s", cli.err).isZero();
        }
    }

    @Provide
    Arbitrary<String> specTexts() {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, SPEC_LINES.size() - 1);
        Arbitrary<Integer> how = Arbitraries.integers().between(0, 4);
        Arbitrary<String> mutation = Combinators.combine(index, how, values()).as(HostileInputFuzzTest::mutate);
        return mutation.list().ofMinSize(1).ofMaxSize(3).map(ms -> {
            List<String> lines = new ArrayList<>(SPEC_LINES);
            for (String m : ms) {
                String[] parts = m.split("\u0000", 3);
                int i = Integer.parseInt(parts[0]) % lines.size();
                switch (parts[1]) {
                    case "value" -> lines.set(i, lines.get(i).replaceFirst("(\\w+): [^,}\\n]+",
                            "$1: " + java.util.regex.Matcher.quoteReplacement(parts[2])));
                    case "dup" -> lines.add(i, lines.get(i));
                    case "drop" -> lines.remove(i);
                    case "insert" -> lines.add(i, parts[2]);
                    default -> lines.set(i, parts[2]);
                }
                if (lines.isEmpty()) {
                    lines.add(parts[2]);
                }
            }
            return String.join("\n", lines) + "\n";
        });
    }

    private static String mutate(int index, int how, String value) {
        String kind = switch (how) {
            case 0, 1 -> "value";
            case 2 -> "dup";
            case 3 -> "drop";
            default -> "insert";
        };
        return index + "\u0000" + kind + "\u0000" + value;
    }

    private Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-1", "1e308", "-1e308", "1e-320", ".nan", ".inf", "-.inf", "99999999999",
                        "2147483648", "9223372036854775808", "1.5", "true", "null", "~", "[]", "{}", "\"\"", "[1, 2]",
                        "{a: 1}", "0x10", "&a [1]", "*a", "!!binary AAAA", "---", "...", "- x", "? x", "| x",
                        "'unterminated", "\"\\u0000\"", "{{{{", "]]]", "!!float 1e999", "@x", "`x`", "%YAML 1.1"),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.strings().ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> traceLines() {
        Arbitrary<String> field = Arbitraries.of("timestamp", "created_time", "input_length", "input_tokens",
                "output_length", "output_tokens", "hash_ids", "other");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("0", "-1", "1e308", "NaN", "1.5", "9223372036854775808", "2147483648", "null", "true",
                        "\"x\"", "[]", "[1]", "[1, 2]", "[1, \"a\"]", "[[1]]", "{}", "[1, 2, 3]", "-0", "1E2"),
                Arbitraries.integers().between(-5, 5000).map(String::valueOf),
                Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> mutated = Combinators.combine(field, value).as((f, v) ->
                GOOD_LINE.replaceFirst("\"" + f + "\": [^,}\\]]+(\\][^,}]*)?",
                        java.util.regex.Matcher.quoteReplacement("\"" + f + "\": " + v)));
        Arbitrary<String> truncated = Arbitraries.integers().between(0, GOOD_LINE.length())
                .map(n -> GOOD_LINE.substring(0, n));
        return Arbitraries.oneOf(mutated, truncated, Arbitraries.strings().ofMaxLength(60), Arbitraries.just(GOOD_LINE),
                Arbitraries.of("", "   ", "{}", "[]", "null", GOOD_LINE + GOOD_LINE, GOOD_LINE + " x"));
    }

    @Provide
    Arbitrary<List<String>> traces() {
        Arbitrary<String> good = Arbitraries.integers().between(1, 3000).map(n -> "{\"timestamp\": 5, \"input_length\": "
                + n + ", \"output_length\": " + (1 + n % 7) + ", \"hash_ids\": " + ids(n) + "}");
        return Arbitraries.oneOf(good, good, traceLines()).list().ofMinSize(0).ofMaxSize(6);
    }

    private static String ids(int inputLength) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < (inputLength + 511) / 512; i++) {
            ids.add(String.valueOf(i));
        }
        return ids.toString();
    }
}
