package io.servesim.optimize;

import io.servesim.spec.Defaults;
import java.util.List;

/**
 * The budget-focused coordinate descent: start from the first equal-worker TP state with the first router state;
 * then for up to {@link Defaults#SEARCH_ROUNDS} rounds (1) try every TP pair with equal worker counts filling the
 * budget, (2) try every worker split at the incumbent's TP that uses the most GPUs achievable (near-budget-edge
 * pruning: splits leaving GPUs idle are skipped), (3) try every router state at the incumbent's topology; after each
 * step the best record of the step becomes the incumbent; stop when a round ends where it started.
 */
final class BudgetDescent {
    static final int ROUNDS = Defaults.SEARCH_ROUNDS;

    private BudgetDescent() {
    }

    static void run(SearchSpace space, Evaluations evaluations) {
        List<DeploymentState> initial = space.equalWorkerTpStates(space.routerStates().get(0));
        if (initial.isEmpty()) {
            throw new IllegalArgumentException("no TP shape fits the GPU budget; nothing to search");
        }
        // the first step evaluates exactly these states: start them now, so no thread idles during the first one
        evaluations.prefetch(initial);
        DeploymentState incumbent = evaluations.evaluate(List.of(initial.get(0))).get(0).state();
        for (int round = 0; round < ROUNDS; round++) {
            DeploymentState start = incumbent;
            incumbent = bestOf(evaluations, space.equalWorkerTpStates(incumbent.router()), incumbent);
            incumbent = bestOf(evaluations, space.budgetEdgeWorkerStates(incumbent), incumbent);
            incumbent = bestOf(evaluations, space.routerVariants(incumbent), incumbent);
            if (incumbent.equals(start)) {
                break;
            }
        }
    }

    private static DeploymentState bestOf(Evaluations evaluations, List<DeploymentState> states,
                                          DeploymentState incumbent) {
        if (states.isEmpty()) {
            return incumbent;
        }
        return Ranking.best(evaluations.evaluate(states)).orElseThrow().state();
    }
}
