package io.servesim.cli;

import static io.servesim.cli.Hostile.Case;

import io.servesim.spec.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile spec files through {@code servesim spec validate}: each ends in one line naming file and problem. */
class SpecReliabilityTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void files() throws Exception {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(dir.resolve("garbage.yaml"), garbage);
        Hostile.write(dir, "empty.yaml", "");
        Hostile.write(dir, "comments.yaml", "# nothing here\n\n");
        Hostile.write(dir, "multi.yaml", Hostile.SMALL_SPEC + "---\n" + Hostile.SMALL_SPEC);
        Files.createDirectories(dir.resolve("folder.yaml"));
        Hostile.write(dir, "dup.yaml", Hostile.SMALL_SPEC + "hardware: {gpuSku: h200_sxm, totalGpus: 8}\n");
        Hostile.write(dir, "dup.json", "{\"objective\": \"throughput\", \"objective\": \"mean_ttft\"}");
        Hostile.write(dir, "huge.yaml", "engine: \"" + "x".repeat(Limits.MAX_SPEC_BYTES + 10) + "\"\n");
        Hostile.write(dir, "interval.yaml", Hostile.SMALL_SPEC.replace("concurrency: 8", "arrivalIntervalMs: 1e308"));
        Hostile.write(dir, "rate.yaml", Hostile.SMALL_SPEC.replace("concurrency: 8", "requestRate: 1e12"));
        Hostile.write(dir, "count.yaml", Hostile.SMALL_SPEC.replace("requestCount: 24", "requestCount: 1e308"));
        Hostile.write(dir, "seed.yaml", Hostile.SMALL_SPEC.replace("concurrency: 8", "concurrency: 8, arrivalSeed: 1e308"));
        Hostile.write(dir, "bigint.yaml", Hostile.SMALL_SPEC.replace("isl: 2048", "isl: 99999999999"));
        Hostile.write(dir, "speedup.yaml", Hostile.SMALL_SPEC.replace("{block_size: 512}\n  baseDecode",
                "{block_size: 512, speedup_ratio: 1e9}\n  baseDecode"));
        Hostile.write(dir, "tp3.yaml", Hostile.SMALL_SPEC.replace("{block_size: 512}\n  baseDecode",
                "{block_size: 512, tensor_parallel_size: 3}\n  baseDecode"));
        Hostile.write(dir, "longvalue.yaml", Hostile.SMALL_SPEC.replace("backend: vllm", "backend: " + "v".repeat(5000)));
        Hostile.write(dir, "notrace.yaml", Hostile.TRACE_SPEC.replace("TRACE", "missing.jsonl"));
        Hostile.write(dir, "sub/trace.jsonl", Hostile.GOOD_TRACE);
        Hostile.write(dir, "sub/relative.yaml", Hostile.TRACE_SPEC.replace("TRACE", "trace.jsonl"));
        Hostile.write(dir, "good.yaml", Hostile.SMALL_SPEC);
    }

    static Stream<Case> cases() {
        return Stream.of(
                Case.of("binary garbage", 2, "garbage.yaml: is not a text file", "spec", "validate", "{dir}/garbage.yaml"),
                Case.of("empty file", 2, "spec is empty", "spec", "validate", "{dir}/empty.yaml"),
                Case.of("only comments", 2, "spec is empty", "spec", "validate", "{dir}/comments.yaml"),
                Case.of("two YAML documents", 2, "several YAML documents", "spec", "validate", "{dir}/multi.yaml"),
                Case.of("a folder", 2, "is a folder", "spec", "validate", "{dir}/folder.yaml"),
                Case.of("missing file", 2, "no such file", "spec", "validate", "{dir}/nope.yaml"),
                Case.of("duplicate YAML key", 2, "key \"hardware\" twice", "spec", "validate", "{dir}/dup.yaml"),
                Case.of("duplicate JSON key", 2, "key \"objective\" twice", "spec", "validate", "{dir}/dup.json"),
                Case.of("over the size cap", 2, "allowed: a spec of at most", "spec", "validate", "{dir}/huge.yaml"),
                Case.of("interval 1e308", 2, "workload.arrivalIntervalMs is 1.0E308; allowed: at most", "spec",
                        "validate", "{dir}/interval.yaml"),
                Case.of("rate 1e12", 2, "workload.requestRate", "spec", "validate", "{dir}/rate.yaml"),
                Case.of("count 1e308", 2, "workload.requestCount", "spec", "validate", "{dir}/count.yaml"),
                Case.of("seed 1e308 not cast", 2, "workload.arrivalSeed", "spec", "validate", "{dir}/seed.yaml"),
                Case.of("int overflow", 2, "workload.isl", "spec", "validate", "{dir}/bigint.yaml"),
                Case.of("speed-up 1e9", 2, "speedup_ratio is 1.0E9; allowed: a number in", "spec", "validate",
                        "{dir}/speedup.yaml"),
                Case.of("TP 3", 2, "tensor_parallel_size is 3; allowed: a power of two", "spec", "validate",
                        "{dir}/tp3.yaml"),
                Case.of("echo capped", 2, "characters); allowed: vllm", "spec", "validate", "{dir}/longvalue.yaml"),
                Case.of("missing trace file", 2, "no such file", "spec", "validate", "{dir}/notrace.yaml"),
                Case.of("bad file does not stop the others", 2, "good.yaml: valid", "spec", "validate", "-q",
                        "{dir}/garbage.yaml", "{dir}/good.yaml"),
                Case.of("trace relative to the spec", 0, "valid", "spec", "validate", "-q", "{dir}/sub/relative.yaml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsInOneClearLine(Case c) {
        Hostile.expect(dir, c.args(), c.exit(), c.fragment());
    }
}
