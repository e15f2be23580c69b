package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.servesim.metrics.Metric;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What a sweep maximises. Every objective is a score where higher is better: output throughput as is, latencies
 * negated.
 */
public enum Objective {
    THROUGHPUT("throughput", Metric.OUTPUT_THROUGHPUT_TOK_S.name(), 1),
    MEAN_TTFT("mean_ttft", Metric.MEAN_TTFT_MS.name(), -1),
    MEAN_E2E_LATENCY("mean_e2e_latency", Metric.MEAN_E2E_LATENCY_MS.name(), -1);

    private final String id;
    private final String reportColumn;
    private final int sign;

    Objective(String id, String reportColumn, int sign) {
        this.id = id;
        this.reportColumn = reportColumn;
        this.sign = sign;
    }

    /** Returns the name used in specs and result tables. */
    @JsonValue
    public String id() {
        return id;
    }

    /** Returns the replay metric the objective reads. */
    public String reportColumn() {
        return reportColumn;
    }

    /** Returns the score of a run (higher is better) from its metrics looked up by report column name. */
    public double score(ToDoubleFunction<String> metric) {
        return sign * metric.applyAsDouble(reportColumn);
    }

    /** Parses a spec name such as {@code mean_e2e_latency}. */
    @JsonCreator
    public static Objective named(String name) {
        for (Objective o : values()) {
            if (o.id.equals(name.toLowerCase(Locale.ROOT).replace('-', '_'))) {
                return o;
            }
        }
        throw SpecException.of("", "objective", name, "allowed: throughput, mean_ttft, mean_e2e_latency");
    }
}
