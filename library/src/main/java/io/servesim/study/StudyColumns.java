package io.servesim.study;

import io.servesim.metrics.Headline;
import io.servesim.optimize.ResultTables;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Column names of a study's results: the states dataset ({@code cell}, {@code seq} = visit order within the cell,
 * then the sweep's result columns) and the {@code cells} table. Axis columns may not reuse them.
 */
public final class StudyColumns {
    /** The cell index column (in both tables). */
    public static final String CELL = "cell";
    /** The visit order of a state within its cell. */
    public static final String SEQ = "seq";
    /** The columns of the cells table after the axis columns, in order. */
    public static final List<String> CELLS = Stream.of(List.of("search", "objective", "states_evaluated",
            "states_feasible", "feasible", "prefill_tp", "decode_tp", "prefill_workers", "decode_workers",
            "router_mode", "overlap_score_credit", "prefill_load_scale", "total_gpus_used"),
            Headline.STUDY_CELLS.names(), List.of("score", "violations", "descent_best_score",
            "exhaustive_best_score", "optimality_gap", "descent_evaluations")).flatMap(List::stream).toList();

    private static final Set<String> RESERVED = build();

    private StudyColumns() {
    }

    /** Returns every column name an axis may not take. */
    static Set<String> reserved() {
        return RESERVED;
    }

    private static Set<String> build() {
        Set<String> s = new HashSet<>(ResultTables.of("states", List.of(), false, "").columnNames());
        s.addAll(CELLS);
        s.add(CELL);
        s.add(SEQ);
        return Set.copyOf(s);
    }
}
