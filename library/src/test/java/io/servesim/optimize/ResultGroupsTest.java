package io.servesim.optimize;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.RouterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** States with identical results are still evaluated, but grouped in tables and named by explain. */
class ResultGroupsTest {
    // the fake evaluator's results depend on the credit, never on the prefill load scale
    private final ReplayOptimizeSpec spec = BudgetDescentTest.spec(4,
            RouterSpec.kvRouter().overlapCredits(0.0, 1.0).prefillLoadScales(0.5, 1.0, 2.0).build());
    private final OptimizationResult r = ReplayOptimizer.optimize(spec, BudgetDescentTest.FAKE, ProgressListener.NONE);

    @Test
    void sameAsNamesTheFirstVisitedStateWithIdenticalResults() {
        EvaluatedState best = r.bestFeasible().orElseThrow();
        List<EvaluatedState> group = r.groups().group(best);
        // credit 1 at the best topology: scales 0.5, 1 and 2 give the same run
        assertThat(group).extracting(e -> e.state().router().prefillLoadScale()).containsExactly(0.5, 1.0, 2.0);
        Table feasible = r.feasible();
        for (int i = 0; i < feasible.rowCount(); i++) {
            EvaluatedState e = r.feasibleRecords().get(i);
            String expected = r.groups().group(e).get(0).state().equals(e.state()) ? ""
                    : r.groups().group(e).get(0).state().router().label();
            assertThat(feasible.stringColumn("same_as").get(i)).isEqualTo(expected);
        }
        assertThat(feasible.stringColumn("same_as").asList()).contains("kv_router(credit 1, scale 0.5)");
        // every state is still evaluated: the grouped table just has fewer rows, whose counts add up
        Table grouped = r.feasibleGrouped();
        assertThat(grouped.rowCount()).isLessThan(feasible.rowCount());
        assertThat(grouped.intColumn("identical_states").sum()).isEqualTo(feasible.rowCount());
        assertThat(grouped.stringColumn("same_as").asList()).containsOnly("");
    }

    @Test
    void explainSaysTheKnobHadNoEffect() {
        assertThat(r.explain(r.bestFeasible().orElseThrow()))
                .contains("prefill_load_scale had no effect here: scales 0.5, 1, 2 give identical results (3 states");
        EvaluatedState lonely = r.records().get(0);
        if (r.groups().group(lonely).size() == 1) {
            assertThat(r.explain(lonely)).doesNotContain("no effect");
        }
    }
}
