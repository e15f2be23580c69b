package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * vLLM's {@code kv_cache_dtype}: {@code auto} (the default) stores the KV cache in the model's 16-bit activation type;
 * {@code fp8} (alias {@code fp8_e4m3}) stores it in FP8, halving KV bytes per token, and prices attention with the
 * FP8-KV attention tables.
 */
public enum KvCacheDtype {
    AUTO("auto"),
    FP8("fp8", "fp8_e4m3");

    private final String id;
    private final List<String> aliases;

    KvCacheDtype(String id, String... aliases) {
        this.id = id;
        this.aliases = List.of(aliases);
    }

    /** Returns the name used in specs. */
    @JsonValue
    public String id() {
        return id;
    }

    /** Parses a spec name such as {@code fp8}. */
    @JsonCreator
    public static KvCacheDtype named(String name) {
        return SpecNames.parse(values(), name, KvCacheDtype::id, k -> k.aliases, "kv_cache_dtype");
    }
}
