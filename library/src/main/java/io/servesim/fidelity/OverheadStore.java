package io.servesim.fidelity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.servesim.spec.Defaults;
import io.servesim.spec.EngineOverheads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes fitted engine overheads into the per-backend defaults file ({@link EngineOverheads#RESOURCE}) with their
 * provenance, keeping the other backends' entries. Stateless.
 */
public final class OverheadStore {
    /** The defaults file in a servesim source tree, relative to its root. */
    public static final String SOURCE_PATH = "library/src/main/resources/io/servesim/spec/" + EngineOverheads.RESOURCE;

    private OverheadStore() {
    }

    /** Stores {@code fit} as the defaults of the modelled backend in {@code file}. */
    public static void write(Path file, OverheadFit.Result fit, String dataset) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            ObjectNode root = Files.exists(file) ? (ObjectNode) json.readTree(file.toFile()) : json.createObjectNode();
            if (!root.has("about")) {
                root.put("about", "Default engine overheads per serving backend.");
            }
            ObjectNode backends = root.has("backends") ? (ObjectNode) root.get("backends") : root.putObject("backends");
            ObjectNode entry = backends.putObject(Defaults.BACKEND);
            entry.put("ttft_overhead_ms", fit.ttftOverheadMs());
            entry.put("step_overhead_ms", fit.stepOverheadMs());
            entry.put("source", String.format(Locale.ROOT, "no public figure; fitted by `servesim fidelity --fit`"
                    + " (least squares on relative TTFT and TPOT errors: Gauss-Newton, each step solved by commons-math3"
                    + " Levenberg-Marquardt) on %s, %d rows replayed with %d × c requests per row; MAPE with these"
                    + " values: TTFT %.1f%%, TPOT %.1f%%", dataset, fit.rows(), Defaults.FIDELITY_FIT_REQUESTS_PER_CLIENT,
                    fit.accuracy().mapeTtftPct(), fit.accuracy().mapeTpotPct()));
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, json.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file + " failed", e);
        }
    }
}
