package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;

/**
 * Which model runs on which engine, and how the engines are laid out: aggregated (one pool, {@code baseEngineArgs})
 * or disaggregated (a prefill pool and a decode pool, {@code basePrefillEngineArgs} + {@code baseDecodeEngineArgs}).
 * Immutable. Only the {@code vllm} backend is modelled; {@code sglang} and {@code trtllm} are recognised and refused.
 */
@JsonDeserialize(builder = EngineSpec.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EngineSpec(String model, String backend, EngineArgs baseEngineArgs, EngineArgs basePrefillEngineArgs,
                         EngineArgs baseDecodeEngineArgs) {
    static final String SECTION = "engine";
    /** Backends servesim simulates. */
    public static final List<String> MODELLED_BACKENDS = List.of("vllm");
    /** Backends the original concept knows that servesim does not model yet. */
    public static final List<String> KNOWN_UNMODELLED_BACKENDS = List.of("sglang", "trtllm");

    public EngineSpec {
        Checks.required(SECTION, "model", model);
        if (model.isBlank()) {
            throw SpecException.of(SECTION, "model", model, "allowed: a model id such as Qwen/Qwen3-32B");
        }
        Checks.required(SECTION, "backend", backend);
        if (KNOWN_UNMODELLED_BACKENDS.contains(backend)) {
            throw SpecException.of(SECTION, "backend", backend, "this backend is not modelled yet; servesim models: "
                    + String.join(", ", MODELLED_BACKENDS));
        }
        if (!MODELLED_BACKENDS.contains(backend)) {
            throw SpecException.of(SECTION, "backend", backend, "allowed: " + String.join(", ", MODELLED_BACKENDS)
                    + " (sglang and trtllm are not modelled yet)");
        }
        boolean disagg = basePrefillEngineArgs != null || baseDecodeEngineArgs != null;
        if (disagg && baseEngineArgs != null) {
            throw SpecException.because(SECTION, "baseEngineArgs", "is set together with basePrefillEngineArgs/"
                    + "baseDecodeEngineArgs; use baseEngineArgs alone (aggregated) or both prefill and decode args"
                    + " (disaggregated)");
        }
        if (disagg && basePrefillEngineArgs == null) {
            throw SpecException.because(SECTION, "basePrefillEngineArgs", "is missing; disaggregated engines need both"
                    + " basePrefillEngineArgs and baseDecodeEngineArgs");
        }
        if (disagg && baseDecodeEngineArgs == null) {
            throw SpecException.because(SECTION, "baseDecodeEngineArgs", "is missing; disaggregated engines need both"
                    + " basePrefillEngineArgs and baseDecodeEngineArgs");
        }
        if (!disagg && baseEngineArgs == null) {
            throw SpecException.because(SECTION, "baseEngineArgs", "is missing; set baseEngineArgs (aggregated) or"
                    + " basePrefillEngineArgs + baseDecodeEngineArgs (disaggregated)");
        }
        if (disagg) {
            basePrefillEngineArgs = assignRole("basePrefillEngineArgs", basePrefillEngineArgs, WorkerType.PREFILL);
            baseDecodeEngineArgs = assignRole("baseDecodeEngineArgs", baseDecodeEngineArgs, WorkerType.DECODE);
        } else {
            baseEngineArgs = assignRole("baseEngineArgs", baseEngineArgs, WorkerType.AGGREGATED);
        }
        if (disagg && basePrefillEngineArgs.blockSize() != baseDecodeEngineArgs.blockSize()) {
            throw SpecException.because(SECTION, "baseDecodeEngineArgs.block_size", "is "
                    + baseDecodeEngineArgs.blockSize() + " but basePrefillEngineArgs.block_size is "
                    + basePrefillEngineArgs.blockSize() + "; KV handed from prefill to decode needs equal block sizes");
        }
    }

    private static EngineArgs assignRole(String field, EngineArgs args, WorkerType role) {
        if (args.workerType() != null && args.workerType() != role) {
            throw SpecException.of(SECTION, field + ".worker_type", args.workerType().id(),
                    "allowed: " + role.id() + " (or leave it out; it is set from the pool)");
        }
        return args.workerType() == role ? args : args.withWorkerType(role);
    }

    /** Returns a builder for a disaggregated engine (prefill and decode args default to {@link EngineArgs#defaults()}). */
    public static Builder disaggregated(String model, String backend) {
        return new Builder().model(model).backend(backend)
                .basePrefillEngineArgs(EngineArgs.defaults()).baseDecodeEngineArgs(EngineArgs.defaults());
    }

    /** Returns a builder for an aggregated engine (args default to {@link EngineArgs#defaults()}). */
    public static Builder aggregated(String model, String backend) {
        return new Builder().model(model).backend(backend).baseEngineArgs(EngineArgs.defaults());
    }

    /** Returns true for prefill/decode disaggregation. */
    @JsonIgnore
    public boolean isDisaggregated() {
        return basePrefillEngineArgs != null;
    }

    /** Returns the KV block size shared by all workers. */
    @JsonIgnore
    public int blockSize() {
        return isDisaggregated() ? basePrefillEngineArgs.blockSize() : baseEngineArgs.blockSize();
    }

    /** Fluent builder for {@link EngineSpec}; also the JSON/YAML reader's entry point. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private String model;
        private String backend;
        private EngineArgs baseEngineArgs;
        private EngineArgs basePrefillEngineArgs;
        private EngineArgs baseDecodeEngineArgs;

        private Builder() {
        }

        public Builder model(String v) { model = v; return this; }

        public Builder backend(String v) { backend = v; return this; }

        public Builder baseEngineArgs(EngineArgs v) { baseEngineArgs = v; return this; }

        public Builder basePrefillEngineArgs(EngineArgs v) { basePrefillEngineArgs = v; return this; }

        public Builder baseDecodeEngineArgs(EngineArgs v) { baseDecodeEngineArgs = v; return this; }

        /** Sets the same args on whichever pools this engine has. */
        public Builder allEngineArgs(EngineArgs v) {
            if (baseEngineArgs != null) {
                baseEngineArgs = v;
            } else {
                basePrefillEngineArgs = v;
                baseDecodeEngineArgs = v;
            }
            return this;
        }

        /** Returns the validated record. */
        public EngineSpec build() {
            return new EngineSpec(model, backend, baseEngineArgs, basePrefillEngineArgs, baseDecodeEngineArgs);
        }
    }
}
