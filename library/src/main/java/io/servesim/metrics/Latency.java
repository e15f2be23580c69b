package io.servesim.metrics;

/**
 * The per-request latencies a run summarises with {@link Statistic}s; each names its {@code <stat>_<id>_ms} columns.
 */
public enum Latency {
    TTFT("ttft", "time to first token"),
    TTST("ttst", "time from the first to the second token"),
    TPOT("tpot", "time per output token after the first"),
    ITL("itl", "gap between consecutive tokens"),
    E2E_LATENCY("e2e_latency", "end-to-end latency"),
    ROUTER_QUEUE("router_queue", "wait in the router's queue before routing");

    private final String id;
    private final String description;

    Latency(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** Returns the name part of its columns, e.g. {@code ttft}. */
    public String id() {
        return id;
    }

    /** Returns what it measures. */
    public String description() {
        return description;
    }
}
