package io.servesim.cli;

import io.servesim.perf.PerfModel;
import io.servesim.spec.Defaults;
import io.servesim.spec.Dtype;
import io.servesim.spec.EngineArgs;
import io.servesim.spec.KvCacheDtype;
import io.servesim.spec.Limits;
import io.servesim.spec.Quantization;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The flags that name one worker for the performance model (model, GPU, TP, engine args), shared by
 * {@code servesim perf step}, {@code servesim perf capacity} and the notebook's {@code %perf} as a picocli mixin;
 * defaults are the spec's ({@link Defaults}), and values are checked by the spec's rules with the flag named.
 */
public final class PerfOptions {
    @Option(names = "--model", defaultValue = Defaults.Flag.MODEL,
            description = "Model name as in specs (default: ${DEFAULT-VALUE})") String model;
    @Option(names = "--gpu", defaultValue = Defaults.Flag.GPU_SKU, description = "GPU SKU (default: ${DEFAULT-VALUE})")
    String gpu;
    @Option(names = "--tp", defaultValue = "1",
            description = "GPUs per worker, a power of two: 1, 2, 4, 8, … (default: ${DEFAULT-VALUE})") int tp;
    @Option(names = "--block-size", defaultValue = Defaults.Flag.BLOCK_SIZE,
            description = "Tokens per KV block (default: ${DEFAULT-VALUE})") int blockSize;
    @Option(names = "--gpu-memory-utilization", defaultValue = Defaults.Flag.GPU_MEMORY_UTILIZATION,
            description = "Fraction of HBM the engine may use, in (0, 1] (default: ${DEFAULT-VALUE})") double util;
    @Option(names = "--max-num-batched-tokens", defaultValue = Defaults.Flag.MAX_NUM_BATCHED_TOKENS,
            description = "Token budget of one engine pass (default: ${DEFAULT-VALUE})") int maxBatched;
    @Option(names = "--dtype", paramLabel = "DTYPE", description = "auto (default: the checkpoint's), bfloat16,"
            + " float16, fp8") String dtype;
    @Option(names = "--quantization", paramLabel = "Q", description = "fp8 (default: as the checkpoint)")
    String quantization;
    @Option(names = "--kv-cache-dtype", paramLabel = "KV", description = "auto (default) or fp8") String kvCacheDtype;
    @Option(names = "--ttft-overhead-ms", description = "Per-request overhead, ms (default: the backend's)")
    Double ttftOverhead;
    @Option(names = "--step-overhead-ms", description = "Host time per pass, ms (default: the backend's)")
    Double stepOverhead;

    /** Returns the performance model of {@code --model} on {@code --gpu}; an unknown name lists the known ones. */
    public PerfModel perf() {
        return PerfModel.of(model, gpu);
    }

    /**
     * Returns {@code --tp}, checked by the spec's rule for tensor_parallel_size and against the model: tensor
     * parallelism splits the attention heads, so a worker has at most as many GPUs as the model has heads.
     */
    public int tp() {
        Flags.tp("--tp", tp);
        int heads = perf().model().heads();
        if (tp > heads) {
            throw new IllegalArgumentException("--tp is " + tp + "; allowed: at most the model's " + heads
                    + " attention heads");
        }
        return tp;
    }

    /** Returns the engine args the flags give, checked by the spec's rules; a bad value names its flag. */
    public EngineArgs args() {
        tp();
        Flags.positive("--block-size", blockSize, Limits.MAX_TOKENS);
        Flags.positive("--max-num-batched-tokens", maxBatched, Limits.MAX_TOKENS);
        return Flags.fromSpec(() -> EngineArgs.builder().blockSize(blockSize).gpuMemoryUtilization(util)
                .maxNumBatchedTokens(maxBatched).ttftOverheadMs(ttftOverhead).stepOverheadMs(stepOverhead)
                .dtype(dtype == null ? null : Dtype.named(dtype))
                .quantization(quantization == null ? null : Quantization.named(quantization))
                .kvCacheDtype(kvCacheDtype == null ? null : KvCacheDtype.named(kvCacheDtype))
                .build(), Map.of());
    }
}
