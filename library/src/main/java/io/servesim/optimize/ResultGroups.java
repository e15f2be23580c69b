package io.servesim.optimize;

import io.servesim.metrics.Metric;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Groups a sweep's states whose runs gave identical results: same topology and every reported figure equal (wall
 * time aside). Different router knobs often route identically (for example most prefill load scales at overlap credit
 * 1 in disaggregated mode); the search still evaluates each, and the tables name the first visited state of each
 * group in a {@code same_as} column. Immutable.
 */
public final class ResultGroups {
    private final Map<DeploymentState, List<EvaluatedState>> groupOf = new HashMap<>();

    /** Groups {@code records}, which are in visit order (the first of a group is its representative). */
    public ResultGroups(List<EvaluatedState> records) {
        Map<Key, List<EvaluatedState>> groups = new LinkedHashMap<>();
        for (EvaluatedState e : records) {
            List<EvaluatedState> g = groups.computeIfAbsent(new Key(e), k -> new ArrayList<>());
            g.add(e);
            groupOf.put(e.state(), g);
        }
    }

    /** Returns the first visited state with the same results as {@code e}, or empty when {@code e} is that state. */
    public java.util.Optional<EvaluatedState> sameAs(EvaluatedState e) {
        List<EvaluatedState> g = groupOf.get(e.state());
        return g == null || g.get(0).state().equals(e.state()) ? java.util.Optional.empty()
                : java.util.Optional.of(g.get(0));
    }

    /** Returns every state with the same results as {@code e} (itself included), in visit order. */
    public List<EvaluatedState> group(EvaluatedState e) {
        return List.copyOf(groupOf.getOrDefault(e.state(), List.of(e)));
    }

    /** Returns the {@code same_as} cell of {@code e}: the router label of its group's first state, or "". */
    public String sameAsLabel(EvaluatedState e) {
        return sameAs(e).map(f -> f.state().router().label()).orElse("");
    }

    /** Topology and results; the router is left out on purpose. */
    private record Key(boolean aggregated, int prefillTp, int decodeTp, int prefillWorkers, int decodeWorkers,
                       Map<String, Double> metrics) {
        Key(EvaluatedState e) {
            this(e.state().aggregated(), e.state().prefillTp(), e.state().decodeTp(), e.state().prefillWorkers(),
                    e.state().decodeWorkers(), withoutWallTime(e.metrics()));
        }

        private static Map<String, Double> withoutWallTime(Map<String, Double> metrics) {
            Map<String, Double> m = new HashMap<>(metrics);
            m.remove(Metric.WALL_TIME_MS.name());
            m.values().removeIf(Objects::isNull);
            return m;
        }
    }
}
