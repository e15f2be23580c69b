package io.servesim.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading measured-results CSVs: the shipped dataset, extra columns, and one-line errors naming file:line. */
class MeasuredDatasetTest {
    static final String HEADER = "system,model,precision,mode,isl,osl,concurrency,tp,ttft_ms,tpot_ms,note\n";

    static MeasuredDataset parse(String text) throws IOException {
        return MeasuredDataset.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "m.csv");
    }

    @Test
    void theShippedDatasetHasItsDocumentedRowsAndGroups() {
        MeasuredDataset d = MeasuredDataset.shipped();
        assertThat(d.rows()).hasSize(180);
        assertThat(d.rows().stream().map(MeasuredRow::group).distinct()).containsExactly(
                "h100_sxm Qwen/Qwen3-32B bf16", "h100_sxm meta-llama/Llama-3.1-70B fp8",
                "h200_sxm meta-llama/Llama-3.1-70B fp8");
        MeasuredRow first = d.rows().get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.label()).isEqualTo("1024/128 c8 tp2");
        assertThat(first.columns()).containsEntry("backend_version", "0.12.0");
    }

    @Test
    void extraColumnsArePassedThrough() throws IOException {
        MeasuredRow r = parse(HEADER + "h200_sxm,Qwen/Qwen3-8B,bf16,agg,512,64,4,1,50.5,9.25,mine\n").rows().get(0);
        assertThat(r.columns()).containsEntry("note", "mine").containsEntry("ttft_ms", "50.5");
        assertThat(r.ttftMs()).isEqualTo(50.5);
        assertThat(r.concurrency()).isEqualTo(4);
    }

    /**
     * The shipped rows say which KV-cache dtype they were served with (inferred, see SOURCE.md): vLLM's default
     * ({@code auto}, 16-bit) on H100, FP8 on H200.
     */
    @Test
    void shippedRowsCarryTheirKvCacheDtype() {
        for (MeasuredRow r : MeasuredDataset.shipped().rows()) {
            assertThat(r.kvCacheDtype()).as(r.group() + " " + r.label())
                    .isEqualTo(r.system().equals("h200_sxm") ? "fp8" : "auto");
        }
    }

    @Test
    void kvCacheDtypeColumnIsOptionalAndChecked() throws IOException {
        String header = "system,model,precision,mode,isl,osl,concurrency,tp,ttft_ms,tpot_ms,kv_cache_dtype\n";
        assertThat(parse(header + "h200_sxm,Qwen/Qwen3-8B,bf16,agg,512,64,4,1,50,9,fp8\n").rows().get(0)
                .kvCacheDtype()).isEqualTo("fp8");
        assertThat(parse(header + "h200_sxm,Qwen/Qwen3-8B,bf16,agg,512,64,4,1,50,9,\n").rows().get(0)
                .kvCacheDtype()).isEmpty();
        assertThat(parse(HEADER + "h200_sxm,Qwen/Qwen3-8B,bf16,agg,512,64,4,1,50,9,x\n").rows().get(0)
                .kvCacheDtype()).isEmpty();
        assertThatThrownBy(() -> parse(header + "h200_sxm,Qwen/Qwen3-8B,bf16,agg,512,64,4,1,50,9,int4\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("m.csv:2: column kv_cache_dtype is \"int4\"; allowed: auto, fp8 or empty");
    }

    @Test
    void badInputNamesFileLineColumnAndValue() {
        assertThatThrownBy(() -> parse("system,model\nh200_sxm,x\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("m.csv:1: column precision is missing");
        assertThatThrownBy(() -> parse(HEADER + "\nh200_sxm,Qwen/Qwen3-8B,bf16,agg,512,64,four,1,50,9,x\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("m.csv:3: column concurrency is \"four\"; allowed: an integer > 0");
        assertThatThrownBy(() -> parse(HEADER + "h200_sxm,Qwen/Qwen3-8B,bf16,agg,512,64,4,1,-5,9,x\n"))
                .hasMessageContaining("m.csv:2: column ttft_ms is \"-5\"");
        assertThatThrownBy(() -> parse(HEADER + "h200_sxm,Qwen/Qwen3-8B\n")).hasMessageContaining("m.csv:2: 2 cells");
    }
}
