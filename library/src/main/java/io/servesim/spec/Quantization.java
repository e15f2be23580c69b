package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * vLLM's {@code quantization}: how the linear-layer weights are quantized. Absent = as the checkpoint says (an FP8
 * checkpoint is FP8, anything else is unquantized). {@code fp8}: per-tensor FP8 (E4M3) weights with dynamically
 * quantized activations, vLLM's FP8 path for a BF16 checkpoint and for per-tensor FP8 checkpoints; the LM head and
 * embeddings stay 16-bit.
 */
public enum Quantization implements SpecName {
    FP8;

    /** Parses a spec name such as {@code fp8}. */
    @JsonCreator
    public static Quantization named(String name) {
        return SpecNames.parse(values(), name, EngineArgs.SECTION, "quantization");
    }
}
