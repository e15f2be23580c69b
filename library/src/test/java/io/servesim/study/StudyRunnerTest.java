package io.servesim.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class StudyRunnerTest {
    @TempDir
    Path tmp;

    @Test
    void writesStatesPartitionedByAxesAndOneRowPerCell() {
        StudySpec study = StudyFixtures.smallStudy();
        List<StudyProgress> progress = new ArrayList<>();
        StudyResult r = StudyRunner.run(study, tmp.resolve("out"), StudyBackends.local(2), progress::add);

        assertThat(progress).hasSize(4);
        assertThat(progress.get(3).done()).isEqualTo(4);
        assertThat(progress).allSatisfy(p -> assertThat(p.total()).isEqualTo(4));
        assertThat(Files.exists(tmp.resolve("out/states/model=Qwen%2FQwen3-14B/total_gpus=4/part-00003.parquet")))
                .isTrue();
        Table cells = r.cells();
        assertThat(cells.rowCount()).isEqualTo(4);
        assertThat(cells.stringColumn("model").asList()).containsExactly("Qwen/Qwen3-8B", "Qwen/Qwen3-8B",
                "Qwen/Qwen3-14B", "Qwen/Qwen3-14B");
        assertThat(cells.intColumn("total_gpus").asList()).containsExactly(2, 4, 2, 4);
        assertThat(cells.doubleColumn("optimality_gap").asList()).allSatisfy(g -> assertThat(g).isFinite());
        assertThat(cells.intColumn("descent_evaluations").asList()).allSatisfy(n -> assertThat(n).isPositive());

        Table states = r.states();
        Table perCell = r.sql("SELECT cell, count(*) AS n, any_value(model) AS model, any_value(total_gpus) AS gpus"
                + " FROM states GROUP BY cell ORDER BY cell");
        assertThat(perCell.stringColumn("model").asList()).containsExactly("Qwen/Qwen3-8B", "Qwen/Qwen3-8B",
                "Qwen/Qwen3-14B", "Qwen/Qwen3-14B");
        for (int c = 0; c < 4; c++) {
            assertThat(((Number) perCell.column("n").get(c)).intValue())
                    .isEqualTo(cells.intColumn("states_evaluated").get(c));
        }
        assertThat(states.rowCount()).isEqualTo((int) cells.intColumn("states_evaluated").sum());
        // the best state of each cell is among its states, with the same throughput
        Table best = r.sql("SELECT c.cell, max(s.output_throughput_tok_s) AS top, any_value(c.output_throughput_tok_s)"
                + " AS best FROM cells c JOIN states s ON s.cell = c.cell AND s.feasible GROUP BY c.cell ORDER BY c.cell");
        for (int i = 0; i < best.rowCount(); i++) {
            assertThat(best.doubleColumn("top").get(i)).isEqualTo(best.doubleColumn("best").get(i));
        }
        assertThat(tmp.resolve("out/study.yaml")).exists();
        assertThat(tmp.resolve("out/versions.json")).exists();
        assertThat(tmp.resolve("out/cells.csv")).exists();
    }

    @Test
    void sameResultsAtAnyParallelismAndNothingRecomputedOnResume() throws Exception {
        StudySpec study = StudyFixtures.smallStudy();
        StudyResult one = StudyRunner.run(study, tmp.resolve("one"), StudyBackends.local(1), StudyListener.NONE);
        StudyResult two = StudyRunner.run(study, tmp.resolve("two"), StudyBackends.local(2), StudyListener.NONE);
        assertThat(StudyTables.rows(two.states())).isEqualTo(StudyTables.rows(one.states()));
        assertThat(StudyTables.rows(two.cells())).isEqualTo(StudyTables.rows(one.cells()));

        // a second run over a finished folder recomputes nothing and adds no rows
        List<StudyProgress> again = new ArrayList<>();
        StudyResult rerun = StudyRunner.run(study, tmp.resolve("one"), StudyBackends.local(2), again::add);
        assertThat(again).isEmpty();
        assertThat(rerun.cellsResumed()).isEqualTo(4);
        assertThat(StudyTables.rows(rerun.states())).isEqualTo(StudyTables.rows(one.states()));
        assertThat(Files.readAllLines(tmp.resolve("one/runs.jsonl"))).hasSize(2);
    }

    @Test
    void resumesAfterAFailedRunWithoutDoubleCounting() {
        StudySpec study = StudyFixtures.smallStudy();
        Path out = tmp.resolve("resumed");
        RuntimeException stop = new IllegalStateException("simulated crash");
        try {
            StudyRunner.run(study, out, StudyBackends.local(1), p -> {
                if (p.done() == 2) {
                    throw stop;
                }
            });
        } catch (IllegalStateException e) {
            assertThat(e).isSameAs(stop);
        }
        List<StudyProgress> rest = new ArrayList<>();
        StudyResult r = StudyRunner.run(study, out, StudyBackends.local(2), rest::add);
        assertThat(r.cellsResumed()).isEqualTo(2);
        assertThat(rest).hasSize(2).allSatisfy(p -> assertThat(p.resumed()).isEqualTo(2));
        StudyResult fresh = StudyRunner.run(study, tmp.resolve("fresh"), StudyBackends.local(2), StudyListener.NONE);
        assertThat(StudyTables.rows(r.states())).isEqualTo(StudyTables.rows(fresh.states()));
        assertThat(StudyTables.rows(r.cells())).isEqualTo(StudyTables.rows(fresh.cells()));
    }

    @Test
    void descentCellsHaveNoGapAndTheSameResultsAtAnyParallelism() {
        StudySpec study = StudySpec.fromYaml(StudyFixtures.smallStudyYaml().replace("search: exhaustive",
                "combine: zip\nsearch: descent"));
        StudyResult one = StudyRunner.run(study, tmp.resolve("d1"), StudyBackends.local(1), StudyListener.NONE);
        StudyResult two = StudyRunner.run(study, tmp.resolve("d2"), StudyBackends.local(2), StudyListener.NONE);
        Table cells = one.cells();
        assertThat(cells.rowCount()).isEqualTo(2);
        assertThat(cells.stringColumn("search").asList()).containsOnly("descent");
        assertThat(cells.doubleColumn("optimality_gap").countMissing()).isEqualTo(2);
        assertThat(StudyTables.rows(two.states())).isEqualTo(StudyTables.rows(one.states()));
        assertThat(StudyTables.rows(two.cells())).isEqualTo(StudyTables.rows(cells));
    }

    @Test
    void refusesAFolderOfAnotherStudy() {
        StudySpec study = StudyFixtures.smallStudy();
        StudyRunner.run(study, tmp.resolve("x"), StudyBackends.local(2), StudyListener.NONE);
        StudySpec other = StudySpec.fromYaml(StudyFixtures.smallStudyYaml().replace("[2, 4]", "[2]"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StudyRunner.run(other, tmp.resolve("x"),
                StudyBackends.local(2), StudyListener.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds another study");
    }
}
