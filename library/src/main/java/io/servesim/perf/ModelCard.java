package io.servesim.perf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A dense decoder model's shape, read from a Hugging-Face-style {@code config.json} (resources under
 * {@code io/servesim/perf/models/}, or a folder named by the system property {@code servesim.models}; see
 * {@link ModelCards} for names and aliases), and what follows from it: parameter count, weight bytes, KV bytes per
 * token (per TP rank) and FLOPs per token, at the checkpoint's precision or at a given {@link Precision}.
 *
 * @param dtypeBytes    bytes of the checkpoint's 16-bit (or 32-bit) type: activations, embeddings, LM head
 * @param fp8Checkpoint the linear-layer weights are stored in FP8 (a {@code quantization_config} saying FP8, or an
 *                      FP8 checkpoint name such as {@code nvidia/Llama-3.1-70B-Instruct-FP8})
 * @param maxContextTokens the model's context length, prompt + answer tokens ({@code max_position_embeddings};
 *                      {@link Integer#MAX_VALUE} when the config does not say)
 */
public record ModelCard(String id, int hiddenSize, int layers, int heads, int kvHeads, int headDim,
                        int intermediateSize, int vocabSize, boolean tiedEmbeddings, int dtypeBytes,
                        boolean fp8Checkpoint, int maxContextTokens) {
    /** Models shipped with servesim (more names resolve through {@link ModelCards#ALIASES} and FP8 suffixes). */
    public static final List<String> KNOWN = List.of("Qwen/Qwen3-32B", "Qwen/Qwen3-14B", "Qwen/Qwen3-8B",
            "meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Llama-3.1-70B-Instruct", "meta-llama/Llama-3.1-70B",
            "meta-llama/Llama-3.1-8B");

    /** A card of a 16-bit checkpoint whose context length is not known. */
    public ModelCard(String id, int hiddenSize, int layers, int heads, int kvHeads, int headDim, int intermediateSize,
                     int vocabSize, boolean tiedEmbeddings, int dtypeBytes) {
        this(id, hiddenSize, layers, heads, kvHeads, headDim, intermediateSize, vocabSize, tiedEmbeddings, dtypeBytes,
                false, Integer.MAX_VALUE);
    }

    /**
     * Returns the card of {@code modelId}: a shipped or user-supplied config, an alias (Instruct and {@code Meta-}
     * names, FP8 checkpoint names); unknown ids give an error listing the known ones and how to add one.
     */
    public static ModelCard of(String modelId) {
        return ModelCards.resolve(modelId);
    }

    static ModelCard parse(String id, JsonNode c, boolean fp8ByName) {
        int hidden = c.path("hidden_size").asInt();
        int heads = c.path("num_attention_heads").asInt();
        String dtype = c.path("torch_dtype").asText("bfloat16");
        JsonNode q = c.path("quantization_config");
        boolean fp8 = fp8ByName || "fp8".equalsIgnoreCase(q.path("quant_method").asText())
                || "fp8".equalsIgnoreCase(q.path("quant_algo").asText());
        return new ModelCard(id, hidden, c.path("num_hidden_layers").asInt(), heads,
                c.path("num_key_value_heads").asInt(heads), c.path("head_dim").asInt(hidden / Math.max(heads, 1)),
                c.path("intermediate_size").asInt(), c.path("vocab_size").asInt(),
                c.path("tie_word_embeddings").asBoolean(false), dtype.contains("float32") ? 4 : 2, fp8,
                c.path("max_position_embeddings").asInt(Integer.MAX_VALUE));
    }

    public ModelCard {
        if (hiddenSize <= 0 || layers <= 0 || heads <= 0 || kvHeads <= 0 || headDim <= 0 || intermediateSize <= 0
                || vocabSize <= 0) {
            throw new IllegalArgumentException("model config of " + id + " lacks a positive hidden_size,"
                    + " num_hidden_layers, num_attention_heads, num_key_value_heads, head_dim, intermediate_size"
                    + " or vocab_size");
        }
        if (maxContextTokens < 2) {
            throw new IllegalArgumentException("model config of " + id + ": max_position_embeddings ("
                    + maxContextTokens + ") should be >= 2");
        }
    }

    /** Returns this card under another id, as an FP8 checkpoint when {@code fp8}. */
    ModelCard named(String newId, boolean fp8) {
        return new ModelCard(newId, hiddenSize, layers, heads, kvHeads, headDim, intermediateSize, vocabSize,
                tiedEmbeddings, dtypeBytes, fp8Checkpoint || fp8, maxContextTokens);
    }

    /** Returns the precision of the checkpoint as stored (FP8 weights for an FP8 checkpoint, 16-bit KV cache). */
    public Precision checkpointPrecision() {
        return new Precision(fp8Checkpoint, false);
    }

    /** Returns the parameters of one transformer layer's linear layers (q, k, v, o, gate, up, down). */
    public long linearParamsPerLayer() {
        long q = (long) hiddenSize * heads * headDim;
        long kv = 2L * hiddenSize * kvHeads * headDim;
        long o = (long) heads * headDim * hiddenSize;
        long mlp = 3L * hiddenSize * intermediateSize;
        return q + kv + o + mlp;
    }

    /** Returns the embedding and LM head parameters (one matrix when tied). */
    public long embeddingParams() {
        return (tiedEmbeddings ? 1L : 2L) * vocabSize * hiddenSize;
    }

    /** Returns all parameters (layers + embeddings + LM head). */
    public long parameters() {
        return layers * linearParamsPerLayer() + embeddingParams();
    }

    /** Returns the weight bytes of the whole model as stored in the checkpoint. */
    public long weightBytes() {
        return weightBytes(checkpointPrecision());
    }

    /** Returns the weight bytes of the whole model at precision {@code p} (embeddings and LM head stay 16-bit). */
    public long weightBytes(Precision p) {
        return layers * linearParamsPerLayer() * p.weightBytes(dtypeBytes) + embeddingParams() * dtypeBytes;
    }

    /** Returns KV heads held per GPU at TP {@code tp} (replicated when TP exceeds the KV heads). */
    public int kvHeadsPerRank(int tp) {
        return (kvHeads + tp - 1) / tp;
    }

    /** Returns KV-cache bytes per token on one TP rank with a 16-bit KV cache. */
    public long kvBytesPerTokenPerRank(int tp) {
        return kvBytesPerTokenPerRank(tp, Precision.BF16);
    }

    /** Returns KV-cache bytes per token on one TP rank at precision {@code p}. */
    public long kvBytesPerTokenPerRank(int tp, Precision p) {
        return 2L * kvHeadsPerRank(tp) * headDim * layers * p.kvBytes(dtypeBytes);
    }

    /** Returns KV-cache bytes per token of the whole model with a 16-bit KV cache (what a handoff moves). */
    public long kvBytesPerToken() {
        return kvBytesPerToken(Precision.BF16);
    }

    /** Returns KV-cache bytes per token of the whole model at precision {@code p}. */
    public long kvBytesPerToken(Precision p) {
        return 2L * kvHeads * headDim * layers * p.kvBytes(dtypeBytes);
    }

    /** Returns the FLOPs of the linear layers and LM head per token (2 × parameters, attention excluded). */
    public double flopsPerToken() {
        return 2.0 * (layers * linearParamsPerLayer() + (long) vocabSize * hiddenSize);
    }
}
