package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The role of a worker: set automatically by the sweep (prefill / decode in disaggregated mode, aggregated otherwise). */
public enum WorkerType {
    PREFILL, DECODE, AGGREGATED;

    /** Returns the name used in specs. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a spec name such as {@code prefill}. */
    @JsonCreator
    public static WorkerType named(String name) {
        for (WorkerType t : values()) {
            if (t.id().equals(name.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw SpecException.of("engineArgs", "worker_type", name, "allowed: prefill, decode, aggregated");
    }
}
