package io.servesim.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shipped model cards against the configs shipped with the measurements, value by value; names and aliases. */
class ModelCardsTest {
    /** Shipped card → the config aiconfigurator measured with (same architecture; Instruct shares the base's). */
    static final Map<String, String> REFERENCE = Map.of(
            "Qwen/Qwen3-32B", "Qwen--Qwen3-32B_config.json",
            "meta-llama/Llama-3.1-70B", "meta-llama--Meta-Llama-3.1-70B_config.json",
            "meta-llama/Llama-3.1-70B-Instruct", "meta-llama--Meta-Llama-3.1-70B_config.json",
            "meta-llama/Llama-3.1-8B", "meta-llama--Meta-Llama-3.1-8B_config.json",
            "meta-llama/Llama-3.1-8B-Instruct", "meta-llama--Meta-Llama-3.1-8B_config.json");
    static final String[] FIELDS = {"hidden_size", "num_hidden_layers", "num_attention_heads", "num_key_value_heads",
        "intermediate_size", "vocab_size", "tie_word_embeddings", "torch_dtype"};

    @Test
    void everyCardWithAMeasuredConfigMatchesItValueByValue() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (var e : REFERENCE.entrySet()) {
            JsonNode card = ModelCards.shippedConfig(e.getKey());
            for (String sku : TableBuilder.shippedSkus()) {
                JsonNode ref;
                try (InputStream in = MeasurementSource.shipped(sku).open(e.getValue())) {
                    ref = json.readTree(in);
                }
                for (String f : FIELDS) {
                    assertThat(card.path(f)).as("%s %s vs %s/%s", e.getKey(), f, sku, e.getValue()).isEqualTo(ref.path(f));
                }
                int headDim = ref.path("head_dim").asInt(ref.path("hidden_size").asInt() / ref.path("num_attention_heads").asInt());
                assertThat(card.path("head_dim").asInt()).as(e.getKey() + " head_dim").isEqualTo(headDim);
                assertThat(card.path("model_id").asText()).isEqualTo(e.getKey());
            }
            ModelCard parsed = ModelCard.of(e.getKey());
            assertThat(parsed.fp8Checkpoint()).isFalse();
            assertThat(parsed.dtypeBytes()).isEqualTo(2);
        }
    }

    /**
     * The Qwen3-14B and Qwen3-8B cards have no measured config shipped; their values are the public Hugging Face
     * configs (Qwen/Qwen3-14B: 40 layers, hidden 5120, 40 q / 8 kv heads, head_dim 128, intermediate 17408; Qwen3-8B:
     * 36 layers, hidden 4096, 32 q / 8 kv, head_dim 128, intermediate 12288; both vocab 151936, untied, bfloat16,
     * max_position_embeddings 40960).
     */
    @Test
    void theOtherCardsMatchTheirPublicConfigs() {
        assertThat(ModelCard.of("Qwen/Qwen3-14B"))
                .isEqualTo(new ModelCard("Qwen/Qwen3-14B", 5120, 40, 40, 8, 128, 17408, 151936, false, 2, false, 40960));
        assertThat(ModelCard.of("Qwen/Qwen3-8B"))
                .isEqualTo(new ModelCard("Qwen/Qwen3-8B", 4096, 36, 32, 8, 128, 12288, 151936, false, 2, false, 40960));
        for (String id : ModelCard.KNOWN) {
            assertThat(ModelCards.shippedConfigOrNull(id)).as(id).isNotNull();
        }
    }

    /** Context lengths from the public configs: Qwen3 40,960 tokens natively, Llama-3.1 131,072 (aliases keep it). */
    @Test
    void cardsCarryTheModelsContextLength() {
        assertThat(ModelCard.of("Qwen/Qwen3-32B").maxContextTokens()).isEqualTo(40960);
        assertThat(ModelCard.of("meta-llama/Llama-3.1-70B").maxContextTokens()).isEqualTo(131072);
        assertThat(ModelCard.of("nvidia/Llama-3.1-70B-Instruct-FP8").maxContextTokens()).isEqualTo(131072);
        assertThat(new ModelCard("acme/Dense-1B", 2048, 16, 16, 8, 128, 8192, 32000, false, 2).maxContextTokens())
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void instructMetaAndFp8NamesResolveToTheShippedCards() {
        ModelCard base = ModelCard.of("meta-llama/Llama-3.1-70B-Instruct");
        for (String alias : new String[] {"meta-llama/Meta-Llama-3.1-70B-Instruct", "nvidia/Llama-3.1-70B-Instruct-FP8",
            "RedHatAI/Meta-Llama-3.1-70B-Instruct-FP8", "neuralmagic/Meta-Llama-3.1-70B-Instruct-FP8-dynamic"}) {
            ModelCard c = ModelCard.of(alias);
            assertThat(c.id()).isEqualTo(alias);
            assertThat(c.named(base.id(), false)).as(alias).isEqualTo(base.named(base.id(), c.fp8Checkpoint()));
            assertThat(c.fp8Checkpoint()).as(alias).isEqualTo(alias.toLowerCase().contains("fp8"));
        }
        assertThat(ModelCard.of("nvidia/Llama-3.1-8B-Instruct-FP8").layers()).isEqualTo(32);
        assertThat(ModelCard.of("meta-llama/Meta-Llama-3.1-8B").fp8Checkpoint()).isFalse();
        assertThat(ModelCard.of("Qwen/Qwen3-32B-FP8").fp8Checkpoint()).isTrue();
        for (String alias : ModelCards.ALIASES.keySet()) {
            assertThat(ModelCard.of(alias).id()).isEqualTo(alias);
        }
        assertThatThrownBy(() -> ModelCard.of("acme/Llama-3.1-405B-FP8")).hasMessageContaining("acme/Llama-3.1-405B-FP8")
                .hasMessageContaining("known models");
    }
}
