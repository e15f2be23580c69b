package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which routers a sweep tries: the KV-aware router, round-robin, or both (round-robin first). */
public enum RouterMode {
    KV_ROUTER, ROUND_ROBIN, BOTH;

    /** Returns the name used in specs and result tables ({@code kv_router}, {@code round_robin}, {@code both}). */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a spec name such as {@code kv_router}. */
    @JsonCreator
    public static RouterMode named(String name) {
        for (RouterMode m : values()) {
            if (m.id().equals(name.toLowerCase(Locale.ROOT).replace('-', '_'))) {
                return m;
            }
        }
        throw SpecException.of("router", "mode", name, "allowed: kv_router, round_robin, both");
    }
}
