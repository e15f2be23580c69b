package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import io.servesim.metrics.Metric;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Optional latency bounds in milliseconds; a deployment is feasible only when every active bound holds. A bound that
 * is absent (or &le; 0) is inactive. Immutable. {@link #REPORT_COLUMNS} translates each bound to the metric it caps.
 */
@JsonDeserialize(builder = SlaSpec.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlaSpec(Double ttft, Double itl, Double e2eLatency, Double p95Ttft, Double p95Itl, Double p95E2eLatency) {
    static final String SECTION = "sla";

    /** SLA field → report column it bounds. */
    public static final Map<String, String> REPORT_COLUMNS = Map.of(
            "ttft", Metric.MEAN_TTFT_MS.name(),
            "itl", Metric.MEAN_TPOT_MS.name(),
            "e2eLatency", Metric.MEAN_E2E_LATENCY_MS.name(),
            "p95Ttft", Metric.P95_TTFT_MS.name(),
            "p95Itl", Metric.P95_TPOT_MS.name(),
            "p95E2eLatency", Metric.P95_E2E_LATENCY_MS.name());

    public SlaSpec {
        check("ttft", ttft);
        check("itl", itl);
        check("e2eLatency", e2eLatency);
        check("p95Ttft", p95Ttft);
        check("p95Itl", p95Itl);
        check("p95E2eLatency", p95E2eLatency);
    }

    private static void check(String field, Double v) {
        if (v != null && (v.isNaN() || v.isInfinite())) {
            throw SpecException.of(SECTION, field, v, "allowed: a finite number of ms (<= 0 or absent = no bound)");
        }
    }

    /** Returns a builder with no bounds. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the empty SLA (every deployment within budget is feasible). */
    public static SlaSpec none() {
        return builder().build();
    }

    /** Returns the active bounds keyed by report column, in a stable order. */
    @JsonIgnore
    public Map<String, Double> activeBounds() {
        Metric[] metrics = {Metric.MEAN_TTFT_MS, Metric.MEAN_TPOT_MS, Metric.MEAN_E2E_LATENCY_MS,
            Metric.P95_TTFT_MS, Metric.P95_TPOT_MS, Metric.P95_E2E_LATENCY_MS};
        Double[] bounds = {ttft, itl, e2eLatency, p95Ttft, p95Itl, p95E2eLatency};
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < metrics.length; i++) {
            if (bounds[i] != null && bounds[i] > 0) {
                out.put(metrics[i].name(), bounds[i]);
            }
        }
        return out;
    }

    /**
     * Returns Σ over active bounds of max(metric / bound − 1, 0); a metric that is missing (NaN) counts as +∞.
     */
    public double violationPenalty(ToDoubleFunction<String> metric) {
        double penalty = 0;
        for (Map.Entry<String, Double> e : activeBounds().entrySet()) {
            double v = metric.applyAsDouble(e.getKey());
            if (Double.isNaN(v)) {
                return Double.POSITIVE_INFINITY;
            }
            penalty += Math.max(v / e.getValue() - 1, 0);
        }
        return penalty;
    }

    /** Fluent builder for {@link SlaSpec}; also the JSON/YAML reader's entry point. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private Double ttft;
        private Double itl;
        private Double e2eLatency;
        private Double p95Ttft;
        private Double p95Itl;
        private Double p95E2eLatency;

        private Builder() {
        }

        @JsonProperty("ttft")
        private Builder jsonTtft(Double v) { ttft = v; return this; }

        @JsonProperty("itl")
        private Builder jsonItl(Double v) { itl = v; return this; }

        @JsonProperty("e2eLatency")
        private Builder jsonE2eLatency(Double v) { e2eLatency = v; return this; }

        @JsonProperty("p95Ttft")
        private Builder jsonP95Ttft(Double v) { p95Ttft = v; return this; }

        @JsonProperty("p95Itl")
        private Builder jsonP95Itl(Double v) { p95Itl = v; return this; }

        @JsonProperty("p95E2eLatency")
        private Builder jsonP95E2eLatency(Double v) { p95E2eLatency = v; return this; }

        /** Sets the ttft bound in ms. */
        @JsonIgnore
        public Builder ttft(double v) { ttft = v; return this; }

        /** Sets the itl bound in ms. */
        @JsonIgnore
        public Builder itl(double v) { itl = v; return this; }

        /** Sets the e2eLatency bound in ms. */
        @JsonIgnore
        public Builder e2eLatency(double v) { e2eLatency = v; return this; }

        /** Sets the p95Ttft bound in ms. */
        @JsonIgnore
        public Builder p95Ttft(double v) { p95Ttft = v; return this; }

        /** Sets the p95Itl bound in ms. */
        @JsonIgnore
        public Builder p95Itl(double v) { p95Itl = v; return this; }

        /** Sets the p95E2eLatency bound in ms. */
        @JsonIgnore
        public Builder p95E2eLatency(double v) { p95E2eLatency = v; return this; }

        /** Returns the validated record. */
        public SlaSpec build() {
            return new SlaSpec(ttft, itl, e2eLatency, p95Ttft, p95Itl, p95E2eLatency);
        }
    }
}
