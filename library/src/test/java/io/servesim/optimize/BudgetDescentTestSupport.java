package io.servesim.optimize;

import io.servesim.spec.RouterSpec;

/** A tiny sweep over the fake evaluator, shared by report tests. */
public final class BudgetDescentTestSupport {
    private BudgetDescentTestSupport() {
    }

    /**
     * Returns the 12-state sweep of {@link BudgetDescentTest#visitsTheStatesTheReferenceAlgorithmWould()}, its metrics
     * in name order (as a real run's are in a fixed order) so that rendered output is the same in every JVM.
     */
    public static OptimizationResult tinySweep() {
        return ReplayOptimizer.optimize(BudgetDescentTest.spec(4,
                RouterSpec.kvRouter().overlapCredits(0.0, 1.0).prefillLoadScales(1.0).build()),
                s -> new java.util.TreeMap<>(BudgetDescentTest.FAKE.evaluate(s)), ProgressListener.NONE);
    }
}
