package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * vLLM's {@code kv_cache_dtype}: {@code auto} (the default) stores the KV cache in the model's 16-bit activation type;
 * {@code fp8} (alias {@code fp8_e4m3}) stores it in FP8, halving KV bytes per token, and prices attention with the
 * FP8-KV attention tables.
 */
public enum KvCacheDtype implements SpecName {
    AUTO,
    FP8 {
        @Override
        public List<String> aliases() {
            return List.of("fp8_e4m3");
        }
    };

    /** Parses a spec name such as {@code fp8}. */
    @JsonCreator
    public static KvCacheDtype named(String name) {
        return SpecNames.parse(values(), name, EngineArgs.SECTION, "kv_cache_dtype");
    }
}
