package io.servesim.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class StudyChartsTest {
    private static final StudySpec STUDY = StudyFixtures.smallStudy();

    @Test
    void bestMetricHasOnePanelPerFacetAndOneLinePerSeries() {
        Table cells = Table.create("cells", IntColumn.create("cell", 0, 1, 2, 3),
                StringColumn.create("model", "a", "a", "b", "b"), IntColumn.create("total_gpus", 4, 2, 2, 4),
                DoubleColumn.create("output_throughput_tok_s_per_gpu", 10, 20, 30, 40));
        String js = StudyCharts.best(cells, "output_throughput_tok_s_per_gpu", "total_gpus", "model", null)
                .asJavascript("d");
        assertThat(js).contains("xaxis: 'x2'").contains("pattern: 'coupled'");
        // points are sorted by x: model a at 2 GPUs (20) comes before 4 GPUs (10)
        assertThat(js).contains("x: [\"2.0\",\"4.0\"],\ny: [\"20.0\",\"10.0\"]").contains("name: 'a'")
                .contains("name: 'b'");
    }

    @Test
    void paretoFrontKeepsOnlyNonDominatedStates() {
        Table states = Table.create("states", IntColumn.create("cell", 0, 0, 0, 0),
                StringColumn.create("model", "a", "a", "a", "a"), IntColumn.create("total_gpus", 2, 2, 2, 2),
                DoubleColumn.create("output_throughput_tok_s_per_gpu", 100, 80, 60, 90),
                DoubleColumn.create("mean_ttft_ms", 50, 40, 45, 60));
        List<double[]> front = StudyCharts.front(List.of(new double[] {100, 50}, new double[] {80, 40},
                new double[] {60, 45}, new double[] {90, 60}));
        assertThat(front).extracting(p -> p[0]).containsExactly(80.0, 100.0);
        assertThat(StudyCharts.paretoFronts(states, STUDY, "model").asJavascript("d"))
                .contains("a · 2");
    }
}
