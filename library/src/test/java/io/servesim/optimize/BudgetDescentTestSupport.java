package io.servesim.optimize;

import io.servesim.spec.RouterSpec;

/** A tiny sweep over the fake evaluator, shared by report tests. */
public final class BudgetDescentTestSupport {
    private BudgetDescentTestSupport() {
    }

    /** Returns the 12-state sweep of {@link BudgetDescentTest#visitsTheStatesTheReferenceAlgorithmWould()}. */
    public static OptimizationResult tinySweep() {
        return ReplayOptimizer.optimize(BudgetDescentTest.spec(4,
                RouterSpec.kvRouter().overlapCredits(0.0, 1.0).prefillLoadScales(1.0).build()), BudgetDescentTest.FAKE,
                ProgressListener.NONE);
    }
}
