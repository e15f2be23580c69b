package io.servesim.study;

import io.servesim.optimize.EvaluatedState;
import io.servesim.optimize.Evaluator;
import io.servesim.optimize.OptimalityGap;
import io.servesim.optimize.OptimizationResult;
import io.servesim.optimize.ProgressListener;
import io.servesim.optimize.ReplayOptimizer;
import io.servesim.spec.ReplayOptimizeSpec;

/**
 * Searches one cell with a given evaluator: the descent, or every state followed by the descent replayed over the
 * same (memoised) evaluations to measure its optimality gap at no extra cost. Because the searches only ever see
 * reports, a cell gives the same result whether its evaluations ran here, on other threads or on Spark executors.
 */
public final class CellSearch {
    private CellSearch() {
    }

    /** Searches {@code cell} with {@code evaluator} on {@code threads} threads. */
    public static CellResult run(StudyCell cell, SearchMode mode, Evaluator evaluator, int threads) {
        ReplayOptimizeSpec spec = cell.spec().withMaxParallelEvals(Math.max(1, threads));
        if (mode == SearchMode.DESCENT) {
            return new CellResult(cell, mode, ReplayOptimizer.optimize(spec, evaluator, ProgressListener.NONE), null);
        }
        MemoEvaluator memo = evaluator instanceof MemoEvaluator m ? m : new MemoEvaluator(evaluator, java.util.Map.of());
        OptimizationResult all = ReplayOptimizer.exhaustive(spec, memo, ProgressListener.NONE);
        OptimizationResult descent = ReplayOptimizer.optimize(spec.withMaxParallelEvals(1), memo,
                ProgressListener.NONE);
        OptimalityGap gap = new OptimalityGap(bestScore(descent), bestScore(all), descent.records().size(),
                all.records().size());
        return new CellResult(cell, mode, all, gap);
    }

    private static double bestScore(OptimizationResult r) {
        return r.bestFeasible().or(r::bestInfeasible).map(EvaluatedState::score).orElse(Double.NaN);
    }
}
