package io.servesim.spec;

/**
 * Every bound servesim puts on the size of its inputs and on values far outside any physical meaning, in one place.
 * Inputs beyond them are rejected with a message naming the bound, so a typo such as {@code 1e308} never turns into
 * a silent cast, an endless run or an out-of-memory error.
 */
public final class Limits {
    private Limits() {
    }

    /** Largest spec file or text read, in bytes (real specs are a few hundred bytes). */
    public static final int MAX_SPEC_BYTES = 1 << 20;
    /** Longest trace line, in characters: a 4,000,000-token prompt's hash ids fit many times over. */
    public static final int MAX_TRACE_LINE_CHARS = 8 << 20;
    /** Longest value echoed in an error message, in characters. */
    public static final int MAX_ECHO_CHARS = 80;

    /** Largest prompt or output length, in tokens. */
    public static final int MAX_TOKENS = 10_000_000;
    /** Largest synthetic request count. */
    public static final int MAX_REQUEST_COUNT = 100_000_000;
    /** Largest closed-loop concurrency. */
    public static final int MAX_CONCURRENCY = 1_000_000;
    /** Largest open-loop request rate, requests per second. */
    public static final double MAX_REQUEST_RATE = 1e6;
    /** Largest arrival interval or inter-turn delay, ms (about 11.6 days). */
    public static final double MAX_INTERVAL_MS = 1e9;
    /** Smallest and largest trace arrival speed-up ratio. */
    public static final double MIN_SPEEDUP = 1e-6;
    public static final double MAX_SPEEDUP = 1e6;
    /** Largest engine speed-up ratio (divides every pass time); its inverse is the smallest. */
    public static final double MAX_ENGINE_SPEEDUP = 1000;
    /** Largest KV-router prefill load scale. */
    public static final double MAX_LOAD_SCALE = 1000;
    /** Largest number of evaluations run at once. */
    public static final int MAX_PARALLEL_EVALS = 1024;
    /** Largest number of turns per session. */
    public static final int MAX_TURNS = 100_000;
    /** Largest number of shared-prefix groups. */
    public static final int MAX_PREFIX_GROUPS = 10_000_000;
    /** Largest tensor-parallel degree or worker count named on the command line. */
    public static final int MAX_GPUS = 100_000;
}
