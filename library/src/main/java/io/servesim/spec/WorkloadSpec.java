package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * What load the cluster sees: either a {@link Synthetic} workload (fixed {@code isl}/{@code osl}, shared prefixes,
 * closed loop at {@code concurrency} or open loop at {@code requestRate} / every {@code arrivalIntervalMs}) or the
 * {@link Trace} replay of a Mooncake-style trace ({@code traceFile}). Immutable. Specs write one flat
 * {@code workload} section; a {@code traceFile} makes it a trace, and setting a knob of the other kind is an error
 * that names it. Build with {@link #synthetic()} or {@link #trace(String)}.
 */
@JsonDeserialize(builder = WorkloadSpecBuilder.class)
public sealed interface WorkloadSpec permits WorkloadSpec.Synthetic, WorkloadSpec.Trace {
    /** Trace formats servesim reads. */
    List<String> TRACE_FORMATS = List.of("mooncake");

    /** Returns the seed of every random draw of the workload. */
    long arrivalSeed();

    /** Returns true when this workload replays a trace file. */
    @JsonIgnore
    default boolean isTraceBased() {
        return this instanceof Trace;
    }

    /** Returns a builder holding this workload's values. */
    default WorkloadSpecBuilder toBuilder() {
        return WorkloadSpecBuilder.from(this);
    }

    /** Returns a builder for a synthetic workload with the defaults filled in. */
    static WorkloadSpecBuilder synthetic() {
        return new WorkloadSpecBuilder();
    }

    /** Returns a builder replaying the Mooncake trace at {@code traceFile}. */
    static WorkloadSpecBuilder trace(String traceFile) {
        return new WorkloadSpecBuilder().traceFile(traceFile);
    }

    /**
     * A synthetic workload: {@code requestCount} sessions of {@code turnsPerSession} turns of {@code isl} prompt and
     * {@code osl} answer tokens; exactly one of {@code concurrency} (closed loop), {@code requestRate} (Poisson) and
     * {@code arrivalIntervalMs} is set, the other two are null.
     *
     * <p>Steady-state knobs (optional, null when absent, meaning the fixed-length, all-at-once load):
     * {@code islStddev}/{@code oslStddev} spread prompt and answer lengths (normal, seeded by {@code arrivalSeed},
     * truncated at 1 token and at the model's context), {@code rampUpMs} starts the closed-loop clients one after the
     * other, evenly over that window, and {@code warmupRequests} leaves the first N completed requests out of every
     * metric (the count is reported as {@code warmup_requests}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Synthetic(int isl, int osl, int requestCount, Integer concurrency, Double requestRate,
                     Double arrivalIntervalMs, double sharedPrefixRatio, int numPrefixGroups, int turnsPerSession,
                     double interTurnDelayMs, long arrivalSeed, Double islStddev, Double oslStddev, Double rampUpMs,
                     Integer warmupRequests) implements WorkloadSpec {
        static final String SECTION = "workload";

        public Synthetic {
            Checks.positive(SECTION, "isl", isl);
            Checks.positive(SECTION, "osl", osl);
            Checks.positive(SECTION, "requestCount", requestCount);
            Checks.atMost(SECTION, "isl", isl, Limits.MAX_TOKENS, "tokens");
            Checks.atMost(SECTION, "osl", osl, Limits.MAX_TOKENS, "tokens");
            Checks.atMost(SECTION, "requestCount", requestCount, Limits.MAX_REQUEST_COUNT, "requests");
            int loads = (concurrency != null ? 1 : 0) + (requestRate != null ? 1 : 0)
                    + (arrivalIntervalMs != null ? 1 : 0);
            if (loads != 1) {
                throw SpecException.because(SECTION, "concurrency", loads == 0
                        ? "is missing; set exactly one of concurrency (closed loop), requestRate or arrivalIntervalMs"
                        : "conflicts: set exactly one of concurrency, requestRate, arrivalIntervalMs (got " + loads
                        + ")");
            }
            if (concurrency != null) {
                Checks.positive(SECTION, "concurrency", concurrency);
                Checks.atMost(SECTION, "concurrency", concurrency, Limits.MAX_CONCURRENCY, "requests in flight");
            }
            if (requestRate != null) {
                Checks.positiveFinite(SECTION, "requestRate", requestRate);
                Checks.atMost(SECTION, "requestRate", requestRate, Limits.MAX_REQUEST_RATE, "requests per second");
            }
            if (arrivalIntervalMs != null) {
                Checks.nonNegativeFinite(SECTION, "arrivalIntervalMs", arrivalIntervalMs);
                Checks.atMost(SECTION, "arrivalIntervalMs", arrivalIntervalMs, Limits.MAX_INTERVAL_MS, "ms");
            }
            Checks.fraction(SECTION, "sharedPrefixRatio", sharedPrefixRatio);
            if (numPrefixGroups < 0) {
                throw SpecException.of(SECTION, "numPrefixGroups", numPrefixGroups, "allowed: an integer >= 0");
            }
            if (sharedPrefixRatio > 0 && numPrefixGroups < 1) {
                throw SpecException.of(SECTION, "numPrefixGroups", numPrefixGroups,
                        "allowed: an integer >= 1 when sharedPrefixRatio (" + sharedPrefixRatio + ") is > 0");
            }
            Checks.atMost(SECTION, "numPrefixGroups", numPrefixGroups, Limits.MAX_PREFIX_GROUPS, "groups");
            Checks.positive(SECTION, "turnsPerSession", turnsPerSession);
            Checks.atMost(SECTION, "turnsPerSession", turnsPerSession, Limits.MAX_TURNS, "turns");
            Checks.nonNegativeFinite(SECTION, "interTurnDelayMs", interTurnDelayMs);
            Checks.atMost(SECTION, "interTurnDelayMs", interTurnDelayMs, Limits.MAX_INTERVAL_MS, "ms");
            if (islStddev != null) {
                Checks.nonNegativeFinite(SECTION, "islStddev", islStddev);
            }
            if (oslStddev != null) {
                Checks.nonNegativeFinite(SECTION, "oslStddev", oslStddev);
            }
            if (rampUpMs != null) {
                Checks.nonNegativeFinite(SECTION, "rampUpMs", rampUpMs);
                if (concurrency == null && rampUpMs > 0) {
                    throw SpecException.of(SECTION, "rampUpMs", rampUpMs, "allowed: only with concurrency (closed"
                            + " loop); open-loop arrivals already spread requests over time");
                }
            }
            if (warmupRequests != null && (warmupRequests < 0 || warmupRequests >= requestCount)) {
                throw SpecException.of(SECTION, "warmupRequests", warmupRequests, "allowed: an integer >= 0 and"
                        + " below requestCount (" + requestCount + "), so that some requests are measured");
            }
        }

        /** Returns the closed-loop concurrency, or 0 for open-loop arrivals. */
        @JsonIgnore
        public int clients() {
            return concurrency == null ? 0 : concurrency;
        }

        /** Returns the standard deviation of prompt lengths in tokens (0 when unset: every prompt has {@code isl}). */
        @JsonIgnore
        public double islSpread() {
            return islStddev == null ? 0 : islStddev;
        }

        /** Returns the standard deviation of answer lengths in tokens (0 when unset: every answer has {@code osl}). */
        @JsonIgnore
        public double oslSpread() {
            return oslStddev == null ? 0 : oslStddev;
        }

        /** Returns the window over which closed-loop clients start, ms (0 when unset: all start at once). */
        @JsonIgnore
        public double rampUp() {
            return rampUpMs == null ? 0 : rampUpMs;
        }

        /** Returns the number of first completed requests left out of the metrics (0 when unset). */
        @JsonIgnore
        public int warmup() {
            return warmupRequests == null ? 0 : warmupRequests;
        }
    }

    /**
     * The replay of a trace file ({@code traceFormat}, one of {@link #TRACE_FORMATS}) whose arrivals are sped up by
     * {@code arrivalSpeedupRatio}, or, with {@code traceReplayConcurrency} (null when absent), replayed closed loop
     * at that concurrency; each trace hash id stands for {@code traceBlockSize} tokens; {@code lenientTrace} skips
     * bad lines instead of failing.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Trace(long arrivalSeed, String traceFile, String traceFormat, double arrivalSpeedupRatio,
                 Integer traceReplayConcurrency, int traceBlockSize, boolean lenientTrace) implements WorkloadSpec {
        static final String SECTION = "workload";

        public Trace {
            if (traceFile == null || traceFile.isBlank()) {
                throw SpecException.of(SECTION, "traceFile", traceFile, "allowed: a path to a Mooncake JSONL trace");
            }
            Checks.required(SECTION, "traceFormat", traceFormat);
            if (!TRACE_FORMATS.contains(traceFormat)) {
                throw SpecException.of(SECTION, "traceFormat", traceFormat, "allowed: "
                        + String.join(", ", TRACE_FORMATS) + (traceFormat.equals("applied_compute_agentic")
                        ? " (applied_compute_agentic is not read yet)" : ""));
            }
            Checks.positiveFinite(SECTION, "arrivalSpeedupRatio", arrivalSpeedupRatio);
            Checks.between(SECTION, "arrivalSpeedupRatio", arrivalSpeedupRatio, Limits.MIN_SPEEDUP,
                    Limits.MAX_SPEEDUP);
            if (traceReplayConcurrency != null) {
                Checks.positive(SECTION, "traceReplayConcurrency", traceReplayConcurrency);
                Checks.atMost(SECTION, "traceReplayConcurrency", traceReplayConcurrency, Limits.MAX_CONCURRENCY,
                        "requests in flight");
            }
            Checks.positive(SECTION, "traceBlockSize", traceBlockSize);
        }

        /** Returns the closed-loop replay concurrency, or 0 to replay by timestamps. */
        @JsonIgnore
        public int clients() {
            return traceReplayConcurrency == null ? 0 : traceReplayConcurrency;
        }
    }
}
