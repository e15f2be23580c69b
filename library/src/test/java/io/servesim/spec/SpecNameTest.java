package io.servesim.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Enum-valued spec fields: written as their lower-case name, read by name or alias, bad names list what is allowed. */
class SpecNameTest {
    @Test
    void writesTheIdAndReadsIdsAndAliases() {
        assertThat(Specs.toJson(KvCacheDtype.FP8).strip()).isEqualTo("\"fp8\"");
        assertThat(Specs.toJson(RouterMode.ROUND_ROBIN).strip()).isEqualTo("\"round_robin\"");
        assertThat(Specs.parse("fp8_e4m3", KvCacheDtype.class)).isEqualTo(KvCacheDtype.FP8);
        assertThat(Dtype.named("BF16")).isEqualTo(Dtype.BFLOAT16);
        assertThat(RouterMode.named("kv-router")).isEqualTo(RouterMode.KV_ROUTER);
        assertThat(WorkerType.named("decode")).isEqualTo(WorkerType.DECODE);
    }

    @Test
    void badNamesListWhatIsAllowed() {
        assertThatThrownBy(() -> RouterMode.named("fastest"))
                .hasMessage("router.mode is \"fastest\"; allowed: kv_router, round_robin, both");
        assertThatThrownBy(() -> WorkerType.named("router"))
                .hasMessage("engineArgs.worker_type is \"router\"; allowed: prefill, decode, aggregated");
        assertThatThrownBy(() -> Dtype.named("int4")).hasMessage("engineArgs.dtype is \"int4\"; allowed: auto,"
                + " bfloat16 (or bf16), float16 (or half, fp16), fp8");
        assertThatThrownBy(() -> KvCacheDtype.named("int8"))
                .hasMessage("engineArgs.kv_cache_dtype is \"int8\"; allowed: auto, fp8 (or fp8_e4m3)");
    }
}
