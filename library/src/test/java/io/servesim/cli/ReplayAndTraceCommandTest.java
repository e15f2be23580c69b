package io.servesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servesim.spec.Specs;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code servesim replay --json}, {@code trace stats/generate} and {@code perf} from the command line. */
class ReplayAndTraceCommandTest {
    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void replayJsonUsesReportColumnNames(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("small.yaml");
        Files.writeString(spec, Specs.exampleText(Specs.DEFAULT_EXAMPLE).replace("isl: 32768", "isl: 4096")
                .replace("requestCount: 5000", "requestCount: 200").replace("concurrency: 200", "concurrency: 16"));
        assertThat(run("replay", "--spec", spec.toString(), "--prefill-tp", "2", "--decode-tp", "1",
                "--prefill-workers", "2", "--decode-workers", "2", "--json")).as(err.toString()).isZero();
        JsonNode m = Specs.jsonMapper().readTree(out.toString());
        assertThat(m.path("completed_requests").asInt()).isEqualTo(200);
        assertThat(m.path("mean_ttft_ms").asDouble()).isPositive();
        assertThat(m.path("request_throughput_rps").asDouble()).isPositive();
        assertThat(m.has("p99_e2e_latency_ms")).isTrue();
        assertThat(m.path("total_output_tokens").asInt()).isEqualTo(200 * 256);
    }

    @Test
    void replayPrintsTheFirstRoutingDecisionsWithTheirCostTerms(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("small.yaml");
        Files.writeString(spec, Specs.exampleText(Specs.DEFAULT_EXAMPLE).replace("isl: 32768", "isl: 4096")
                .replace("requestCount: 5000", "requestCount: 50").replace("concurrency: 200", "concurrency: 8"));
        assertThat(run("replay", "--spec", spec.toString(), "--prefill-tp", "2", "--decode-tp", "1",
                "--prefill-workers", "2", "--decode-workers", "2", "--overlap-credit", "1", "--prefill-load-scale", "1",
                "--decisions", "3")).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("first 3 routing decisions");
        // the first request goes to an empty prefill pool: prefill blocks = 4096 / 512 = 8 on both workers,
        // decode blocks 0 (the prefill router ignores them), no credit → cost 1 × 8 = 8, tie to worker 0; sent at 0,
        // it reaches the router after vLLM's default per-request overhead (ttft_overhead_ms)
        double overhead = io.servesim.spec.EngineArgs.defaults().ttftOverhead();
        assertThat(text).contains(String.format(java.util.Locale.ROOT, "t=%.1f ms  prefill router  request 0 -> worker 0",
                overhead));
        assertThat(text).containsPattern("\\*\\s+0\\s+0\\s+8\\.00\\s+0\\.00\\s+1\\.000\\s+0\\.00\\s+0\\.00\\s+8\\.00");
        assertThat(text.lines().filter(l -> l.startsWith("t=")).count()).isEqualTo(3);
    }

    @Test
    void replayNeedsTheTopologyFlags() {
        assertThat(run("replay", "--prefill-tp", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("--decode-tp");
    }

    @Test
    void generatedTracesHaveTheAskedShape(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.jsonl");
        assertThat(run("trace", "generate", "--out", trace.toString(), "--requests", "300", "--rate", "10",
                "--isl", "2048", "--osl", "32", "--shared-prefix-ratio", "0.5", "--prefix-groups", "5")).isZero();
        out.getBuffer().setLength(0);
        assertThat(run("trace", "stats", trace.toString(), "--json")).isZero();
        JsonNode s = Specs.jsonMapper().readTree(out.toString());
        assertThat(s.path("requests").asInt()).isEqualTo(300);
        assertThat(s.path("inputLength").path("mean").asDouble()).isEqualTo(2048);
        assertThat(s.path("arrivalRatePerS").asDouble()).isBetween(8.0, 12.0);
        // half of each prompt is shared within 5 groups: all but the first request per group reuse 2 of 4 blocks
        assertThat(s.path("blockReuse").asDouble()).isBetween(0.48, 0.5);
    }

    @Test
    void perfCommandsPrintTheBreakdownAndCapacity() {
        assertThat(run("perf", "step", "--tp", "2", "--prefill-tokens", "4096", "--decode-batch", "64", "--context",
                "8192")).isZero();
        assertThat(out.toString()).contains("gemm_ms").contains("allreduce_ms").contains("tables measured on h200_sxm");
        assertThat(run("perf", "capacity", "--tp", "4")).isZero();
        assertThat(out.toString()).contains("num_gpu_blocks      3533");
    }

    @Test
    void buildTablesFromAFolderNeedsTheSku() {
        assertThat(run("perf", "build-tables", "--from", "somewhere")).isEqualTo(2);
        assertThat(err.toString()).contains("--sku").contains("somewhere").doesNotContain("Exception");
        assertThat(run("perf", "build-tables", "--sku", "b200")).isEqualTo(2);
        assertThat(err.toString()).contains("b200 has no shipped measurements").contains("h200_sxm, h100_sxm");
    }
}
