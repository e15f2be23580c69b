package io.servesim.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a model name finds its {@link ModelCard}: (1) a config file named after it ({@code org--name.json}) in the
 * {@code servesim.models} folder or among the shipped cards; (2) an alias in {@link #ALIASES}; (3) an FP8 checkpoint
 * name ({@code …-FP8}, {@code …-FP8-dynamic}, {@code …_fp8}) resolves its base name and marks the card FP8; (4) the
 * same name under another organisation or with the {@code Meta-} prefix of older Llama names
 * ({@code neuralmagic/Meta-Llama-3.1-8B-Instruct} → {@code meta-llama/Llama-3.1-8B-Instruct}). The card keeps the name
 * it was asked for.
 */
public final class ModelCards {
    /** Alternative names of shipped models (more resolve by rules 3 and 4). */
    public static final Map<String, String> ALIASES;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FP8_NAME = Pattern.compile("(?i)^(.+?)[-_.]fp8(?:[-_.].*)?$");

    static {
        Map<String, String> aliases = new LinkedHashMap<>();
        aliases.put("meta-llama/Meta-Llama-3.1-70B", "meta-llama/Llama-3.1-70B");
        aliases.put("meta-llama/Meta-Llama-3.1-8B", "meta-llama/Llama-3.1-8B");
        aliases.put("meta-llama/Meta-Llama-3.1-70B-Instruct", "meta-llama/Llama-3.1-70B-Instruct");
        aliases.put("meta-llama/Meta-Llama-3.1-8B-Instruct", "meta-llama/Llama-3.1-8B-Instruct");
        aliases.put("nvidia/Llama-3.1-70B-Instruct-FP8", "meta-llama/Llama-3.1-70B-Instruct");
        aliases.put("nvidia/Llama-3.1-8B-Instruct-FP8", "meta-llama/Llama-3.1-8B-Instruct");
        aliases.put("RedHatAI/Meta-Llama-3.1-70B-Instruct-FP8", "meta-llama/Llama-3.1-70B-Instruct");
        aliases.put("RedHatAI/Meta-Llama-3.1-8B-Instruct-FP8", "meta-llama/Llama-3.1-8B-Instruct");
        aliases.put("Qwen/Qwen3-32B-FP8", "Qwen/Qwen3-32B");
        ALIASES = java.util.Collections.unmodifiableMap(aliases);
    }

    private ModelCards() {
    }

    static ModelCard resolve(String modelId) {
        return find(modelId).orElseThrow(() -> new IllegalArgumentException("engine.model is \"" + modelId
                + "\"; known models: " + String.join(", ", ModelCard.KNOWN) + " (also Instruct, Meta-Llama and -FP8"
                + " checkpoint names of these; to add one, put its config.json as " + fileOf(modelId)
                + " in a folder and run with -Dservesim.models=FOLDER)"));
    }

    /**
     * Returns the context length of {@code modelId}, or {@link Integer#MAX_VALUE} when the model is unknown (an
     * unknown model is reported where its card is needed, not here).
     */
    public static int maxContextTokens(String modelId) {
        return modelId == null ? Integer.MAX_VALUE
                : find(modelId).map(ModelCard::maxContextTokens).orElse(Integer.MAX_VALUE);
    }

    private static Optional<ModelCard> find(String id) {
        Optional<ModelCard> direct = load(id);
        if (direct.isPresent()) {
            return direct;
        }
        for (var e : ALIASES.entrySet()) {
            if (e.getKey().equalsIgnoreCase(id)) {
                return load(e.getValue()).map(c -> c.named(id, isFp8Name(id)));
            }
        }
        Matcher fp8 = FP8_NAME.matcher(id);
        if (fp8.matches()) {
            return find(fp8.group(1)).map(c -> c.named(id, true));
        }
        String segment = bareName(id);
        for (String known : ModelCard.KNOWN) {
            if (bareName(known).equals(segment) && !known.equalsIgnoreCase(id)) {
                return load(known).map(c -> c.named(id, false));
            }
        }
        return Optional.empty();
    }

    private static boolean isFp8Name(String id) {
        return FP8_NAME.matcher(id).matches();
    }

    /** The part after the organisation, lower case, without the {@code Meta-} prefix of older Llama names. */
    private static String bareName(String id) {
        String s = id.substring(id.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return s.startsWith("meta-llama-") ? s.substring("meta-".length()) : s;
    }

    private static String fileOf(String modelId) {
        return modelId.replace("/", "--") + ".json";
    }

    private static Optional<ModelCard> load(String modelId) {
        String file = fileOf(modelId);
        String dir = System.getProperty("servesim.models");
        try {
            if (dir != null && Files.exists(Path.of(dir, file))) {
                return Optional.of(ModelCard.parse(modelId, JSON.readTree(Path.of(dir, file).toFile()), false));
            }
            try (InputStream in = ModelCard.class.getResourceAsStream("models/" + file)) {
                return in == null ? Optional.empty() : Optional.of(ModelCard.parse(modelId, JSON.readTree(in), false));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the config of " + modelId + " failed", e);
        }
    }

    /** Returns the parsed config of a shipped card, or null when none is shipped under that name. */
    static JsonNode shippedConfigOrNull(String modelId) {
        try {
            return shippedConfig(modelId);
        } catch (IOException e) {
            return null;
        }
    }

    /** Returns the parsed config of a shipped card, for checks. */
    static JsonNode shippedConfig(String modelId) throws IOException {
        try (InputStream in = ModelCard.class.getResourceAsStream("models/" + fileOf(modelId))) {
            if (in == null) {
                throw new IOException("no shipped card " + fileOf(modelId));
            }
            return JSON.readTree(in);
        }
    }
}
