package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * vLLM's {@code dtype}: the data type of weights and activations. {@code auto} (the default) keeps the checkpoint's
 * ({@code torch_dtype}, FP8 for an FP8 checkpoint); {@code bfloat16} and {@code float16} are the 16-bit types (priced
 * with the same BF16 tables); {@code fp8} is servesim's shorthand for {@code quantization: fp8}.
 */
public enum Dtype implements SpecName {
    AUTO,
    BFLOAT16("bf16"),
    FLOAT16("half", "fp16"),
    FP8;

    private final List<String> aliases;

    Dtype(String... aliases) {
        this.aliases = List.of(aliases);
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    /** Parses a spec name such as {@code bfloat16} or {@code bf16}. */
    @JsonCreator
    public static Dtype named(String name) {
        return SpecNames.parse(values(), name, EngineArgs.SECTION, "dtype");
    }
}
