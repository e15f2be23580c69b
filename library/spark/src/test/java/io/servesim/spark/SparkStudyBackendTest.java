package io.servesim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.study.StudyBackends;
import io.servesim.study.StudyListener;
import io.servesim.study.StudyProgress;
import io.servesim.study.StudyResult;
import io.servesim.study.StudyRunner;
import io.servesim.study.StudySpec;
import io.servesim.study.StudyTables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real local Spark session (local[2]) runs small studies end to end; results must equal the in-process run's. */
class SparkStudyBackendTest {
    private static SparkStudyBackend spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        spark = (SparkStudyBackend) StudyBackends.spark("local[2]");
    }

    @AfterAll
    static void stopSpark() {
        spark.close();
    }

    static String yaml(String search) throws IOException {
        try (InputStream in = SparkStudyBackendTest.class.getResourceAsStream("small-study.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("search: exhaustive",
                    "search: " + search);
        }
    }

    @Test
    void exhaustiveStudyOnSparkEqualsInProcess() throws IOException {
        StudySpec study = StudySpec.fromYaml(yaml("exhaustive"));
        StudyResult onSpark = StudyRunner.run(study, tmp.resolve("spark"), spark, StudyListener.NONE);
        StudyResult local = StudyRunner.run(study, tmp.resolve("local"), StudyBackends.local(2), StudyListener.NONE);
        assertSameResults(onSpark, local);
        assertThat(spark.describe()).startsWith("Spark 3.5").contains("local[2]");

        // the dataset is a regular partitioned Parquet dataset for Spark too (partition values decoded)
        Dataset<Row> states = SparkSession.active().read().parquet(tmp.resolve("spark/states").toString());
        assertThat(states.count()).isEqualTo(local.states().rowCount());
        assertThat(states.select("model").distinct().sort("model").collectAsList()).extracting(r -> r.getString(0))
                .containsExactly("Qwen/Qwen3-14B", "Qwen/Qwen3-8B");
    }

    @Test
    void descentStudyOnSparkEqualsInProcess() throws IOException {
        StudySpec study = StudySpec.fromYaml(yaml("descent"));
        StudyResult onSpark = StudyRunner.run(study, tmp.resolve("spark"), spark, StudyListener.NONE);
        StudyResult local = StudyRunner.run(study, tmp.resolve("local"), StudyBackends.local(1), StudyListener.NONE);
        assertSameResults(onSpark, local);
    }

    @Test
    void sparkResumesACrashedRunWithoutDoubleCounting() throws IOException {
        StudySpec study = StudySpec.fromYaml(yaml("exhaustive"));
        Path out = tmp.resolve("resumed");
        try {
            StudyRunner.run(study, out, StudyBackends.local(1), p -> {
                if (p.done() == 1) {
                    throw new IllegalStateException("simulated crash");
                }
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("simulated crash");
        }
        List<StudyProgress> progress = new ArrayList<>();
        StudyResult resumed = StudyRunner.run(study, out, spark, progress::add);
        assertThat(resumed.cellsResumed()).isEqualTo(1);
        assertThat(progress).hasSize(3);
        StudyResult fresh = StudyRunner.run(study, tmp.resolve("fresh"), StudyBackends.local(2), StudyListener.NONE);
        assertSameResults(resumed, fresh);
    }

    private static void assertSameResults(StudyResult a, StudyResult b) {
        assertThat(a.states().rowCount()).isPositive();
        assertThat(StudyTables.rows(a.states())).isEqualTo(StudyTables.rows(b.states()));
        assertThat(StudyTables.rows(a.cells())).isEqualTo(StudyTables.rows(b.cells()));
    }
}
