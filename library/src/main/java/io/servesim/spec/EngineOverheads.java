package io.servesim.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A serving backend's default engine overheads and where they come from: the per-request time before the engine
 * sees a request ({@code ttft_overhead_ms}) and the host time of every engine pass ({@code step_overhead_ms}). The
 * values live in the resource {@value #RESOURCE}, keyed by backend, each with its source (for vLLM: fitted by
 * {@code servesim fidelity --fit} on the shipped measured dataset, no public figure existing). Immutable.
 *
 * @param backend        the backend name, e.g. {@code vllm}
 * @param ttftOverheadMs ms added to every request's first-token time
 * @param stepOverheadMs ms added to every engine pass
 * @param source         where the two values come from
 */
public record EngineOverheads(String backend, double ttftOverheadMs, double stepOverheadMs, String source) {
    /** The class-path resource (next to this class) holding the per-backend values. */
    public static final String RESOURCE = "engine-overheads.json";
    private static final Map<String, EngineOverheads> ALL = load();

    public EngineOverheads {
        if (!(ttftOverheadMs >= 0 && stepOverheadMs >= 0) || Double.isInfinite(ttftOverheadMs + stepOverheadMs)) {
            throw new IllegalArgumentException(RESOURCE + ": overheads of " + backend + " (" + ttftOverheadMs + ", "
                    + stepOverheadMs + ") should be finite and >= 0");
        }
    }

    /** Returns the defaults of {@code backend}; a backend without an entry has no overheads (0, 0). */
    public static EngineOverheads forBackend(String backend) {
        EngineOverheads o = ALL.get(backend);
        return o != null ? o : new EngineOverheads(backend, 0, 0, "no entry in " + RESOURCE);
    }

    /** Returns every backend's entry, in file order. */
    public static Map<String, EngineOverheads> all() {
        return ALL;
    }

    private static Map<String, EngineOverheads> load() {
        try (InputStream in = EngineOverheads.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the servesim jar");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, EngineOverheads> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("backends").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                out.put(e.getKey(), new EngineOverheads(e.getKey(), v.path("ttft_overhead_ms").asDouble(0),
                        v.path("step_overhead_ms").asDouble(0), v.path("source").asText("")));
            }
            return java.util.Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE + " failed", e);
        }
    }
}
