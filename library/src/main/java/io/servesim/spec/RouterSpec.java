package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.Arrays;
import java.util.List;

/**
 * Which routers the sweep tries and over which knob values: {@code overlapCredits} (each in [0, 1]) times
 * {@code prefillLoadScales} (each &ge; 0) for the KV router. Immutable. {@link #effectiveOverlapCredits()} and
 * {@link #effectivePrefillLoadScales()} give what the search actually visits.
 */
@JsonDeserialize(builder = RouterSpec.Builder.class)
public record RouterSpec(RouterMode mode, List<Double> overlapCredits, List<Double> prefillLoadScales,
                         KvRouterConfig baseRouterConfig) {
    static final String SECTION = "router";

    public RouterSpec {
        Checks.required(SECTION, "mode", mode);
        overlapCredits = Checks.list(SECTION, "overlapCredits", overlapCredits, 0, 1, "each credit in [0, 1]");
        prefillLoadScales = Checks.list(SECTION, "prefillLoadScales", prefillLoadScales, 0, Limits.MAX_LOAD_SCALE,
                "each scale in [0, 1000]");
        Checks.required(SECTION, "baseRouterConfig", baseRouterConfig);
    }

    /** Returns a KV-router spec builder with the default credits and scales. */
    public static Builder kvRouter() {
        return new Builder().mode(RouterMode.KV_ROUTER);
    }

    /** Returns a round-robin spec builder. */
    public static Builder roundRobin() {
        return new Builder().mode(RouterMode.ROUND_ROBIN);
    }

    /** Returns a builder trying round-robin first, then every KV-router state. */
    public static Builder both() {
        return new Builder().mode(RouterMode.BOTH);
    }

    /** Returns the defaults (KV router, credit 1.0, the default load scales). */
    public static RouterSpec defaults() {
        return kvRouter().build();
    }

    /** Returns the credits the search visits ({@code [0.0]} for round-robin). */
    @JsonIgnore
    public List<Double> effectiveOverlapCredits() {
        return mode == RouterMode.ROUND_ROBIN ? List.of(Defaults.ROUND_ROBIN_CREDIT) : overlapCredits;
    }

    /** Returns the load scales the search visits ({@code [1.0]} for round-robin). */
    @JsonIgnore
    public List<Double> effectivePrefillLoadScales() {
        return mode == RouterMode.ROUND_ROBIN ? List.of(Defaults.ROUND_ROBIN_SCALE) : prefillLoadScales;
    }

    /** Returns a copy with another mode. */
    public RouterSpec withMode(RouterMode newMode) {
        return new RouterSpec(newMode, overlapCredits, prefillLoadScales, baseRouterConfig);
    }

    /** Fluent builder for {@link RouterSpec}; also the JSON/YAML reader's entry point. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private RouterMode mode = Defaults.ROUTER_MODE;
        private List<Double> overlapCredits = Defaults.OVERLAP_CREDITS;
        private List<Double> prefillLoadScales = Defaults.PREFILL_LOAD_SCALES;
        private KvRouterConfig baseRouterConfig = KvRouterConfig.defaults();

        private Builder() {
        }

        public Builder mode(RouterMode v) { mode = v; return this; }

        @JsonProperty("overlapCredits")
        public Builder overlapCredits(List<Double> v) { overlapCredits = v; return this; }

        @JsonProperty("prefillLoadScales")
        public Builder prefillLoadScales(List<Double> v) { prefillLoadScales = v; return this; }

        /** Sets the overlap credits to try. */
        @JsonIgnore
        public Builder overlapCredits(double... v) { return overlapCredits(Arrays.stream(v).boxed().toList()); }

        /** Sets the prefill load scales to try. */
        @JsonIgnore
        public Builder prefillLoadScales(double... v) { return prefillLoadScales(Arrays.stream(v).boxed().toList()); }

        public Builder baseRouterConfig(KvRouterConfig v) { baseRouterConfig = v; return this; }

        /** Returns the validated record. */
        public RouterSpec build() {
            return new RouterSpec(mode, overlapCredits, prefillLoadScales,
                    baseRouterConfig == null ? KvRouterConfig.defaults() : baseRouterConfig);
        }
    }
}
