package io.servesim.cluster;

import io.servesim.router.RouterPlan;
import java.util.Objects;

/**
 * Everything one replay run needs besides the workload: the model and GPU SKU, the worker pools (aggregated: one pool
 * doing prefill and decode; disaggregated: a prefill pool and a decode pool) and the router. A plain immutable value
 * with no live simulator objects, so it can be shipped to another process.
 *
 * @param aggregated     the single pool in aggregated mode, else null
 * @param prefill        the prefill pool in disaggregated mode, else null
 * @param decode         the decode pool in disaggregated mode, else null
 * @param recordRequests keep one {@code RequestRecord} per request (timelines, CDFs); off in sweeps to save memory
 */
public record ReplayConfig(String model, String gpuSku, PoolConfig aggregated, PoolConfig prefill, PoolConfig decode,
                           RouterPlan router, boolean recordRequests) {
    public ReplayConfig {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(gpuSku, "gpuSku");
        Objects.requireNonNull(router, "router");
        boolean disagg = prefill != null || decode != null;
        if (disagg && (prefill == null || decode == null || aggregated != null)) {
            throw new IllegalArgumentException("a disaggregated run needs a prefill and a decode pool and no aggregated pool");
        }
        if (!disagg && aggregated == null) {
            throw new IllegalArgumentException("a run needs an aggregated pool or prefill + decode pools");
        }
    }

    /** Returns an aggregated run. */
    public static ReplayConfig aggregated(String model, String gpuSku, PoolConfig pool, RouterPlan router) {
        return new ReplayConfig(model, gpuSku, pool, null, null, router, false);
    }

    /** Returns a disaggregated run. */
    public static ReplayConfig disaggregated(String model, String gpuSku, PoolConfig prefill, PoolConfig decode,
                                             RouterPlan router) {
        return new ReplayConfig(model, gpuSku, null, prefill, decode, router, false);
    }

    /** Returns a copy that keeps (or drops) per-request records. */
    public ReplayConfig withRecordRequests(boolean keep) {
        return new ReplayConfig(model, gpuSku, aggregated, prefill, decode, router, keep);
    }

    /** Returns true for prefill/decode disaggregation. */
    public boolean isDisaggregated() {
        return prefill != null;
    }

    /** Returns the GPUs all pools use together. */
    public int totalGpus() {
        return isDisaggregated() ? prefill.gpus() + decode.gpus() : aggregated.gpus();
    }
}
