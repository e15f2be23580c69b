package io.servesim.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.RouterSpec;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** A sweep records failed evaluations and goes on; a stop request still stops it; all failed is an error. */
class EvaluationFailureTest {
    private static final ReplayOptimizeSpec SPEC = BudgetDescentTest.spec(4, RouterSpec.defaults());

    @Test
    void aFailedStateIsRecordedAndTheSweepGoesOn() {
        Evaluator tp1Fails = s -> {
            if (s.prefillTp() == 1) {
                throw new EvaluationException(s, new IllegalArgumentException("prompt does not fit"));
            }
            return BudgetDescentTest.FAKE.evaluate(s);
        };
        for (int threads : new int[] {1, 3}) {
            OptimizationResult r = ReplayOptimizer.optimize(SPEC.withMaxParallelEvals(threads), tp1Fails,
                    ProgressListener.NONE);
            assertThat(r.failedRecords()).isNotEmpty().allSatisfy(e -> {
                assertThat(e.feasible()).isFalse();
                assertThat(e.error()).isEqualTo("prompt does not fit");
                assertThat(e.violations()).containsExactly(EvaluatedState.FAILED);
            });
            assertThat(r.bestFeasible()).hasValueSatisfying(b -> assertThat(b.state().prefillTp()).isGreaterThan(1));
            assertThat(r.evaluated().stringColumn("error").asList()).contains("prompt does not fit", "");
        }
    }

    @Test
    void everyStateFailingIsAnErrorWithTheReasons() {
        Evaluator broken = s -> {
            throw new IllegalStateException("no KV blocks");
        };
        assertThatThrownBy(() -> ReplayOptimizer.optimize(SPEC, broken, ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every evaluation failed")
                .hasMessageContaining("no KV blocks");
    }

    @Test
    void aCancelledEvaluationStopsTheSweepEvenWhenWrapped() {
        Evaluator cancelled = s -> {
            throw new EvaluationException(s, new CancellationException("replay interrupted"));
        };
        assertThatThrownBy(() -> ReplayOptimizer.optimize(SPEC, cancelled, ProgressListener.NONE))
                .isInstanceOf(CancellationException.class);
    }
}
