package io.servesim.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.perf.PerfModel;
import io.servesim.spec.EngineArgs;
import io.servesim.spec.KvCacheDtype;
import io.servesim.spec.Quantization;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** How a measured row's KV-cache dtype is chosen, and what it does to the worker's KV capacity. */
class RowReplayTest {
    private static MeasuredRow row(String precision, String kv) throws IOException {
        return MeasuredDatasetTest.parse("system,model,precision,mode,isl,osl,concurrency,tp,ttft_ms,tpot_ms,"
                + "kv_cache_dtype\nh100_sxm,meta-llama/Llama-3.1-70B," + precision + ",agg,8192,1024,32,2,1,1," + kv
                + "\n").rows().get(0);
    }

    @Test
    void theRowsColumnWinsOverThePrecisionsDefault() throws IOException {
        assertThat(RowReplay.kvCacheDtype(row("fp8", ""), true)).isEqualTo(KvCacheDtype.FP8);
        assertThat(RowReplay.kvCacheDtype(row("bf16", ""), false)).isNull();
        assertThat(RowReplay.kvCacheDtype(row("fp8", "auto"), true)).isNull();
        assertThat(RowReplay.kvCacheDtype(row("bf16", "fp8"), false)).isEqualTo(KvCacheDtype.FP8);
    }

    /**
     * Llama-3.1-70B FP8 on 2 × H100: 80 layers × 8 KV heads × 128 × 2 (K, V) = 163,840 KV values per token, 2 bytes
     * each with vLLM's default cache and 1 byte with an FP8 cache, so the same memory holds twice the tokens in FP8:
     * with a 16-bit cache 32 requests of 8192 + 1024 tokens (294,912) no longer fit, which the FP8 cache allows.
     */
    @Test
    void aSixteenBitCacheHoldsHalfTheTokensOfAnFp8One() {
        PerfModel perf = PerfModel.of("meta-llama/Llama-3.1-70B", "h100_sxm");
        EngineArgs base = EngineArgs.builder().blockSize(16).tensorParallelSize(2).quantization(Quantization.FP8)
                .build();
        long auto = 16L * perf.numGpuBlocks(2, base);
        long fp8 = 16L * perf.numGpuBlocks(2, EngineArgs.builder().blockSize(16).tensorParallelSize(2)
                .quantization(Quantization.FP8).kvCacheDtype(KvCacheDtype.FP8).build());
        assertThat(perf.kvBytesPerToken(base)).isEqualTo(80L * 8 * 128 * 2 * 2);
        assertThat((double) fp8 / auto).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(auto).isLessThan(32L * (8192 + 1024));
        assertThat(fp8).isGreaterThan(32L * (8192 + 1024));
    }
}
