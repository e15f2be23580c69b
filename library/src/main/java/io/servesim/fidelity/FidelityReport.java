package io.servesim.fidelity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of replaying a measured dataset: one outcome per row in file order, the accuracy overall and per
 * (system, model, precision) group, and how long the replays took. Immutable.
 *
 * @param dataset  where the rows came from
 * @param method   how they were replayed
 * @param outcomes one per row, in file order
 * @param wallMs   wall-clock time of the replays
 */
public record FidelityReport(String dataset, FidelityMethod method, List<RowOutcome> outcomes, double wallMs) {
    public FidelityReport {
        outcomes = List.copyOf(outcomes);
    }

    /** Returns the modelled rows. */
    public List<RowOutcome.Predicted> predicted() {
        List<RowOutcome.Predicted> out = new ArrayList<>();
        for (RowOutcome o : outcomes) {
            if (o instanceof RowOutcome.Predicted p) {
                out.add(p);
            }
        }
        return out;
    }

    /** Returns the number of rows that could not be modelled. */
    public int skipped() {
        return outcomes.size() - predicted().size();
    }

    /** Returns the accuracy over every modelled row. */
    public Accuracy overall() {
        return Accuracy.of(predicted());
    }

    /** Returns the accuracy per (system, model, precision) group that has modelled rows, in first-seen order. */
    public Map<String, Accuracy> groups() {
        Map<String, List<RowOutcome.Predicted>> byGroup = new LinkedHashMap<>();
        for (RowOutcome.Predicted p : predicted()) {
            byGroup.computeIfAbsent(p.row().group(), k -> new ArrayList<>()).add(p);
        }
        Map<String, Accuracy> out = new LinkedHashMap<>();
        byGroup.forEach((g, rows) -> out.put(g, Accuracy.of(rows)));
        return out;
    }
}
