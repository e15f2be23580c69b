package io.servesim.perf;

import io.servesim.spec.EngineArgs;
import io.servesim.spec.PerfModelKind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The performance model of one (model, GPU SKU) pair: step timers per TP, KV capacity per TP shape, KV bytes moved
 * per prompt token. Thread-safe; instances are cached by {@link #of(String, String)}.
 */
public final class PerfModel {
    private static final Map<String, PerfModel> CACHE = new ConcurrentHashMap<>();
    private static final List<Integer> TP_SHAPES = List.of(1, 2, 4, 8);

    private final String modelId;
    private final GpuSku sku;
    // interim Qwen3-32B figures (see perf-model notes); replaced by the ModelCard registry
    private final int layers = 64;
    private final int kvHeads = 8;
    private final int headDim = 128;
    private final double weightBytes = 32.76e9 * 2;

    private PerfModel(String modelId, GpuSku sku) {
        this.modelId = modelId;
        this.sku = sku;
    }

    /** Returns the model for {@code modelId} on {@code gpuSku}; unknown names give an error listing the known ones. */
    public static PerfModel of(String modelId, String gpuSku) {
        if (!"Qwen/Qwen3-32B".equals(modelId)) {
            throw new IllegalArgumentException("unknown model \"" + modelId + "\"; known: Qwen/Qwen3-32B");
        }
        if (!"h200_sxm".equals(gpuSku)) {
            throw new IllegalArgumentException("unknown GPU SKU \"" + gpuSku + "\"; known: h200_sxm");
        }
        return CACHE.computeIfAbsent(modelId + "@" + gpuSku, k -> new PerfModel(modelId,
                new GpuSku("h200_sxm", 151397597184L, 4.8e12, 989e12, 8, 450e9, 50e9)));
    }

    /** Returns the model id. */
    public String modelId() {
        return modelId;
    }

    /** Returns the GPU SKU. */
    public GpuSku sku() {
        return sku;
    }

    /** Returns the step timer for workers of {@code tp} GPUs with the given engine args' timing model. */
    public StepTimer stepTimer(int tp, EngineArgs args) {
        if (args.perfModel() == PerfModelKind.POLYNOMIAL) {
            return new PolynomialStepTimer(args.speedupRatio());
        }
        return new PolynomialStepTimer(args.speedupRatio());
    }

    /** Returns the KV bytes per token held on one TP rank. */
    public long kvBytesPerTokenPerRank(int tp) {
        int kvPerRank = (kvHeads + tp - 1) / tp;
        return 2L * kvPerRank * headDim * layers * 2;
    }

    /** Returns the KV bytes of one prompt token across all ranks (what a prefill→decode handoff moves). */
    public long kvBytesPerToken() {
        return 2L * kvHeads * headDim * layers * 2;
    }

    /** Returns true when the weights fit on {@code tp} GPUs with room for KV cache. */
    public boolean fits(int tp, EngineArgs args) {
        return kvBudgetBytes(tp, args) > 0;
    }

    /** Returns the TP shapes (1, 2, 4, 8) whose weights fit. */
    public List<Integer> tpCandidates(EngineArgs args) {
        return TP_SHAPES.stream().filter(tp -> fits(tp, args)).toList();
    }

    /** Returns {@code num_gpu_blocks} for a worker of {@code tp} GPUs (a pinned value in {@code args} wins). */
    public int numGpuBlocks(int tp, EngineArgs args) {
        if (args.numGpuBlocks() != null) {
            return args.numGpuBlocks();
        }
        double budget = kvBudgetBytes(tp, args);
        if (budget <= 0) {
            throw new IllegalArgumentException("model " + modelId + " does not fit at TP " + tp + " on " + sku.name());
        }
        return (int) Math.floor(budget / ((double) kvBytesPerTokenPerRank(tp) * args.blockSize()));
    }

    private double kvBudgetBytes(int tp, EngineArgs args) {
        double activations = Math.max(70 * 1024 * 1024, 2.0 * args.maxNumBatchedTokens() * 8192 * 5);
        return sku.hbmBytes() * args.gpuMemoryUtilization() - weightBytes / tp - activations - 3758096384L;
    }
}
