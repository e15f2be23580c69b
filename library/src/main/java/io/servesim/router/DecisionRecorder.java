package io.servesim.router;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps the first {@code limit} routing decisions of a run (in the order they were made) and ignores the rest, so a
 * long replay can be inspected without holding every decision. Not thread-safe; one per run.
 */
public final class DecisionRecorder implements Consumer<RoutingDecision> {
    private final int limit;
    private final List<RoutingDecision> decisions = new ArrayList<>();

    /** Creates a recorder keeping at most {@code limit} decisions ({@code limit} &ge; 0). */
    public DecisionRecorder(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("decisions (" + limit + ") should be >= 0");
        }
        this.limit = limit;
    }

    @Override
    public void accept(RoutingDecision d) {
        if (decisions.size() < limit) {
            decisions.add(d);
        }
    }

    /** Returns the kept decisions, oldest first. */
    public List<RoutingDecision> decisions() {
        return List.copyOf(decisions);
    }
}
