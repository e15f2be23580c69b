package io.servesim.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A dense decoder model's shape, read from a Hugging-Face-style {@code config.json} (resources under
 * {@code io/servesim/perf/models/}, or a folder named by the system property {@code servesim.models}), and what
 * follows from it: parameter count, weight bytes, KV bytes per token (per TP rank) and FLOPs per token.
 */
public record ModelCard(String id, int hiddenSize, int layers, int heads, int kvHeads, int headDim,
                        int intermediateSize, int vocabSize, boolean tiedEmbeddings, int dtypeBytes) {
    /** Models shipped with servesim. */
    public static final List<String> KNOWN = List.of("Qwen/Qwen3-32B", "Qwen/Qwen3-14B", "Qwen/Qwen3-8B",
            "meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Llama-3.1-70B-Instruct");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Returns the card of {@code modelId}; unknown ids give an error listing the known ones and how to add one. */
    public static ModelCard of(String modelId) {
        String file = modelId.replace("/", "--") + ".json";
        String dir = System.getProperty("servesim.models");
        try {
            if (dir != null && Files.exists(Path.of(dir, file))) {
                return parse(modelId, JSON.readTree(Path.of(dir, file).toFile()));
            }
            try (InputStream in = ModelCard.class.getResourceAsStream("models/" + file)) {
                if (in == null) {
                    throw new IllegalArgumentException("engine.model is \"" + modelId + "\"; known models: "
                            + String.join(", ", KNOWN) + " (to add one, put its config.json as " + file
                            + " in a folder and run with -Dservesim.models=FOLDER)");
                }
                return parse(modelId, JSON.readTree(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the config of " + modelId + " failed", e);
        }
    }

    private static ModelCard parse(String id, JsonNode c) {
        int hidden = c.path("hidden_size").asInt();
        int heads = c.path("num_attention_heads").asInt();
        String dtype = c.path("torch_dtype").asText("bfloat16");
        return new ModelCard(id, hidden, c.path("num_hidden_layers").asInt(), heads,
                c.path("num_key_value_heads").asInt(heads), c.path("head_dim").asInt(hidden / Math.max(heads, 1)),
                c.path("intermediate_size").asInt(), c.path("vocab_size").asInt(),
                c.path("tie_word_embeddings").asBoolean(false), dtype.contains("float32") ? 4 : 2);
    }

    public ModelCard {
        if (hiddenSize <= 0 || layers <= 0 || heads <= 0 || kvHeads <= 0 || headDim <= 0 || intermediateSize <= 0
                || vocabSize <= 0) {
            throw new IllegalArgumentException("model config of " + id + " lacks a positive hidden_size,"
                    + " num_hidden_layers, num_attention_heads, num_key_value_heads, head_dim, intermediate_size"
                    + " or vocab_size");
        }
    }

    /** Returns the parameters of one transformer layer's linear layers (q, k, v, o, gate, up, down). */
    public long linearParamsPerLayer() {
        long q = (long) hiddenSize * heads * headDim;
        long kv = 2L * hiddenSize * kvHeads * headDim;
        long o = (long) heads * headDim * hiddenSize;
        long mlp = 3L * hiddenSize * intermediateSize;
        return q + kv + o + mlp;
    }

    /** Returns all parameters (layers + embeddings + LM head). */
    public long parameters() {
        return layers * linearParamsPerLayer() + (tiedEmbeddings ? 1L : 2L) * vocabSize * hiddenSize;
    }

    /** Returns the weight bytes of the whole model. */
    public long weightBytes() {
        return parameters() * dtypeBytes;
    }

    /** Returns KV heads held per GPU at TP {@code tp} (replicated when TP exceeds the KV heads). */
    public int kvHeadsPerRank(int tp) {
        return (kvHeads + tp - 1) / tp;
    }

    /** Returns KV-cache bytes per token on one TP rank. */
    public long kvBytesPerTokenPerRank(int tp) {
        return 2L * kvHeadsPerRank(tp) * headDim * layers * dtypeBytes;
    }

    /** Returns KV-cache bytes per token of the whole model (what a prefill→decode handoff moves). */
    public long kvBytesPerToken() {
        return 2L * kvHeads * headDim * layers * dtypeBytes;
    }

    /** Returns the FLOPs of the linear layers and LM head per token (2 × parameters, attention excluded). */
    public double flopsPerToken() {
        return 2.0 * (layers * linearParamsPerLayer() + (long) vocabSize * hiddenSize);
    }
}
