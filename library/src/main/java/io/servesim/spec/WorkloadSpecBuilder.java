package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Fluent builder for {@link WorkloadSpec}; also the JSON/YAML reader's entry point: the flat {@code workload}
 * section, every field optional, mapped to a {@link WorkloadSpec.Synthetic} or {@link WorkloadSpec.Trace} at
 * {@link #build()}, which fills in the defaults of that kind.
 */
@JsonPOJOBuilder(withPrefix = "")
public final class WorkloadSpecBuilder {
    static final String SECTION = "workload";
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

    static WorkloadSpecBuilder from(WorkloadSpec spec) {
        WorkloadSpecBuilder b = new WorkloadSpecBuilder();
        b.arrivalSeed = spec.arrivalSeed();
        if (spec instanceof WorkloadSpec.Trace t) {
            b.traceFile = t.traceFile();
            b.traceFormat = t.traceFormat();
            b.arrivalSpeedupRatio = t.arrivalSpeedupRatio();
            b.traceReplayConcurrency = t.traceReplayConcurrency();
            b.traceBlockSize = t.traceBlockSize();
            b.lenientTrace = t.lenientTrace();
        } else if (spec instanceof WorkloadSpec.Synthetic w) {
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
            b.islStddev = w.islStddev();
            b.oslStddev = w.oslStddev();
            b.rampUpMs = w.rampUpMs();
            b.warmupRequests = w.warmupRequests();
        }
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

    /**
     * Returns the validated workload, with the defaults of its kind filled in: a {@link WorkloadSpec.Trace} when a
     * trace file is set, else a {@link WorkloadSpec.Synthetic}. A knob of the other kind fails naming it.
     */
    public WorkloadSpec build() {
        long seed = arrivalSeed == null ? Defaults.ARRIVAL_SEED : arrivalSeed;
        if (traceFile != null) {
            List<String> synthetic = setAmong(List.of("isl", "osl", "requestCount", "concurrency", "requestRate",
                    "arrivalIntervalMs", "sharedPrefixRatio", "numPrefixGroups", "turnsPerSession",
                    "interTurnDelayMs"), isl, osl, requestCount, concurrency, requestRate, arrivalIntervalMs,
                    sharedPrefixRatio, numPrefixGroups, turnsPerSession, interTurnDelayMs);
            if (!synthetic.isEmpty()) {
                throw SpecException.because(SECTION, synthetic.get(0), "is set together with traceFile; synthetic-only"
                        + " fields " + synthetic + " have no effect on a trace replay (the trace decides lengths and"
                        + " arrivals); remove them or remove traceFile");
            }
            WorkloadSpec.Trace trace = new WorkloadSpec.Trace(seed, traceFile, or(traceFormat, Defaults.TRACE_FORMAT),
                    or(arrivalSpeedupRatio, Defaults.ARRIVAL_SPEEDUP_RATIO), traceReplayConcurrency,
                    or(traceBlockSize, Defaults.TRACE_BLOCK_SIZE), or(lenientTrace, Defaults.LENIENT_TRACE));
            List<String> steady = setAmong(List.of("islStddev", "oslStddev", "rampUpMs", "warmupRequests"),
                    islStddev, oslStddev, rampUpMs, warmupRequests);
            if (!steady.isEmpty()) {
                throw SpecException.because(SECTION, steady.get(0), "is set together with traceFile; " + steady
                        + " shape synthetic workloads only (the trace decides lengths and arrivals)");
            }
            return trace;
        }
        List<String> traceOnly = setAmong(List.of("traceFormat", "arrivalSpeedupRatio", "traceReplayConcurrency",
                "traceBlockSize", "lenientTrace"), traceFormat, arrivalSpeedupRatio, traceReplayConcurrency,
                traceBlockSize, lenientTrace);
        if (!traceOnly.isEmpty()) {
            throw SpecException.because(SECTION, traceOnly.get(0), "is set but the workload has no traceFile; "
                    + "trace-only fields " + traceOnly + " apply to trace replay only");
        }
        return new WorkloadSpec.Synthetic(Checks.required(SECTION, "isl", isl),
                Checks.required(SECTION, "osl", osl), Checks.required(SECTION, "requestCount", requestCount),
                concurrency, requestRate, arrivalIntervalMs, or(sharedPrefixRatio, Defaults.SHARED_PREFIX_RATIO),
                or(numPrefixGroups, Defaults.NUM_PREFIX_GROUPS), or(turnsPerSession, Defaults.TURNS_PER_SESSION),
                or(interTurnDelayMs, Defaults.INTER_TURN_DELAY_MS), seed, islStddev, oslStddev, rampUpMs,
                warmupRequests);
    }

    /** Returns the names, among {@code names}, of the fields whose {@code values} are set. */
    private static List<String> setAmong(List<String> names, Object... values) {
        List<String> set = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                set.add(names.get(i));
            }
        }
        return set;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
