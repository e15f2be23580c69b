package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.util.List;

/**
 * Settings of one vLLM-like worker, with vLLM's snake_case keys in JSON/YAML. Immutable; create with
 * {@link #builder()} (defaults in {@link Defaults}). {@code numGpuBlocks} and {@code tensorParallelSize} are optional
 * pins: when absent the KV capacity is estimated per TP shape and the sweep chooses the TP;
 * {@code tensorParallelSizes} (e.g. {@code [1, 2, 4]}) restricts the TP shapes the sweep tries instead of pinning one.
 * Pass times are divided by {@code speedupRatio}; the decode part of a pass also by {@code decodeSpeedupRatio}.
 * {@code ttft_overhead_ms} and {@code step_overhead_ms} are optional too: when absent the backend's defaults
 * ({@link EngineOverheads}) apply. {@code dtype}, {@code quantization} and {@code kv_cache_dtype} (absent =
 * {@code auto}: as the checkpoint says) set the precision of weights and KV cache with vLLM's names and meanings.
 */
@JsonDeserialize(builder = EngineArgs.Builder.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EngineArgs(
        @JsonProperty("block_size") int blockSize,
        @JsonProperty("enable_prefix_caching") boolean enablePrefixCaching,
        @JsonProperty("num_gpu_blocks") Integer numGpuBlocks,
        @JsonProperty("max_num_seqs") int maxNumSeqs,
        @JsonProperty("max_num_batched_tokens") int maxNumBatchedTokens,
        @JsonProperty("enable_chunked_prefill") boolean enableChunkedPrefill,
        @JsonProperty("gpu_memory_utilization") double gpuMemoryUtilization,
        @JsonProperty("worker_type") WorkerType workerType,
        @JsonProperty("tensor_parallel_size") Integer tensorParallelSize,
        @JsonProperty("perf_model") PerfModelKind perfModel,
        @JsonProperty("speedup_ratio") double speedupRatio,
        @JsonProperty("kv_transfer_bandwidth_gbps") Double kvTransferBandwidthGbps,
        @JsonProperty("ttft_overhead_ms") Double ttftOverheadMs,
        @JsonProperty("step_overhead_ms") Double stepOverheadMs,
        @JsonProperty("dtype") Dtype dtype,
        @JsonProperty("quantization") Quantization quantization,
        @JsonProperty("kv_cache_dtype") KvCacheDtype kvCacheDtype,
        @JsonProperty("tensor_parallel_sizes") List<Integer> tensorParallelSizes,
        @JsonProperty("decode_speedup_ratio") double decodeSpeedupRatio) {

    static final String SECTION = "engineArgs";

    public EngineArgs {
        Checks.positive(SECTION, "block_size", blockSize);
        if (numGpuBlocks != null) {
            Checks.positive(SECTION, "num_gpu_blocks", numGpuBlocks);
        }
        Checks.positive(SECTION, "max_num_seqs", maxNumSeqs);
        Checks.positive(SECTION, "max_num_batched_tokens", maxNumBatchedTokens);
        if (!(gpuMemoryUtilization > 0 && gpuMemoryUtilization <= 1)) {
            throw SpecException.of(SECTION, "gpu_memory_utilization", gpuMemoryUtilization, "allowed: a fraction in (0, 1]");
        }
        if (tensorParallelSize != null) {
            Checks.tpShape(SECTION, "tensor_parallel_size", tensorParallelSize);
        }
        if (tensorParallelSizes != null) {
            if (tensorParallelSizes.isEmpty()) {
                throw SpecException.of(SECTION, "tensor_parallel_sizes", "[]",
                        "allowed: a non-empty list of powers of two (1, 2, 4, 8)");
            }
            for (int i = 0; i < tensorParallelSizes.size(); i++) {
                Checks.tpShape(SECTION, "tensor_parallel_sizes[" + i + "]", tensorParallelSizes.get(i));
            }
            if (tensorParallelSize != null) {
                throw SpecException.because(SECTION, "tensor_parallel_sizes", "is set together with "
                        + "tensor_parallel_size; pin one TP or list the TPs to try, not both");
            }
            tensorParallelSizes = List.copyOf(new java.util.TreeSet<>(tensorParallelSizes));
        }
        Checks.positiveFinite(SECTION, "decode_speedup_ratio", decodeSpeedupRatio);
        Checks.required(SECTION, "perf_model", perfModel);
        Checks.positiveFinite(SECTION, "speedup_ratio", speedupRatio);
        Checks.between(SECTION, "speedup_ratio", speedupRatio, 1 / Limits.MAX_ENGINE_SPEEDUP, Limits.MAX_ENGINE_SPEEDUP);
        Checks.atMost(SECTION, "block_size", blockSize, Limits.MAX_TOKENS, "tokens");
        Checks.atMost(SECTION, "max_num_batched_tokens", maxNumBatchedTokens, Limits.MAX_TOKENS, "tokens");
        Checks.atMost(SECTION, "max_num_seqs", maxNumSeqs, Limits.MAX_CONCURRENCY, "sequences");
        if (kvTransferBandwidthGbps != null) {
            Checks.positiveFinite(SECTION, "kv_transfer_bandwidth_gbps", kvTransferBandwidthGbps);
        }
        if (ttftOverheadMs != null) {
            Checks.nonNegativeFinite(SECTION, "ttft_overhead_ms", ttftOverheadMs);
        }
        if (stepOverheadMs != null) {
            Checks.nonNegativeFinite(SECTION, "step_overhead_ms", stepOverheadMs);
        }
        if (!enableChunkedPrefill && maxNumBatchedTokens < blockSize) {
            throw SpecException.because(SECTION, "max_num_batched_tokens", "is " + maxNumBatchedTokens
                    + "; without chunked prefill it must hold at least one block (block_size " + blockSize + ")");
        }
    }

    /**
     * Returns the time between a request being sent and reaching the engine's queue (request handling,
     * tokenisation, input processing), ms: {@code ttft_overhead_ms}, or the backend's default when unset. It adds to
     * every request's TTFT and end-to-end latency, not to any GPU pass.
     */
    public double ttftOverhead() {
        return ttftOverheadMs != null ? ttftOverheadMs : EngineOverheads.forBackend(Defaults.BACKEND).ttftOverheadMs();
    }

    /**
     * Returns the host time added to every engine pass (scheduling, input preparation, sampling and output
     * processing not hidden behind the GPU), ms: {@code step_overhead_ms}, or the backend's default when unset.
     */
    public double stepOverhead() {
        return stepOverheadMs != null ? stepOverheadMs : EngineOverheads.forBackend(Defaults.BACKEND).stepOverheadMs();
    }

    /** Returns a builder pre-loaded with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the defaults. */
    public static EngineArgs defaults() {
        return builder().build();
    }

    /** Returns a builder holding this record's values. */
    public Builder toBuilder() {
        return new Builder().blockSize(blockSize).enablePrefixCaching(enablePrefixCaching).numGpuBlocks(numGpuBlocks)
                .maxNumSeqs(maxNumSeqs).maxNumBatchedTokens(maxNumBatchedTokens)
                .enableChunkedPrefill(enableChunkedPrefill).gpuMemoryUtilization(gpuMemoryUtilization)
                .workerType(workerType).tensorParallelSize(tensorParallelSize).perfModel(perfModel)
                .speedupRatio(speedupRatio).kvTransferBandwidthGbps(kvTransferBandwidthGbps)
                .ttftOverheadMs(ttftOverheadMs).stepOverheadMs(stepOverheadMs).dtype(dtype)
                .quantization(quantization).kvCacheDtype(kvCacheDtype)
                .tensorParallelSizes(tensorParallelSizes).decodeSpeedupRatio(decodeSpeedupRatio);
    }

    /** Returns a copy with another worker type. */
    public EngineArgs withWorkerType(WorkerType type) {
        return toBuilder().workerType(type).build();
    }

    /** Returns a copy with prefix caching switched on or off. */
    public EngineArgs withEnablePrefixCaching(boolean enabled) {
        return toBuilder().enablePrefixCaching(enabled).build();
    }

    /** Fluent builder for {@link EngineArgs}; also the JSON/YAML reader's entry point. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private int blockSize = Defaults.BLOCK_SIZE;
        private boolean enablePrefixCaching = Defaults.ENABLE_PREFIX_CACHING;
        private Integer numGpuBlocks;
        private int maxNumSeqs = Defaults.MAX_NUM_SEQS;
        private int maxNumBatchedTokens = Defaults.MAX_NUM_BATCHED_TOKENS;
        private boolean enableChunkedPrefill = Defaults.ENABLE_CHUNKED_PREFILL;
        private double gpuMemoryUtilization = Defaults.GPU_MEMORY_UTILIZATION;
        private WorkerType workerType;
        private Integer tensorParallelSize;
        private PerfModelKind perfModel = Defaults.PERF_MODEL;
        private double speedupRatio = Defaults.SPEEDUP_RATIO;
        private Double kvTransferBandwidthGbps;
        private Double ttftOverheadMs;
        private Double stepOverheadMs;
        private Dtype dtype;
        private Quantization quantization;
        private KvCacheDtype kvCacheDtype;
        private List<Integer> tensorParallelSizes;
        private double decodeSpeedupRatio = Defaults.DECODE_SPEEDUP_RATIO;

        private Builder() {
        }

        @JsonProperty("block_size")
        public Builder blockSize(int v) { blockSize = v; return this; }

        @JsonProperty("enable_prefix_caching")
        public Builder enablePrefixCaching(boolean v) { enablePrefixCaching = v; return this; }

        @JsonProperty("num_gpu_blocks")
        public Builder numGpuBlocks(Integer v) { numGpuBlocks = v; return this; }

        @JsonProperty("max_num_seqs")
        public Builder maxNumSeqs(int v) { maxNumSeqs = v; return this; }

        @JsonProperty("max_num_batched_tokens")
        public Builder maxNumBatchedTokens(int v) { maxNumBatchedTokens = v; return this; }

        @JsonProperty("enable_chunked_prefill")
        public Builder enableChunkedPrefill(boolean v) { enableChunkedPrefill = v; return this; }

        @JsonProperty("gpu_memory_utilization")
        public Builder gpuMemoryUtilization(double v) { gpuMemoryUtilization = v; return this; }

        @JsonProperty("worker_type")
        public Builder workerType(WorkerType v) { workerType = v; return this; }

        @JsonProperty("tensor_parallel_size")
        public Builder tensorParallelSize(Integer v) { tensorParallelSize = v; return this; }

        @JsonProperty("perf_model")
        public Builder perfModel(PerfModelKind v) { perfModel = v; return this; }

        @JsonProperty("speedup_ratio")
        public Builder speedupRatio(double v) { speedupRatio = v; return this; }

        @JsonProperty("kv_transfer_bandwidth_gbps")
        public Builder kvTransferBandwidthGbps(Double v) { kvTransferBandwidthGbps = v; return this; }

        /** Sets the per-request time before the engine sees a request, ms (null = the backend's default). */
        @JsonProperty("ttft_overhead_ms")
        public Builder ttftOverheadMs(Double v) { ttftOverheadMs = v; return this; }

        /** Sets the host time added to every engine pass, ms (null = the backend's default). */
        @JsonProperty("step_overhead_ms")
        public Builder stepOverheadMs(Double v) { stepOverheadMs = v; return this; }

        @JsonProperty("tensor_parallel_sizes")
        public Builder tensorParallelSizes(List<Integer> v) { tensorParallelSizes = v; return this; }

        @JsonProperty("decode_speedup_ratio")
        public Builder decodeSpeedupRatio(double v) { decodeSpeedupRatio = v; return this; }

        /** Sets vLLM's {@code dtype} (null = auto: the checkpoint's). */
        @JsonProperty("dtype")
        public Builder dtype(Dtype v) { dtype = v; return this; }

        /** Sets vLLM's {@code quantization} (null = as the checkpoint). */
        @JsonProperty("quantization")
        public Builder quantization(Quantization v) { quantization = v; return this; }

        /** Sets vLLM's {@code kv_cache_dtype} (null = auto: the model's 16-bit type). */
        @JsonProperty("kv_cache_dtype")
        public Builder kvCacheDtype(KvCacheDtype v) { kvCacheDtype = v; return this; }

        /** Returns the validated record. */
        public EngineArgs build() {
            return new EngineArgs(blockSize, enablePrefixCaching, numGpuBlocks, maxNumSeqs, maxNumBatchedTokens,
                    enableChunkedPrefill, gpuMemoryUtilization, workerType, tensorParallelSize, perfModel,
                    speedupRatio, kvTransferBandwidthGbps, ttftOverheadMs, stepOverheadMs, dtype, quantization,
                    kvCacheDtype, tensorParallelSizes, decodeSpeedupRatio);
        }
    }
}
