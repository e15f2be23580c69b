package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The role of a worker: set automatically by the sweep (prefill / decode in disaggregated mode, aggregated otherwise). */
public enum WorkerType implements SpecName {
    PREFILL, DECODE, AGGREGATED;

    /** Parses a spec name such as {@code prefill}. */
    @JsonCreator
    public static WorkerType named(String name) {
        return SpecNames.parse(values(), name, EngineArgs.SECTION, "worker_type");
    }
}
