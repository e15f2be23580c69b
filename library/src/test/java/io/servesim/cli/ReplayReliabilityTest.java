package io.servesim.cli;

import static io.servesim.cli.Hostile.Case;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile inputs through {@code servesim replay}: bad topologies, empty and bad traces, lenient reporting. */
class ReplayReliabilityTest {
    private static final String[] TOPOLOGY = {"--prefill-tp", "1", "--decode-tp", "1", "--prefill-workers", "1",
        "--decode-workers", "1"};

    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws Exception {
        Hostile.write(dir, "small.yaml", Hostile.SMALL_SPEC);
        Hostile.write(dir, "agg.yaml", Hostile.SMALL_SPEC.replace("basePrefillEngineArgs: {block_size: 512}\n"
                + "  baseDecodeEngineArgs: {block_size: 512}", "baseEngineArgs: {block_size: 512}"));
        Hostile.write(dir, "good.jsonl", Hostile.GOOD_TRACE);
        Hostile.write(dir, "empty.jsonl", "");
        Hostile.write(dir, "blank.jsonl", "\n  \n\n");
        Hostile.write(dir, "allbad.jsonl", "x\ny\n");
        Hostile.write(dir, "somebad.jsonl", Hostile.GOOD_TRACE + "{\"timestamp\": 1}\n");
        for (String t : List.of("good", "empty", "blank", "allbad", "somebad")) {
            Hostile.write(dir, t + ".yaml", Hostile.TRACE_SPEC.replace("TRACE", t + ".jsonl"));
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                Case.of("tp 3 aggregated", 2, "--tp is 3; allowed: a power of two", "replay", "--spec",
                        "{dir}/agg.yaml", "--tp", "3", "--workers", "1"),
                Case.of("prefill tp 3", 2, "--prefill-tp is 3", "replay", "--spec", "{dir}/small.yaml",
                        "--prefill-tp", "3", "--decode-tp", "1", "--prefill-workers", "1", "--decode-workers", "1"),
                Case.of("workers 0", 2, "--decode-workers is 0", "replay", "--spec", "{dir}/small.yaml",
                        "--prefill-tp", "1", "--decode-tp", "1", "--prefill-workers", "1", "--decode-workers", "0"),
                Case.of("credit 7", 2, "--overlap-credit is 7.0", "replay", "--spec", "{dir}/small.yaml",
                        "--overlap-credit", "7", "--prefill-tp", "1", "--decode-tp", "1", "--prefill-workers", "1",
                        "--decode-workers", "1"),
                Case.of("missing spec", 2, "does not exist", "replay", "--spec", "{dir}/none.yaml", "--tp", "1"),
                Case.of("empty trace", 2, "the workload has no requests", with("replay", "--spec", "{dir}/empty.yaml")),
                Case.of("blank trace", 2, "the workload has no requests", with("replay", "--spec", "{dir}/blank.yaml")),
                Case.of("strict bad line", 2, "allbad.jsonl:1: is not valid JSON",
                        with("replay", "--spec", "{dir}/allbad.yaml")),
                Case.of("lenient, every line bad", 2, "2 bad trace lines skipped, the first: allbad.jsonl:1",
                        with("replay", "--spec", "{dir}/allbad.yaml", "--lenient")),
                Case.of("lenient, one bad line", 0, "lenient trace: 1 bad lines skipped; first: somebad.jsonl:4",
                        with("replay", "--spec", "{dir}/somebad.yaml", "--lenient")),
                Case.of("lenient needs a trace", 2, "--lenient applies to trace workloads",
                        with("replay", "--spec", "{dir}/small.yaml", "--lenient")),
                Case.of("bench -1", 2, "--bench is -1", with("replay", "--spec", "{dir}/small.yaml", "--bench", "-1")));
    }

    private static String[] with(String... head) {
        return Stream.concat(Stream.of(head), Stream.of(TOPOLOGY)).toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsInOneClearLine(Case c) {
        Hostile.expect(dir, c.args(), c.exit(), c.fragment());
    }

    @Test
    void everyReplayAccountsForItsRequests() {
        CliRun cli = Hostile.expect(dir, List.of(with("replay", "--spec", "{dir}/good.yaml", "--json")), 0, "sent");
        assertThat(cli.out.toString()).contains("\"sent_requests\" : 3.0").contains("\"completed_requests\" : 3.0")
                .contains("\"unfinished_requests\" : 0.0");
    }
}
