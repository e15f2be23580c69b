package io.servesim.metrics;

import java.util.Locale;

/**
 * The per-request latencies a run summarises with {@link Statistic}s; each names its {@code <stat>_<id>_ms} columns.
 */
public enum Latency {
    TTFT("time to first token"),
    TTST("time from the first to the second token"),
    TPOT("time per output token after the first"),
    ITL("gap between consecutive tokens"),
    E2E_LATENCY("end-to-end latency"),
    ROUTER_QUEUE("wait in the router's queue before routing");

    private final String description;

    Latency(String description) {
        this.description = description;
    }

    /** Returns the name part of its columns, e.g. {@code ttft}: the constant's name in lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns what it measures. */
    public String description() {
        return description;
    }
}
