package io.servesim.spec;

import java.util.List;

/**
 * Every default value of the spec model, in one place. Values follow the original DynoSim sweep and vLLM's
 * defaults for the modelled version unless noted.
 */
public final class Defaults {
    private Defaults() {
    }

    // --- engine args (vLLM-like worker) ---
    /** Tokens per KV block; the original mocker's 64 is raised to 512 to match Mooncake traces' hash granularity. */
    public static final int BLOCK_SIZE = 512;
    public static final boolean ENABLE_PREFIX_CACHING = true;
    public static final int MAX_NUM_SEQS = 256;
    public static final int MAX_NUM_BATCHED_TOKENS = 8192;
    public static final boolean ENABLE_CHUNKED_PREFILL = true;
    /** vLLM's default for the modelled version (0.22+/0.24), as aiconfigurator mirrors it. */
    public static final double GPU_MEMORY_UTILIZATION = 0.92;
    /** Divides every simulated pass time (1.0 = as modelled). */
    public static final double SPEEDUP_RATIO = 1.0;
    /** Further divides the decode part of every pass (the original mocker's decode_speedup_ratio; 1.0 = as modelled). */
    public static final double DECODE_SPEEDUP_RATIO = 1.0;
    public static final PerfModelKind PERF_MODEL = PerfModelKind.TABLES;
    /**
     * The backend whose engine overheads apply when {@code ttft_overhead_ms} / {@code step_overhead_ms} are unset
     * (the only modelled one); the per-backend values and their sources are in {@link EngineOverheads}.
     */
    public static final String BACKEND = "vllm";

    // --- hardware ---
    public static final String GPU_SKU = "h200_sxm";

    // --- performance model queries (servesim perf, %perf) ---
    /** The model the performance model is asked about when none is named (the example specs' model). */
    public static final String MODEL = "Qwen/Qwen3-32B";

    // --- workload ---
    public static final double SHARED_PREFIX_RATIO = 0.0;
    public static final int NUM_PREFIX_GROUPS = 0;
    public static final int TURNS_PER_SESSION = 1;
    public static final double INTER_TURN_DELAY_MS = 0.0;
    public static final long ARRIVAL_SEED = 42;
    public static final String TRACE_FORMAT = "mooncake";
    public static final double ARRIVAL_SPEEDUP_RATIO = 1.0;
    /** Tokens per hash id in Mooncake traces. */
    public static final int TRACE_BLOCK_SIZE = 512;
    public static final boolean LENIENT_TRACE = false;

    // --- router ---
    public static final RouterMode ROUTER_MODE = RouterMode.KV_ROUTER;
    public static final List<Double> OVERLAP_CREDITS = List.of(1.0);
    public static final List<Double> PREFILL_LOAD_SCALES = List.of(0.0, 0.25, 0.5, 1.0, 2.0, 4.0);
    /** The round-robin router state's fixed knobs. */
    public static final double ROUND_ROBIN_CREDIT = 0.0;
    public static final double ROUND_ROBIN_SCALE = 1.0;
    /** The KV router's knobs for a single replay when no flag names them (Dynamo's default weights). */
    public static final double OVERLAP_CREDIT = 1.0;
    public static final double PREFILL_LOAD_SCALE = 1.0;
    public static final double ROUTER_TEMPERATURE = 0.0;
    public static final boolean ROUTER_TRACK_ACTIVE_BLOCKS = true;
    public static final boolean ROUTER_ASSUME_KV_REUSE = true;
    public static final boolean ROUTER_TRACK_PREFILL_TOKENS = true;
    public static final double DECODE_ACTIVE_REQUEST_WEIGHT = 0.0;
    public static final long ROUTER_SEED = 42;
    /**
     * Requests wait in the router while every worker's queued prefill tokens exceed this × max_num_batched_tokens
     * (the original router's default; null turns the queue off).
     */
    public static final Double ROUTER_QUEUE_THRESHOLD = 16.0;
    /** Overlap credit decay with the worker's extra queued prefill (0 = off, the original default). */
    public static final double OVERLAP_SCORE_CREDIT_DECAY = 0.0;

    // --- fidelity (servesim fidelity: replaying measured rows) ---
    /** Measured requests per closed-loop client: aiconfigurator's generated aiperf benchmark runs 20 × c. */
    public static final int FIDELITY_REQUESTS_PER_CLIENT = 20;
    /**
     * Measured requests per client in the replays of {@code servesim fidelity --fit}: the full 20 × c, since the
     * measured mean includes the profiling phase's first round, whose weight depends on the number of requests.
     */
    public static final int FIDELITY_FIT_REQUESTS_PER_CLIENT = 20;
    /**
     * Warm-up requests per client replayed before the measured ones: none. aiperf runs its 2 × c warm-up requests as
     * a separate phase and waits for all of them to return before the profiling phase starts, so that phase starts on
     * an idle server, as a replay from t = 0 does.
     */
    public static final int FIDELITY_WARMUP_PER_CLIENT = 0;
    /** Length spread (stddev / mean) that keeps replayed requests from marching in lock-step. */
    public static final double FIDELITY_LENGTH_STDDEV_FRACTION = 0.05;
    /**
     * Client start window of fidelity replays, in units of one request's estimated decode time: 0, as aiperf's
     * concurrency mode sends its first c requests at once when the profiling phase starts.
     */
    public static final double FIDELITY_RAMP_UP_DECODE_TIMES = 0.0;
    /** vLLM's default KV block size on CUDA. */
    public static final int FIDELITY_BLOCK_SIZE = 16;
    /** The benchmark's {@code --random-seed}. */
    public static final long FIDELITY_SEED = 100;

    // --- sweep ---
    public static final Objective OBJECTIVE = Objective.THROUGHPUT;
    public static final int SEARCH_ROUNDS = 3;
    public static final double OVER_BUDGET_PENALTY = 1.0;

    // --- study ---
    /** How a study combines its axes when the file does not say: every combination. */
    public static final String STUDY_COMBINE = "cross";
    /** How each study cell is searched when the file does not say. */
    public static final String STUDY_SEARCH = "descent";
    /** Folder a study writes to when {@code --out} is not given: {@code runs/study-<name>}. */
    public static final String STUDY_OUT_PREFIX = "study-";

    /**
     * The defaults that command-line flags share with the spec, as text: picocli's {@code defaultValue} must be a
     * constant string, and each of these is the constant above it is named after, so the two cannot drift apart.
     */
    public static final class Flag {
        public static final String MODEL = Defaults.MODEL;
        public static final String GPU_SKU = Defaults.GPU_SKU;
        public static final String BLOCK_SIZE = "" + Defaults.BLOCK_SIZE;
        public static final String MAX_NUM_BATCHED_TOKENS = "" + Defaults.MAX_NUM_BATCHED_TOKENS;
        public static final String GPU_MEMORY_UTILIZATION = "" + Defaults.GPU_MEMORY_UTILIZATION;
        public static final String TRACE_BLOCK_SIZE = "" + Defaults.TRACE_BLOCK_SIZE;
        public static final String ARRIVAL_SEED = "" + Defaults.ARRIVAL_SEED;
        public static final String OVERLAP_CREDIT = "" + Defaults.OVERLAP_CREDIT;
        public static final String PREFILL_LOAD_SCALE = "" + Defaults.PREFILL_LOAD_SCALE;
        /** The id of {@link Defaults#ROUTER_MODE}. */
        public static final String ROUTER_MODE = "kv_router";

        private Flag() {
        }
    }

    /** Returns min(8, available processors), the default number of evaluations run at once. */
    public static int maxParallelEvals() {
        return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }
}
