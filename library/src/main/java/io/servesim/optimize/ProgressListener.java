package io.servesim.optimize;

import java.util.Optional;

/** Hears about a sweep's progress: after each evaluation, how many states are done and planned, and the best so far. */
@FunctionalInterface
public interface ProgressListener {
    /** Called after each evaluation (from the sweep's thread, in visit order). */
    void evaluated(int done, int planned, EvaluatedState latest, Optional<EvaluatedState> bestSoFar);

    /** A listener that ignores everything. */
    ProgressListener NONE = (done, planned, latest, best) -> { };
}
