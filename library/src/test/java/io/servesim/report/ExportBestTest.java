package io.servesim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.servesim.optimize.BudgetDescentTestSupport;
import io.servesim.optimize.EvaluatedState;
import io.servesim.optimize.OptimizationResult;
import io.servesim.optimize.ResultTables;
import io.servesim.spec.Specs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** best.json's states are written through the result tables' column catalogue: same names, order and values. */
class ExportBestTest {
    @Test
    void bestStateHasTheTableColumnsThenItsMetrics() throws Exception {
        OptimizationResult r = BudgetDescentTestSupport.tinySweep();
        EvaluatedState best = r.bestFeasible().orElseThrow();
        JsonNode node = Specs.jsonMapper().readTree(Specs.jsonMapper().writeValueAsString(Export.best(r, 42)))
                .path("best_feasible");
        List<String> expected = new ArrayList<>();
        ResultTables.deployment(best.state().aggregated()).forEach(c -> expected.add(c.name()));
        ResultTables.verdict().stream().map(ResultTables.Column::name).filter(n -> !n.equals(ResultTables.ERROR))
                .forEach(expected::add);
        expected.addAll(best.metrics().keySet());
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isEqualTo(expected);

        Table evaluated = r.evaluated();
        int row = r.records().indexOf(best);
        for (String name : expected.subList(0, expected.size() - best.metrics().size())) {
            Object cell = evaluated.column(name).get(row);
            JsonNode v = node.path(name);
            Object json = v.isInt() ? (Object) v.intValue() : v.isDouble() ? (Object) v.doubleValue()
                    : v.isBoolean() ? (Object) v.booleanValue() : v.textValue();
            assertThat(json).as(name).isEqualTo(cell);
        }
    }
}
