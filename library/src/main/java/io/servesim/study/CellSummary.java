package io.servesim.study;

import io.servesim.optimize.OptimalityGap;
import java.util.List;

/**
 * What one finished cell contributes to the {@code cells} table: its index and axis labels, how it was searched,
 * how many states it evaluated (and how many were feasible), its best state and, for exhaustive cells, the descent's
 * optimality gap (null otherwise). Stored as the cell's completion marker, so resumed studies rebuild the table
 * without recomputing. Immutable.
 */
public record CellSummary(int cell, List<String> labels, SearchMode search, String objective, int statesEvaluated,
                          int statesFeasible, BestState best, OptimalityGap gap) {
    public CellSummary {
        labels = List.copyOf(labels);
    }
}
