package io.servesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Fixtures for the reliability tests: small valid specs and traces, hostile variants written into a temporary
 * folder, and the check every front door must pass (exit code, a message fragment, one line, no stack trace).
 */
final class Hostile {
    /** A small disaggregated spec that sweeps in well under a second per state. */
    static final String SMALL_SPEC = """
            engine:
              model: Qwen/Qwen3-32B
              backend: vllm
              basePrefillEngineArgs: {block_size: 512}
              baseDecodeEngineArgs: {block_size: 512}
            hardware: {gpuSku: h200_sxm, totalGpus: 4}
            workload: {isl: 2048, osl: 16, requestCount: 24, concurrency: 8}
            router: {mode: kv_router, overlapCredits: [1.0]}
            """;

    /** A small trace spec; {@code TRACE} is replaced by the trace path. */
    static final String TRACE_SPEC = """
            engine:
              model: Qwen/Qwen3-32B
              backend: vllm
              basePrefillEngineArgs: {block_size: 512}
              baseDecodeEngineArgs: {block_size: 512}
            hardware: {gpuSku: h200_sxm, totalGpus: 4}
            workload: {traceFile: TRACE, traceReplayConcurrency: 4}
            router: {mode: kv_router, overlapCredits: [1.0]}
            """;

    /** Three valid trace lines (512-token blocks). */
    static final String GOOD_TRACE = """
            {"timestamp": 0, "input_length": 600, "output_length": 8, "hash_ids": [1, 2]}
            {"timestamp": 5, "input_length": 1000, "output_length": 8, "hash_ids": [1, 3]}
            {"timestamp": 9, "input_length": 300, "output_length": 8, "hash_ids": [4]}
            """;

    private Hostile() {
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static Path gzip(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Returns the args with {@code {dir}} replaced by the temporary folder. */
    static String[] args(Path dir, List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            out.add(a.replace("{dir}", dir.toString()));
        }
        return out.toArray(String[]::new);
    }

    /** Runs the CLI and checks exit code, message fragment, and that stderr is short and has no stack trace. */
    static CliRun expect(Path dir, List<String> args, int exit, String fragment) {
        CliRun cli = new CliRun();
        int code = cli.run(args(dir, args));
        String err = cli.err.toString();
        String all = cli.out + err;
        assertThat(code).as("exit code of %s; stderr: %s", args, err).isEqualTo(exit);
        assertThat(all).as("output of %s", args).contains(fragment.replace("{dir}", dir.toString()));
        assertThat(err).as("stderr of %s", args).doesNotContain("\tat ").doesNotContain("Exception");
        if (exit != 0) {
            assertThat(err.strip().lines().count()).as("one error line for %s: %s", args, err).isLessThanOrEqualTo(
                    args.contains("validate") ? 12 : 1);
        }
        return cli;
    }

    /** One row of a reliability table: the arguments, the exit code and a fragment the output must contain. */
    record Case(String name, List<String> args, int exit, String fragment) {
        static Case of(String name, int exit, String fragment, String... args) {
            return new Case(name, List.of(args), exit, fragment);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
