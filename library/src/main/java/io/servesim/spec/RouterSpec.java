package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which routers the sweep tries and over which knob values: {@code overlapCredits} (each in [0, 1]) times
 * {@code prefillLoadScales} (each &ge; 0) for the KV router. The deprecated {@code overlapScoreWeights} list is
 * accepted instead, as the original router reads it: a weight w &ne; 0 is credit 1 with load scale w, and w = 0 is
 * credit 0 with scale 0 (one router state per weight; {@link #warnings()} says it is deprecated). Immutable.
 * {@link #knobs()} gives the (credit, scale) pairs the search actually visits.
 */
@JsonDeserialize(builder = RouterSpec.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouterSpec(RouterMode mode, List<Double> overlapCredits, List<Double> prefillLoadScales,
                         List<Double> overlapScoreWeights, KvRouterConfig baseRouterConfig) {
    static final String SECTION = "router";

    public RouterSpec {
        Checks.required(SECTION, "mode", mode);
        if (overlapScoreWeights != null) {
            if (overlapCredits != null || prefillLoadScales != null) {
                throw SpecException.because(SECTION, "overlapScoreWeights", "is set together with "
                        + (overlapCredits != null ? "overlapCredits" : "prefillLoadScales")
                        + "; use either the deprecated overlapScoreWeights or overlapCredits and prefillLoadScales");
            }
            overlapScoreWeights = Checks.list(SECTION, "overlapScoreWeights", overlapScoreWeights, 0, Double.MAX_VALUE,
                    "each weight a finite number >= 0");
        } else {
            overlapCredits = Checks.list(SECTION, "overlapCredits", overlapCredits, 0, 1, "each credit in [0, 1]");
            prefillLoadScales = Checks.list(SECTION, "prefillLoadScales", prefillLoadScales, 0, Limits.MAX_LOAD_SCALE,
                    "each scale in [0, 1000]");
        }
        Checks.required(SECTION, "baseRouterConfig", baseRouterConfig);
    }

    /** One KV-router state of the sweep: an overlap credit and a prefill load scale. */
    public record Knobs(double overlapScoreCredit, double prefillLoadScale) {
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

    /**
     * Returns the KV-router (credit, scale) pairs in visit order: credits outer, scales inner; or one pair per
     * deprecated overlap score weight (w &ne; 0 → (1, w), w = 0 → (0, 0)).
     */
    @JsonIgnore
    public List<Knobs> knobs() {
        List<Knobs> out = new ArrayList<>();
        if (overlapScoreWeights != null) {
            for (double w : overlapScoreWeights) {
                out.add(w == 0 ? new Knobs(0.0, 0.0) : new Knobs(1.0, w));
            }
            return out;
        }
        for (double c : overlapCredits) {
            for (double s : prefillLoadScales) {
                out.add(new Knobs(c, s));
            }
        }
        return out;
    }

    /** Returns what a user should change in this router spec (deprecated fields), one line each; empty if none. */
    @JsonIgnore
    public List<String> warnings() {
        if (overlapScoreWeights == null) {
            return List.of();
        }
        return List.of("router.overlapScoreWeights is deprecated: read as " + knobs().stream()
                .map(k -> "(credit " + k.overlapScoreCredit() + ", scale " + k.prefillLoadScale() + ")").toList()
                + "; write overlapCredits and prefillLoadScales instead");
    }

    /** Returns a copy with another mode. */
    public RouterSpec withMode(RouterMode newMode) {
        return new RouterSpec(newMode, overlapCredits, prefillLoadScales, overlapScoreWeights, baseRouterConfig);
    }

    /** Fluent builder for {@link RouterSpec}; also the JSON/YAML reader's entry point. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private RouterMode mode = Defaults.ROUTER_MODE;
        private List<Double> overlapCredits;
        private List<Double> prefillLoadScales;
        private List<Double> overlapScoreWeights;
        private KvRouterConfig baseRouterConfig = KvRouterConfig.defaults();

        private Builder() {
        }

        public Builder mode(RouterMode v) { mode = v; return this; }

        @JsonProperty("overlapCredits")
        public Builder overlapCredits(List<Double> v) { overlapCredits = v; return this; }

        @JsonProperty("prefillLoadScales")
        public Builder prefillLoadScales(List<Double> v) { prefillLoadScales = v; return this; }

        /** Sets the deprecated overlap score weights (instead of credits and scales). */
        @JsonProperty("overlapScoreWeights")
        public Builder overlapScoreWeights(List<Double> v) { overlapScoreWeights = v; return this; }

        /** Sets the overlap credits to try. */
        @JsonIgnore
        public Builder overlapCredits(double... v) { return overlapCredits(Arrays.stream(v).boxed().toList()); }

        /** Sets the prefill load scales to try. */
        @JsonIgnore
        public Builder prefillLoadScales(double... v) { return prefillLoadScales(Arrays.stream(v).boxed().toList()); }

        public Builder baseRouterConfig(KvRouterConfig v) { baseRouterConfig = v; return this; }

        /** Returns the validated record (credits and scales default unless the deprecated weights are given). */
        public RouterSpec build() {
            boolean weights = overlapScoreWeights != null;
            return new RouterSpec(mode,
                    weights || overlapCredits != null ? overlapCredits : Defaults.OVERLAP_CREDITS,
                    weights || prefillLoadScales != null ? prefillLoadScales : Defaults.PREFILL_LOAD_SCALES,
                    overlapScoreWeights, baseRouterConfig == null ? KvRouterConfig.defaults() : baseRouterConfig);
        }
    }
}
