package io.servesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code servesim fidelity}: a user's file, JSON output, and one-line errors for bad input. */
class FidelityCommandTest {
    private final CliRun cli = new CliRun();

    @Test
    void replaysAUsersFileAsJson(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, "system,model,precision,mode,isl,osl,concurrency,tp,ttft_ms,tpot_ms\n"
                + "h200_sxm,Qwen/Qwen3-8B,bf16,agg,256,16,2,1,30,7\n"
                + "h200_sxm,nobody/Nothing-7B,bf16,agg,256,16,2,1,30,7\n");
        assertThat(cli.run("fidelity", "--measured", csv.toString(), "--json", "--threads", "1")).isZero();
        JsonNode j = new ObjectMapper().readTree(cli.out.toString());
        assertThat(j.get("rows_modelled").asInt()).isEqualTo(1);
        assertThat(j.get("rows_skipped").asInt()).isEqualTo(1);
        assertThat(j.get("rows").get(1).get("error").asText()).contains("nobody/Nothing-7B");
        assertThat(j.get("mape_tpot_pct").isNumber()).isTrue();
    }

    @Test
    void textReportEndsWithTheMape(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("m.csv");
        Files.writeString(csv, "system,model,precision,mode,isl,osl,concurrency,tp,ttft_ms,tpot_ms\n"
                + "h100_sxm,Qwen/Qwen3-8B,fp8,agg,256,16,2,1,30,7\n");
        assertThat(cli.run("fidelity", "--measured", csv.toString())).isZero();
        assertThat(cli.out.toString()).contains("MAPE over 1 modelled rows (0 skipped)")
                .contains("h100_sxm Qwen/Qwen3-8B fp8");
    }

    @Test
    void badInputIsOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        assertThat(cli.run("fidelity", "--measured", dir.resolve("missing.csv").toString())).isEqualTo(2);
        assertThat(cli.err.toString()).startsWith("servesim: error: --measured").doesNotContain("\tat ");
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "system,model,precision,mode,isl,osl,concurrency,tp,ttft_ms,tpot_ms\n"
                + "h200_sxm,Qwen/Qwen3-8B,bf16,agg,256,16,2,1,thirty,7\n");
        assertThat(new CliRun().run("fidelity", "--measured", csv.toString())).isEqualTo(2);
    }
}
