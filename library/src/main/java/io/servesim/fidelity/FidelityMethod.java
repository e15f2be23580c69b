package io.servesim.fidelity;

import io.servesim.spec.Defaults;

/**
 * How a measured row is replayed: the profiling phase of the benchmark aiconfigurator generates for vLLM
 * ({@code aiperf}, closed loop at concurrency c, {@code 20 × c} requests after {@code 2 × c} warm-up requests).
 * aiperf runs warm-up and profiling as separate phases and waits for every warm-up request to return before the
 * profiling phase starts; that phase then sends its first c requests at once, and their time queued behind each
 * other's prefills is part of the measured mean. Immutable.
 *
 * <ul>
 *   <li>{@code (requestsPerClient + warmupPerClient) × c} requests; the first {@code warmupPerClient × c} to complete
 *       are left out of the metrics (default 0: the drained warm-up phase leaves an idle server, as at t = 0);</li>
 *   <li>prompt and answer lengths spread normally with a standard deviation of {@code lengthStddevFraction} of
 *       {@code isl}/{@code osl}, seeded by {@code seed}, so that requests started together do not stay in lock-step
 *       for the whole run, as exactly equal lengths in a deterministic replay would;</li>
 *   <li>the c clients start one after the other over {@code rampUpDecodeTimes} × one request's estimated decode time
 *       ({@code osl} passes of a decode batch of c); default 0: all clients start at once, as in aiperf;</li>
 *   <li>one aggregated vLLM worker of {@code tp} GPUs with vLLM's block size ({@code blockSize}) and servesim's
 *       other engine defaults; the row's statistic is compared with the mean TTFT and mean TPOT.</li>
 * </ul>
 *
 * @param requestsPerClient    measured requests per client
 * @param warmupPerClient      warm-up requests per client
 * @param lengthStddevFraction standard deviation of prompt and answer lengths as a fraction of the mean
 * @param rampUpDecodeTimes    client start window in units of one request's estimated decode time
 * @param blockSize            KV block size in tokens
 * @param seed                 seed of the length draws
 */
public record FidelityMethod(int requestsPerClient, int warmupPerClient, double lengthStddevFraction,
                             double rampUpDecodeTimes, int blockSize, long seed) {
    public FidelityMethod {
        if (requestsPerClient < 1 || warmupPerClient < 0 || blockSize < 1) {
            throw new IllegalArgumentException("fidelity method: requestsPerClient (" + requestsPerClient
                    + ") and blockSize (" + blockSize + ") should be >= 1, warmupPerClient (" + warmupPerClient
                    + ") >= 0");
        }
        if (!(rampUpDecodeTimes >= 0) || Double.isInfinite(rampUpDecodeTimes)) {
            throw new IllegalArgumentException("fidelity method: rampUpDecodeTimes (" + rampUpDecodeTimes
                    + ") should be >= 0");
        }
        if (!(lengthStddevFraction >= 0 && lengthStddevFraction < 1)) {
            throw new IllegalArgumentException("fidelity method: lengthStddevFraction (" + lengthStddevFraction
                    + ") should be in [0, 1)");
        }
    }

    /** Returns the documented default method. */
    public static FidelityMethod standard() {
        return new FidelityMethod(Defaults.FIDELITY_REQUESTS_PER_CLIENT, Defaults.FIDELITY_WARMUP_PER_CLIENT,
                Defaults.FIDELITY_LENGTH_STDDEV_FRACTION, Defaults.FIDELITY_RAMP_UP_DECODE_TIMES,
                Defaults.FIDELITY_BLOCK_SIZE, Defaults.FIDELITY_SEED);
    }

    /** Returns a copy with {@code n} measured requests per client (quicker, noisier replays). */
    public FidelityMethod withRequestsPerClient(int n) {
        return new FidelityMethod(n, warmupPerClient, lengthStddevFraction, rampUpDecodeTimes, blockSize, seed);
    }
}
