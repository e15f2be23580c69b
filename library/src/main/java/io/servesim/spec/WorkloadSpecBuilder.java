package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;

/**
 * Fluent builder for {@link WorkloadSpec}; also the JSON/YAML reader's entry point. Defaults for the workload's kind
 * (synthetic or trace) are filled in at {@link #build()}, so knobs of the other kind stay absent.
 */
@JsonPOJOBuilder(withPrefix = "")
public final class WorkloadSpecBuilder {
    private Integer isl;
    private Integer osl;
    private Integer requestCount;
    private Integer concurrency;
    private Double requestRate;
    private Double arrivalIntervalMs;
    private Double sharedPrefixRatio;
    private Integer numPrefixGroups;
    private Integer turnsPerSession;
    private Double interTurnDelayMs;
    private Long arrivalSeed;
    private String traceFile;
    private String traceFormat;
    private Double arrivalSpeedupRatio;
    private Integer traceReplayConcurrency;
    private Integer traceBlockSize;
    private Boolean lenientTrace;
    private Double islStddev;
    private Double oslStddev;
    private Double rampUpMs;
    private Integer warmupRequests;

    WorkloadSpecBuilder() {
    }

    static WorkloadSpecBuilder from(WorkloadSpec w) {
        WorkloadSpecBuilder b = new WorkloadSpecBuilder();
        b.isl = w.isl();
        b.osl = w.osl();
        b.requestCount = w.requestCount();
        b.concurrency = w.concurrency();
        b.requestRate = w.requestRate();
        b.arrivalIntervalMs = w.arrivalIntervalMs();
        b.sharedPrefixRatio = w.sharedPrefixRatio();
        b.numPrefixGroups = w.numPrefixGroups();
        b.turnsPerSession = w.turnsPerSession();
        b.interTurnDelayMs = w.interTurnDelayMs();
        b.arrivalSeed = w.arrivalSeed();
        b.traceFile = w.traceFile();
        b.traceFormat = w.traceFormat();
        b.arrivalSpeedupRatio = w.arrivalSpeedupRatio();
        b.traceReplayConcurrency = w.traceReplayConcurrency();
        b.traceBlockSize = w.traceBlockSize();
        b.lenientTrace = w.lenientTrace();
        b.islStddev = w.islStddev();
        b.oslStddev = w.oslStddev();
        b.rampUpMs = w.rampUpMs();
        b.warmupRequests = w.warmupRequests();
        return b;
    }

    @JsonProperty("isl")
    public WorkloadSpecBuilder isl(Integer v) { isl = v; return this; }

    @JsonProperty("osl")
    public WorkloadSpecBuilder osl(Integer v) { osl = v; return this; }

    @JsonProperty("requestCount")
    public WorkloadSpecBuilder requestCount(Integer v) { requestCount = v; return this; }

    /** Sets closed-loop load: this many requests in flight (clears requestRate and arrivalIntervalMs). */
    @JsonIgnore
    public WorkloadSpecBuilder concurrency(int v) { concurrency = v; requestRate = null; arrivalIntervalMs = null; return this; }

    /** Sets open-loop Poisson load in requests per second (clears concurrency and arrivalIntervalMs). */
    @JsonIgnore
    public WorkloadSpecBuilder requestRate(double v) { requestRate = v; concurrency = null; arrivalIntervalMs = null; return this; }

    /** Sets open-loop load with one session start every {@code v} ms (clears concurrency and requestRate). */
    @JsonIgnore
    public WorkloadSpecBuilder arrivalIntervalMs(double v) { arrivalIntervalMs = v; concurrency = null; requestRate = null; return this; }

    @JsonProperty("concurrency")
    private WorkloadSpecBuilder jsonConcurrency(Integer v) { concurrency = v; return this; }

    @JsonProperty("requestRate")
    private WorkloadSpecBuilder jsonRequestRate(Double v) { requestRate = v; return this; }

    @JsonProperty("arrivalIntervalMs")
    private WorkloadSpecBuilder jsonArrivalIntervalMs(Double v) { arrivalIntervalMs = v; return this; }

    @JsonIgnore
    public WorkloadSpecBuilder sharedPrefixRatio(double v) { sharedPrefixRatio = v; return this; }

    @JsonProperty("sharedPrefixRatio")
    private WorkloadSpecBuilder jsonSharedPrefixRatio(Double v) { sharedPrefixRatio = v; return this; }

    @JsonProperty("numPrefixGroups")
    public WorkloadSpecBuilder numPrefixGroups(Integer v) { numPrefixGroups = v; return this; }

    @JsonProperty("turnsPerSession")
    public WorkloadSpecBuilder turnsPerSession(Integer v) { turnsPerSession = v; return this; }

    @JsonIgnore
    public WorkloadSpecBuilder interTurnDelayMs(double v) { interTurnDelayMs = v; return this; }

    @JsonProperty("interTurnDelayMs")
    private WorkloadSpecBuilder jsonInterTurnDelayMs(Double v) { interTurnDelayMs = v; return this; }

    @JsonIgnore
    public WorkloadSpecBuilder arrivalSeed(long v) { arrivalSeed = v; return this; }

    @JsonProperty("arrivalSeed")
    private WorkloadSpecBuilder jsonArrivalSeed(Long v) { arrivalSeed = v; return this; }

    @JsonProperty("traceFile")
    public WorkloadSpecBuilder traceFile(String v) { traceFile = v; return this; }

    @JsonProperty("traceFormat")
    public WorkloadSpecBuilder traceFormat(String v) { traceFormat = v; return this; }

    @JsonIgnore
    public WorkloadSpecBuilder arrivalSpeedupRatio(double v) { arrivalSpeedupRatio = v; return this; }

    @JsonProperty("arrivalSpeedupRatio")
    private WorkloadSpecBuilder jsonArrivalSpeedupRatio(Double v) { arrivalSpeedupRatio = v; return this; }

    @JsonProperty("traceReplayConcurrency")
    public WorkloadSpecBuilder traceReplayConcurrency(Integer v) { traceReplayConcurrency = v; return this; }

    @JsonProperty("traceBlockSize")
    public WorkloadSpecBuilder traceBlockSize(Integer v) { traceBlockSize = v; return this; }

    @JsonProperty("lenientTrace")
    public WorkloadSpecBuilder lenientTrace(Boolean v) { lenientTrace = v; return this; }

    /** Spreads prompt lengths: normal with this standard deviation in tokens around {@code isl}. */
    @JsonProperty("islStddev")
    public WorkloadSpecBuilder islStddev(Double v) { islStddev = v; return this; }

    /** Spreads answer lengths: normal with this standard deviation in tokens around {@code osl}. */
    @JsonProperty("oslStddev")
    public WorkloadSpecBuilder oslStddev(Double v) { oslStddev = v; return this; }

    /** Starts the closed-loop clients evenly over this many ms instead of all at once. */
    @JsonProperty("rampUpMs")
    public WorkloadSpecBuilder rampUpMs(Double v) { rampUpMs = v; return this; }

    /** Leaves the first {@code v} completed requests out of every metric. */
    @JsonProperty("warmupRequests")
    public WorkloadSpecBuilder warmupRequests(Integer v) { warmupRequests = v; return this; }

    /** Returns the validated record, with the defaults of its kind filled in. */
    public WorkloadSpec build() {
        long seed = arrivalSeed == null ? Defaults.ARRIVAL_SEED : arrivalSeed;
        if (traceFile != null) {
            return new WorkloadSpec(isl, osl, requestCount, concurrency, requestRate, arrivalIntervalMs,
                    sharedPrefixRatio, numPrefixGroups, turnsPerSession, interTurnDelayMs, seed, traceFile,
                    or(traceFormat, Defaults.TRACE_FORMAT), or(arrivalSpeedupRatio, Defaults.ARRIVAL_SPEEDUP_RATIO),
                    traceReplayConcurrency, or(traceBlockSize, Defaults.TRACE_BLOCK_SIZE),
                    or(lenientTrace, Defaults.LENIENT_TRACE), islStddev, oslStddev, rampUpMs, warmupRequests);
        }
        return new WorkloadSpec(isl, osl, requestCount, concurrency, requestRate, arrivalIntervalMs,
                or(sharedPrefixRatio, Defaults.SHARED_PREFIX_RATIO), or(numPrefixGroups, Defaults.NUM_PREFIX_GROUPS),
                or(turnsPerSession, Defaults.TURNS_PER_SESSION), or(interTurnDelayMs, Defaults.INTER_TURN_DELAY_MS),
                seed, null, traceFormat, arrivalSpeedupRatio, traceReplayConcurrency, traceBlockSize, lenientTrace,
                islStddev, oslStddev, rampUpMs, warmupRequests);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
