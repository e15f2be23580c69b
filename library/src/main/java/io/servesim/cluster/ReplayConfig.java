package io.servesim.cluster;

import io.servesim.router.RouterPlan;
import io.servesim.spec.WorkerType;
import java.util.Objects;

/**
 * Everything one replay run needs besides the workload: the model and GPU SKU, the worker pools ({@link Aggregated}:
 * one pool doing prefill and decode; {@link Disaggregated}: a prefill pool and a decode pool) and the routers. Each
 * pool's engine args get the pool's worker type here (see {@link PoolConfig#as}). A plain immutable value with no live
 * simulator objects, so it can be shipped to another process. {@code recordRequests} keeps one {@code RequestRecord}
 * per request (timelines, CDFs); it is off in sweeps to save memory.
 */
public sealed interface ReplayConfig permits ReplayConfig.Aggregated, ReplayConfig.Disaggregated {
    /** Returns the model name. */
    String model();

    /** Returns the GPU SKU name. */
    String gpuSku();

    /** Returns the routers of the run. */
    RouterPlan router();

    /** Returns true when per-request records are kept. */
    boolean recordRequests();

    /** Returns a copy that keeps (or drops) per-request records. */
    ReplayConfig withRecordRequests(boolean keep);

    /** Returns the GPUs all pools use together. */
    int totalGpus();

    /** Returns an aggregated run. */
    static Aggregated aggregated(String model, String gpuSku, PoolConfig pool, RouterPlan router) {
        return new Aggregated(model, gpuSku, pool, router, false);
    }

    /** Returns a disaggregated run. */
    static Disaggregated disaggregated(String model, String gpuSku, PoolConfig prefill, PoolConfig decode,
                                       RouterPlan router) {
        return new Disaggregated(model, gpuSku, prefill, decode, router, false);
    }

    /** One pool of workers that each serve whole requests. */
    record Aggregated(String model, String gpuSku, PoolConfig pool, RouterPlan router, boolean recordRequests)
            implements ReplayConfig {
        public Aggregated {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(gpuSku, "gpuSku");
            Objects.requireNonNull(router, "router");
            pool = Objects.requireNonNull(pool, "pool").as(WorkerType.AGGREGATED);
        }

        @Override
        public Aggregated withRecordRequests(boolean keep) {
            return new Aggregated(model, gpuSku, pool, router, keep);
        }

        @Override
        public int totalGpus() {
            return pool.gpus();
        }
    }

    /** A prefill pool computing prompts and a decode pool, fed by KV handoffs, producing every visible token. */
    record Disaggregated(String model, String gpuSku, PoolConfig prefill, PoolConfig decode, RouterPlan router,
                         boolean recordRequests) implements ReplayConfig {
        public Disaggregated {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(gpuSku, "gpuSku");
            Objects.requireNonNull(router, "router");
            prefill = Objects.requireNonNull(prefill, "prefill").as(WorkerType.PREFILL);
            decode = Objects.requireNonNull(decode, "decode").as(WorkerType.DECODE);
        }

        @Override
        public Disaggregated withRecordRequests(boolean keep) {
            return new Disaggregated(model, gpuSku, prefill, decode, router, keep);
        }

        @Override
        public int totalGpus() {
            return prefill.gpus() + decode.gpus();
        }
    }
}
