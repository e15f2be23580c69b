package io.servesim.perf;

import io.servesim.spec.Dtype;
import io.servesim.spec.EngineArgs;
import io.servesim.spec.KvCacheDtype;
import io.servesim.spec.Quantization;

/**
 * The precision a worker runs a model at, resolved from the model card and vLLM's engine args: FP8 linear-layer weights
 * ({@code quantization: fp8}, {@code dtype: fp8}, or an FP8 checkpoint) and an FP8 KV cache ({@code kv_cache_dtype:
 * fp8}). Activations, the LM head, embeddings and all-reduces stay 16-bit either way (as in vLLM).
 *
 * @param fp8Weights linear layers (qkv, o, gate/up, down) stored and multiplied in FP8
 * @param fp8KvCache KV cache stored in FP8
 */
public record Precision(boolean fp8Weights, boolean fp8KvCache) {
    /** 16-bit weights and KV cache. */
    public static final Precision BF16 = new Precision(false, false);

    /** Returns the precision of {@code model} served with {@code args}. */
    public static Precision of(ModelCard model, EngineArgs args) {
        boolean fp8 = model.fp8Checkpoint() || args.quantization() == Quantization.FP8 || args.dtype() == Dtype.FP8;
        return new Precision(fp8, args.kvCacheDtype() == KvCacheDtype.FP8);
    }

    /** Returns bytes per linear-layer weight for a model whose 16-bit type has {@code dtypeBytes} bytes. */
    public int weightBytes(int dtypeBytes) {
        return fp8Weights ? 1 : dtypeBytes;
    }

    /** Returns bytes per KV-cache element for a model whose 16-bit type has {@code dtypeBytes} bytes. */
    public int kvBytes(int dtypeBytes) {
        return fp8KvCache ? 1 : dtypeBytes;
    }

    /** Returns a short label: {@code bf16}, {@code fp8}, {@code bf16 + fp8 KV} or {@code fp8 + fp8 KV}. */
    public String label() {
        return (fp8Weights ? "fp8" : "bf16") + (fp8KvCache ? " + fp8 KV" : "");
    }
}
