package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.ArrayList;
import java.util.List;

/**
 * What load the cluster sees: either a synthetic workload (fixed {@code isl}/{@code osl}, shared prefixes, closed
 * loop at {@code concurrency} or open loop at {@code requestRate} / every {@code arrivalIntervalMs}) or the replay of
 * a Mooncake-style trace ({@code traceFile}). Immutable. Knobs of the other kind are absent ({@code null}); setting
 * them is an error that names them. Build with {@link #synthetic()} or {@link #trace(String)}.
 *
 * <p>Steady-state knobs (synthetic only, all optional; absent means today's fixed-length, all-at-once load):
 * {@code islStddev}/{@code oslStddev} spread prompt and answer lengths (normal, seeded by {@code arrivalSeed},
 * truncated at 1 token and at the model's context), {@code rampUpMs} starts the closed-loop clients one after the
 * other, evenly over that window, and {@code warmupRequests} leaves the first N completed requests out of every
 * metric (the count is reported as {@code warmup_requests}).
 */
@JsonDeserialize(builder = WorkloadSpecBuilder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkloadSpec(
        Integer isl, Integer osl, Integer requestCount, Integer concurrency, Double requestRate,
        Double arrivalIntervalMs, Double sharedPrefixRatio, Integer numPrefixGroups, Integer turnsPerSession,
        Double interTurnDelayMs, Long arrivalSeed,
        String traceFile, String traceFormat, Double arrivalSpeedupRatio, Integer traceReplayConcurrency,
        Integer traceBlockSize, Boolean lenientTrace, Double islStddev, Double oslStddev, Double rampUpMs,
        Integer warmupRequests) {
    static final String SECTION = "workload";
    /** Trace formats servesim reads. */
    public static final List<String> TRACE_FORMATS = List.of("mooncake");

    public WorkloadSpec {
        if (traceFile != null) {
            validateTrace(isl, osl, requestCount, concurrency, requestRate, arrivalIntervalMs, sharedPrefixRatio,
                    numPrefixGroups, turnsPerSession, interTurnDelayMs, traceFile, traceFormat, arrivalSpeedupRatio,
                    traceReplayConcurrency, traceBlockSize, lenientTrace);
            rejectSteadyStateKnobs(islStddev, oslStddev, rampUpMs, warmupRequests);
        } else {
            validateSynthetic(isl, osl, requestCount, concurrency, requestRate, arrivalIntervalMs, sharedPrefixRatio,
                    numPrefixGroups, turnsPerSession, interTurnDelayMs, traceFormat, arrivalSpeedupRatio,
                    traceReplayConcurrency, traceBlockSize, lenientTrace);
            validateSteadyState(requestCount, concurrency, islStddev, oslStddev, rampUpMs, warmupRequests);
        }
        Checks.required(SECTION, "arrivalSeed", arrivalSeed);
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private static void validateSynthetic(Integer isl, Integer osl, Integer requestCount, Integer concurrency,
                                          Double requestRate, Double arrivalIntervalMs, Double sharedPrefixRatio,
                                          Integer numPrefixGroups, Integer turnsPerSession, Double interTurnDelayMs,
                                          String traceFormat, Double arrivalSpeedupRatio,
                                          Integer traceReplayConcurrency, Integer traceBlockSize,
                                          Boolean lenientTrace) {
        List<String> traceOnly = new ArrayList<>();
        addIfSet(traceOnly, "traceFormat", traceFormat);
        addIfSet(traceOnly, "arrivalSpeedupRatio", arrivalSpeedupRatio);
        addIfSet(traceOnly, "traceReplayConcurrency", traceReplayConcurrency);
        addIfSet(traceOnly, "traceBlockSize", traceBlockSize);
        addIfSet(traceOnly, "lenientTrace", lenientTrace);
        if (!traceOnly.isEmpty()) {
            throw SpecException.because(SECTION, traceOnly.get(0), "is set but the workload has no traceFile; "
                    + "trace-only fields " + traceOnly + " apply to trace replay only");
        }
        Checks.positive(SECTION, "isl", Checks.required(SECTION, "isl", isl));
        Checks.positive(SECTION, "osl", Checks.required(SECTION, "osl", osl));
        Checks.positive(SECTION, "requestCount", Checks.required(SECTION, "requestCount", requestCount));
        Checks.atMost(SECTION, "isl", isl, Limits.MAX_TOKENS, "tokens");
        Checks.atMost(SECTION, "osl", osl, Limits.MAX_TOKENS, "tokens");
        Checks.atMost(SECTION, "requestCount", requestCount, Limits.MAX_REQUEST_COUNT, "requests");
        int loads = (concurrency != null ? 1 : 0) + (requestRate != null ? 1 : 0) + (arrivalIntervalMs != null ? 1 : 0);
        if (loads != 1) {
            throw SpecException.because(SECTION, "concurrency", loads == 0
                    ? "is missing; set exactly one of concurrency (closed loop), requestRate or arrivalIntervalMs"
                    : "conflicts: set exactly one of concurrency, requestRate, arrivalIntervalMs (got " + loads + ")");
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
        Checks.fraction(SECTION, "sharedPrefixRatio", Checks.required(SECTION, "sharedPrefixRatio", sharedPrefixRatio));
        Checks.required(SECTION, "numPrefixGroups", numPrefixGroups);
        if (numPrefixGroups < 0) {
            throw SpecException.of(SECTION, "numPrefixGroups", numPrefixGroups, "allowed: an integer >= 0");
        }
        if (sharedPrefixRatio > 0 && numPrefixGroups < 1) {
            throw SpecException.of(SECTION, "numPrefixGroups", numPrefixGroups,
                    "allowed: an integer >= 1 when sharedPrefixRatio (" + sharedPrefixRatio + ") is > 0");
        }
        Checks.atMost(SECTION, "numPrefixGroups", numPrefixGroups, Limits.MAX_PREFIX_GROUPS, "groups");
        Checks.positive(SECTION, "turnsPerSession", Checks.required(SECTION, "turnsPerSession", turnsPerSession));
        Checks.atMost(SECTION, "turnsPerSession", turnsPerSession, Limits.MAX_TURNS, "turns");
        Checks.nonNegativeFinite(SECTION, "interTurnDelayMs",
                Checks.required(SECTION, "interTurnDelayMs", interTurnDelayMs));
        Checks.atMost(SECTION, "interTurnDelayMs", interTurnDelayMs, Limits.MAX_INTERVAL_MS, "ms");
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private static void validateTrace(Integer isl, Integer osl, Integer requestCount, Integer concurrency,
                                      Double requestRate, Double arrivalIntervalMs, Double sharedPrefixRatio,
                                      Integer numPrefixGroups, Integer turnsPerSession, Double interTurnDelayMs,
                                      String traceFile, String traceFormat, Double arrivalSpeedupRatio,
                                      Integer traceReplayConcurrency, Integer traceBlockSize, Boolean lenientTrace) {
        List<String> syntheticOnly = new ArrayList<>();
        addIfSet(syntheticOnly, "isl", isl);
        addIfSet(syntheticOnly, "osl", osl);
        addIfSet(syntheticOnly, "requestCount", requestCount);
        addIfSet(syntheticOnly, "concurrency", concurrency);
        addIfSet(syntheticOnly, "requestRate", requestRate);
        addIfSet(syntheticOnly, "arrivalIntervalMs", arrivalIntervalMs);
        addIfSet(syntheticOnly, "sharedPrefixRatio", sharedPrefixRatio);
        addIfSet(syntheticOnly, "numPrefixGroups", numPrefixGroups);
        addIfSet(syntheticOnly, "turnsPerSession", turnsPerSession);
        addIfSet(syntheticOnly, "interTurnDelayMs", interTurnDelayMs);
        if (!syntheticOnly.isEmpty()) {
            throw SpecException.because(SECTION, syntheticOnly.get(0), "is set together with traceFile; synthetic-only"
                    + " fields " + syntheticOnly + " have no effect on a trace replay (the trace decides lengths and"
                    + " arrivals); remove them or remove traceFile");
        }
        if (traceFile.isBlank()) {
            throw SpecException.of(SECTION, "traceFile", traceFile, "allowed: a path to a Mooncake JSONL trace");
        }
        Checks.required(SECTION, "traceFormat", traceFormat);
        if (!TRACE_FORMATS.contains(traceFormat)) {
            throw SpecException.of(SECTION, "traceFormat", traceFormat, "allowed: " + String.join(", ", TRACE_FORMATS)
                    + (traceFormat.equals("applied_compute_agentic") ? " (applied_compute_agentic is not read yet)" : ""));
        }
        Checks.positiveFinite(SECTION, "arrivalSpeedupRatio",
                Checks.required(SECTION, "arrivalSpeedupRatio", arrivalSpeedupRatio));
        Checks.between(SECTION, "arrivalSpeedupRatio", arrivalSpeedupRatio, Limits.MIN_SPEEDUP, Limits.MAX_SPEEDUP);
        if (traceReplayConcurrency != null) {
            Checks.positive(SECTION, "traceReplayConcurrency", traceReplayConcurrency);
            Checks.atMost(SECTION, "traceReplayConcurrency", traceReplayConcurrency, Limits.MAX_CONCURRENCY,
                    "requests in flight");
        }
        Checks.positive(SECTION, "traceBlockSize", Checks.required(SECTION, "traceBlockSize", traceBlockSize));
        Checks.required(SECTION, "lenientTrace", lenientTrace);
    }

    private static void validateSteadyState(Integer requestCount, Integer concurrency, Double islStddev,
                                            Double oslStddev, Double rampUpMs, Integer warmupRequests) {
        if (islStddev != null) {
            Checks.nonNegativeFinite(SECTION, "islStddev", islStddev);
        }
        if (oslStddev != null) {
            Checks.nonNegativeFinite(SECTION, "oslStddev", oslStddev);
        }
        if (rampUpMs != null) {
            Checks.nonNegativeFinite(SECTION, "rampUpMs", rampUpMs);
            if (concurrency == null && rampUpMs > 0) {
                throw SpecException.of(SECTION, "rampUpMs", rampUpMs, "allowed: only with concurrency (closed loop);"
                        + " open-loop arrivals already spread requests over time");
            }
        }
        if (warmupRequests != null && (warmupRequests < 0 || warmupRequests >= requestCount)) {
            throw SpecException.of(SECTION, "warmupRequests", warmupRequests, "allowed: an integer >= 0 and below"
                    + " requestCount (" + requestCount + "), so that some requests are measured");
        }
    }

    private static void rejectSteadyStateKnobs(Double islStddev, Double oslStddev, Double rampUpMs,
                                               Integer warmupRequests) {
        List<String> set = new ArrayList<>();
        addIfSet(set, "islStddev", islStddev);
        addIfSet(set, "oslStddev", oslStddev);
        addIfSet(set, "rampUpMs", rampUpMs);
        addIfSet(set, "warmupRequests", warmupRequests);
        if (!set.isEmpty()) {
            throw SpecException.because(SECTION, set.get(0), "is set together with traceFile; " + set
                    + " shape synthetic workloads only (the trace decides lengths and arrivals)");
        }
    }

    private static void addIfSet(List<String> names, String name, Object value) {
        if (value != null) {
            names.add(name);
        }
    }

    /** Returns a builder for a synthetic workload with the defaults filled in. */
    public static WorkloadSpecBuilder synthetic() {
        return new WorkloadSpecBuilder();
    }

    /** Returns a builder replaying the Mooncake trace at {@code traceFile}. */
    public static WorkloadSpecBuilder trace(String traceFile) {
        return new WorkloadSpecBuilder().traceFile(traceFile);
    }

    /** Returns true when this workload replays a trace file. */
    @JsonIgnore
    public boolean isTraceBased() {
        return traceFile != null;
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

    /** Returns a builder holding this record's values. */
    public WorkloadSpecBuilder toBuilder() {
        return WorkloadSpecBuilder.from(this);
    }
}
