package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;

/**
 * Settings of the KV-aware router other than the two swept knobs (overlap credit and prefill load scale, which the
 * sweep sets per state). Immutable; defaults follow the original router. {@code routerTemperature} 0 picks the
 * lowest cost (ties to the lowest worker index); &gt; 0 samples from a softmax seeded by {@code routerSeed}.
 * {@code routerQueueThreshold} (default 16, {@code null} = off) holds a request in the router while every worker's
 * queued prefill tokens exceed threshold × {@code max_num_batched_tokens}; it is routed, first come first served,
 * when a worker drops to or below that. {@code overlapScoreCreditDecay} (default 0 = off) shrinks a worker's overlap
 * credit by {@code 1 / (1 + decay × (its queued prefill blocks − the least-loaded worker's) / the request's blocks)}.
 */
@JsonDeserialize(builder = KvRouterConfig.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KvRouterConfig(double routerTemperature, boolean routerTrackActiveBlocks, boolean routerAssumeKvReuse,
                             boolean routerTrackPrefillTokens, double decodeActiveRequestWeight,
                             @JsonInclude(JsonInclude.Include.ALWAYS) Double routerQueueThreshold, long routerSeed,
                             double overlapScoreCreditDecay) {
    static final String SECTION = "router.baseRouterConfig";

    public KvRouterConfig {
        Checks.nonNegativeFinite(SECTION, "routerTemperature", routerTemperature);
        Checks.nonNegativeFinite(SECTION, "decodeActiveRequestWeight", decodeActiveRequestWeight);
        if (routerQueueThreshold != null) {
            Checks.nonNegativeFinite(SECTION, "routerQueueThreshold", routerQueueThreshold);
        }
        Checks.nonNegativeFinite(SECTION, "overlapScoreCreditDecay", overlapScoreCreditDecay);
    }

    /** Returns a builder pre-loaded with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the defaults. */
    public static KvRouterConfig defaults() {
        return builder().build();
    }

    /** Returns a builder holding this record's values. */
    public Builder toBuilder() {
        return new Builder().routerTemperature(routerTemperature).routerTrackActiveBlocks(routerTrackActiveBlocks)
                .routerAssumeKvReuse(routerAssumeKvReuse).routerTrackPrefillTokens(routerTrackPrefillTokens)
                .decodeActiveRequestWeight(decodeActiveRequestWeight).routerQueueThreshold(routerQueueThreshold)
                .routerSeed(routerSeed).overlapScoreCreditDecay(overlapScoreCreditDecay);
    }

    /** Fluent builder for {@link KvRouterConfig}; also the JSON/YAML reader's entry point. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private double routerTemperature = Defaults.ROUTER_TEMPERATURE;
        private boolean routerTrackActiveBlocks = Defaults.ROUTER_TRACK_ACTIVE_BLOCKS;
        private boolean routerAssumeKvReuse = Defaults.ROUTER_ASSUME_KV_REUSE;
        private boolean routerTrackPrefillTokens = Defaults.ROUTER_TRACK_PREFILL_TOKENS;
        private double decodeActiveRequestWeight = Defaults.DECODE_ACTIVE_REQUEST_WEIGHT;
        private Double routerQueueThreshold = Defaults.ROUTER_QUEUE_THRESHOLD;
        private long routerSeed = Defaults.ROUTER_SEED;
        private double overlapScoreCreditDecay = Defaults.OVERLAP_SCORE_CREDIT_DECAY;

        private Builder() {
        }

        public Builder routerTemperature(double v) { routerTemperature = v; return this; }

        public Builder routerTrackActiveBlocks(boolean v) { routerTrackActiveBlocks = v; return this; }

        public Builder routerAssumeKvReuse(boolean v) { routerAssumeKvReuse = v; return this; }

        public Builder routerTrackPrefillTokens(boolean v) { routerTrackPrefillTokens = v; return this; }

        public Builder decodeActiveRequestWeight(double v) { decodeActiveRequestWeight = v; return this; }

        /** Sets the queue threshold; {@code null} turns the router queue off. */
        @JsonProperty("routerQueueThreshold")
        public Builder routerQueueThreshold(Double v) { routerQueueThreshold = v; return this; }

        public Builder routerSeed(long v) { routerSeed = v; return this; }

        public Builder overlapScoreCreditDecay(double v) { overlapScoreCreditDecay = v; return this; }

        /** Returns the validated record. */
        public KvRouterConfig build() {
            return new KvRouterConfig(routerTemperature, routerTrackActiveBlocks, routerAssumeKvReuse,
                    routerTrackPrefillTokens, decodeActiveRequestWeight, routerQueueThreshold, routerSeed,
                    overlapScoreCreditDecay);
        }
    }
}
