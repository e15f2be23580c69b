package io.servesim.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.router.RouterSetting;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.RouterSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The longest-first start order of a batch, the descent's prefetch and the baseline's reuse of descent records. */
class LongestFirstTest {
    private static final RouterSetting KV0 = RouterSetting.kvRouter(0, 1);
    private static final RouterSetting KV1 = RouterSetting.kvRouter(1, 1);

    private static DeploymentState state(int prefillWorkers, RouterSetting router) {
        return DeploymentState.disaggregated(1, 1, prefillWorkers, 1, router);
    }

    @Test
    void startsUnmeasuredTopologiesFirstThenTheSlowestMeasured() {
        LongestFirst schedule = new LongestFirst();
        schedule.measured(state(1, KV0), 10);
        schedule.measured(state(2, KV0), 30);
        schedule.measured(state(3, KV0), 20);
        // the router knobs do not matter (KV1 reuses KV0's times); round-robin is another cost class
        List<DeploymentState> batch = List.of(state(1, KV1), state(2, KV1), state(4, KV1), state(3, KV1),
                state(2, RouterSetting.roundRobin()), state(5, KV1));
        assertThat(schedule.order(batch)).containsExactly(2, 4, 5, 1, 3, 0);
    }

    @Test
    void keepsTheBatchOrderForEqualEstimates() {
        LongestFirst schedule = new LongestFirst();
        assertThat(schedule.order(List.of(state(1, KV0), state(2, KV0), state(3, KV0)))).containsExactly(0, 1, 2);
        schedule.measured(state(1, KV0), 5);
        schedule.measured(state(2, KV0), 5);
        assertThat(schedule.order(List.of(state(2, KV1), state(1, KV1)))).containsExactly(0, 1);
    }

    /** Sleeps in proportion to the GPUs used, so longest-first really reorders the starts on several threads. */
    private static Evaluator slow(List<String> started) {
        return s -> {
            started.add(s.toString());
            try {
                Thread.sleep(s.prefillWorkers() + 2L * s.decodeWorkers());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return BudgetDescentTest.FAKE.evaluate(s);
        };
    }

    @Test
    void descentAndBaselineGiveTheSameResultsOnOneAndTwoThreads() {
        ReplayOptimizeSpec spec = BudgetDescentTest.spec(6,
                RouterSpec.both().overlapCredits(0.0, 0.5, 1.0).prefillLoadScales(0.5, 2).build());
        List<String> results = new ArrayList<>();
        List<List<String>> starts = new ArrayList<>();
        for (int threads : new int[] {1, 2, 2}) {
            List<String> started = Collections.synchronizedList(new ArrayList<>());
            OptimizationResult r = ReplayOptimizer.optimizeWithGap(spec.withMaxParallelEvals(threads), slow(started),
                    ProgressListener.NONE);
            results.add(r.evaluated().toString() + r.optimalityGap().orElseThrow());
            starts.add(started);
        }
        assertThat(results.get(1)).isEqualTo(results.get(0));
        assertThat(results.get(2)).isEqualTo(results.get(0));
        // every state is evaluated once over the descent and the baseline, whatever the thread count
        for (List<String> started : starts) {
            assertThat(Set.copyOf(started)).hasSameSizeAs(started);
        }
        assertThat(starts.get(1)).hasSameSizeAs(starts.get(0));
    }

    @Test
    void baselineReusesTheDescentsRecordsAndKeepsItsOwnVisitOrder() {
        ReplayOptimizeSpec spec = BudgetDescentTest.spec(4,
                RouterSpec.kvRouter().overlapCredits(0.0, 1.0).prefillLoadScales(1.0).build());
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> again = Collections.synchronizedList(new ArrayList<>());
        Evaluator counting = s -> {
            if (!seen.add(s.toString())) {
                again.add(s.toString());
            }
            return BudgetDescentTest.FAKE.evaluate(s);
        };
        OptimizationResult withGap = ReplayOptimizer.optimizeWithGap(spec, counting, ProgressListener.NONE);
        OptimizationResult alone = ReplayOptimizer.exhaustive(spec, BudgetDescentTest.FAKE, ProgressListener.NONE);
        OptimalityGap gap = withGap.optimalityGap().orElseThrow();
        assertThat(again).isEmpty();
        assertThat(seen).hasSize(alone.records().size());
        assertThat(gap.exhaustiveEvaluations()).isEqualTo(alone.records().size());
        assertThat(gap.exhaustiveBestScore()).isEqualTo(alone.bestFeasible().orElseThrow().score());
    }
}
