package io.servesim.perf;

import io.servesim.spec.EngineArgs;
import java.util.Locale;

/**
 * KV-cache capacity of one worker, vLLM's way: per GPU, {@code HBM × gpu_memory_utilization − weights / TP −
 * activations(max_num_batched_tokens) − NCCL buffers − other}, divided by the KV bytes per token per rank and the
 * block size. Activations = max(70 MiB, 2 × max_num_batched_tokens × q width × c[TP]) with c = 11, 6.5, 5, 5 for TP
 * 1, 2, 4, 8; NCCL buffers 0 / 342 / 392 / 392 MiB; other 3.5 GiB (the public aiconfigurator memory model).
 * Weight and KV bytes follow the worker's {@link Precision} (FP8 weights: one byte per linear-layer weight; FP8 KV
 * cache: one byte per element).
 */
public record KvCapacity(ModelCard model, GpuSku sku, int tp, EngineArgs args) {
    static final long MIB = 1024L * 1024;
    static final long OTHER_BYTES = 3_758_096_384L;

    /** Returns the bytes left for KV cache on each GPU (negative when the weights do not fit). */
    public double kvBudgetBytes() {
        return sku.hbmBytes() * args.gpuMemoryUtilization() - weightBytesPerGpu() - activationBytes() - ncclBytes()
                - OTHER_BYTES;
    }

    /** Returns the precision the worker runs at. */
    public Precision precision() {
        return Precision.of(model, args);
    }

    /** Returns the weight bytes held by each GPU. */
    public double weightBytesPerGpu() {
        return (double) model.weightBytes(precision()) / tp;
    }

    /** Returns the KV-cache bytes per token held by each GPU. */
    public long kvBytesPerTokenPerRank() {
        return model.kvBytesPerTokenPerRank(tp, precision());
    }

    /** Returns the activation reserve per GPU. */
    public double activationBytes() {
        double coeff = tp == 1 ? 11 : tp == 2 ? 6.5 : 5;
        return Math.max(70.0 * MIB, 2.0 * args.maxNumBatchedTokens() * model.heads() * model.headDim() * coeff / tp);
    }

    /** Returns the NCCL buffer reserve per GPU. */
    public double ncclBytes() {
        return tp == 1 ? 0 : (tp == 2 ? 342 : 392) * MIB;
    }

    /** Returns the NCCL buffers and the other reserves per GPU. */
    public double ncclAndOtherBytes() {
        return ncclBytes() + OTHER_BYTES;
    }

    /** Returns true when the weights fit with room for at least one KV block. */
    public boolean fits() {
        return kvBudgetBytes() >= (double) kvBytesPerTokenPerRank() * args.blockSize();
    }

    /** Returns {@code num_gpu_blocks} (a pinned value in the engine args wins); fails with the numbers if nothing fits. */
    public int numGpuBlocks() {
        if (args.numGpuBlocks() != null) {
            return args.numGpuBlocks();
        }
        if (!fits()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s does not fit at TP %d on %s: %.1f GiB"
                            + " HBM × %.2f utilization leaves %.1f GiB after %.1f GiB weights, %.1f GiB activations and"
                            + " %.1f GiB other reserves; use a larger TP", model.id(), tp, sku.name(),
                    sku.hbmBytes() / (double) (1L << 30), args.gpuMemoryUtilization(),
                    kvBudgetBytes() / (1L << 30), weightBytesPerGpu() / (1L << 30), activationBytes() / (1L << 30),
                    ncclAndOtherBytes() / (1L << 30)));
        }
        return (int) Math.floor(kvBudgetBytes() / ((double) kvBytesPerTokenPerRank() * args.blockSize()));
    }
}
