package io.servesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trace generate --isl-stddev/--osl-stddev}: spread lengths around the asked means. */
class TraceGenerateSpreadTest {
    @Test
    void lengthsSpreadAroundTheMeans(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("t.jsonl");
        assertThat(new CliRun().run("trace", "generate", "--out", out.toString(), "--requests", "400", "--isl", "2048",
                "--osl", "128", "--isl-stddev", "512", "--osl-stddev", "32", "--seed", "7")).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(400);
        ObjectMapper json = new ObjectMapper();
        double[] in = new double[400];
        double[] o = new double[400];
        for (int i = 0; i < 400; i++) {
            var node = json.readTree(lines.get(i));
            in[i] = node.get("input_length").asInt();
            o[i] = node.get("output_length").asInt();
            assertThat(node.get("hash_ids").size()).isEqualTo((int) Math.ceil(in[i] / 512));
        }
        assertThat(java.util.Arrays.stream(in).average().orElseThrow()).isBetween(1950.0, 2150.0);
        assertThat(java.util.Arrays.stream(in).distinct().count()).isGreaterThan(200);
        assertThat(java.util.Arrays.stream(o).average().orElseThrow()).isBetween(122.0, 134.0);
        assertThat(java.util.Arrays.stream(o).min().orElseThrow()).isGreaterThanOrEqualTo(1.0);
    }
}
