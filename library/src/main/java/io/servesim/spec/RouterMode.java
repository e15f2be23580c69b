package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Which routers a sweep tries: the KV-aware router, round-robin, or both (round-robin first). */
public enum RouterMode implements SpecName {
    KV_ROUTER, ROUND_ROBIN, BOTH;

    /** Parses a spec name such as {@code kv_router}. */
    @JsonCreator
    public static RouterMode named(String name) {
        return SpecNames.parse(values(), name, RouterSpec.SECTION, "mode");
    }
}
