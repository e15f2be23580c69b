package io.servesim.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped tables are exactly what the build command makes from the public measurements. */
class TableBuilderTest {
    static final Path SHIPPED = Path.of("src", "main", "resources", "io", "servesim", "perf", "tables", "h200_sxm");

    @Test
    void rebuildingReproducesTheShippedTables(@TempDir Path out) throws Exception {
        String summary = TableBuilder.build(MeasurementSource.shipped("h200_sxm"), out);
        assertThat(summary).contains("84 GEMM shapes");
        for (String f : new String[] {"gemm.csv", "context_attention.csv", "generation_attention.csv", "allreduce.csv"}) {
            assertThat(Files.readString(out.resolve(f))).as(f).isEqualTo(Files.readString(SHIPPED.resolve(f)));
        }
        assertThat(Files.readAllLines(out.resolve("allreduce.csv"))).hasSize(1 + 69);
    }

    @Test
    void everyShippedModelIsCoveredAtEveryTp() {
        PerfTables tables = PerfTables.forSku("h200_sxm").orElseThrow();
        for (String id : ModelCard.KNOWN) {
            for (int tp : new int[] {1, 2, 4, 8}) {
                assertThat(TableStepTimer.covers(tables, ModelCard.of(id), tp)).as(id + " TP" + tp).isTrue();
            }
        }
    }

    @Test
    void aWrongFolderIsNamed(@TempDir Path empty) {
        assertThatThrownBy(() -> TableBuilder.build(empty, empty.resolve("out"))).hasMessageContaining("--from").hasMessageContaining(empty.toString())
                .hasMessageContaining("gemm_perf.bfloat16.csv");
    }
}
