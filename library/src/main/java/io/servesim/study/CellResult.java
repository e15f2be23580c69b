package io.servesim.study;

import io.servesim.optimize.EvaluatedState;
import io.servesim.optimize.OptimalityGap;
import io.servesim.optimize.OptimizationResult;
import io.servesim.optimize.ResultTables;
import java.util.stream.IntStream;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A finished cell: its sweep result (every evaluated state in visit order) and, for exhaustive cells, the descent's
 * optimality gap. Immutable.
 */
public record CellResult(StudyCell cell, SearchMode search, OptimizationResult result, OptimalityGap gap) {

    /** Returns the cell's rows of the states dataset: {@code cell}, {@code seq}, then the sweep's result columns. */
    public Table states() {
        Table t = ResultTables.of("states", result.records(), false, cell.spec().objective().id());
        int n = t.rowCount();
        t.insertColumn(0, IntColumn.create(StudyColumns.CELL, IntStream.range(0, n).map(i -> cell.index()).toArray()));
        t.insertColumn(1, IntColumn.create(StudyColumns.SEQ, IntStream.range(0, n).toArray()));
        return t;
    }

    /** Returns the cell's line of the cells table. */
    public CellSummary summary() {
        EvaluatedState best = result.bestFeasible().or(result::bestInfeasible).orElseThrow(
                () -> new IllegalStateException("cell " + cell.index() + " evaluated no state"));
        return new CellSummary(cell.index(), cell.labels(), search, cell.spec().objective().id(),
                result.records().size(), result.feasibleRecords().size(), BestState.of(best), gap);
    }
}
