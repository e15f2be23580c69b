package io.servesim.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped tables are exactly what the build command makes from the public measurements. */
class TableBuilderTest {
    static final Path SHIPPED = Path.of("src", "main", "resources", "io", "servesim", "perf", "tables");

    @Test
    void everySkuWithMeasurementsIsBuilt() {
        assertThat(TableBuilder.shippedSkus()).containsExactly("h200_sxm", "h100_sxm");
    }

    @Test
    void rebuildingReproducesTheShippedTablesOfEverySku(@TempDir Path out) throws Exception {
        List<String> summaries = TableBuilder.buildShipped(out);
        assertThat(summaries).hasSize(TableBuilder.shippedSkus().size());
        for (String sku : TableBuilder.shippedSkus()) {
            assertThat(summaries).anyMatch(s -> s.startsWith(sku + ": wrote 84 GEMM shapes"));
            try (Stream<Path> files = Files.list(SHIPPED.resolve(sku))) {
                List<String> csvs = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".csv")).sorted()
                        .toList();
                try (Stream<Path> built = Files.list(out.resolve(sku))) {
                    assertThat(built.map(f -> f.getFileName().toString()).sorted().toList()).isEqualTo(csvs);
                }
                for (String f : csvs) {
                    assertThat(Files.readString(out.resolve(sku).resolve(f))).as(sku + "/" + f)
                            .isEqualTo(Files.readString(SHIPPED.resolve(sku).resolve(f)));
                }
            }
            assertThat(SHIPPED.resolve(sku).resolve("PROVENANCE.md")).exists();
            assertThat(Files.readAllLines(out.resolve(sku).resolve("allreduce.csv"))).as(sku).hasSize(1 + 69);
        }
    }

    @Test
    void everyShippedModelIsCoveredAtEveryTpOnEverySku() {
        for (String sku : TableBuilder.shippedSkus()) {
            PerfTables tables = PerfTables.forSku(sku).orElseThrow();
            for (String id : ModelCard.KNOWN) {
                for (int tp : new int[] {1, 2, 4, 8}) {
                    List<int[]> shapes = TableBuilder.shapes(ModelCard.of(id), tp);
                    for (int i = 0; i < shapes.size(); i++) {
                        assertThat(tables.gemm(shapes.get(i)[0], shapes.get(i)[1])).as(sku + " " + id + " TP" + tp)
                                .isNotNull();
                        if (i < TableBuilder.LM_HEAD) {
                            assertThat(tables.gemm(shapes.get(i)[0], shapes.get(i)[1], true)).isNotNull();
                        }
                    }
                    assertThat(TableStepTimer.covers(tables, ModelCard.of(id), tp, new Precision(true, true))).isTrue();
                }
            }
        }
    }

    @Test
    void aWrongFolderIsNamed(@TempDir Path empty) {
        assertThatThrownBy(() -> TableBuilder.build(empty, empty.resolve("out"))).hasMessageContaining("--from").hasMessageContaining(empty.toString())
                .hasMessageContaining("gemm_perf.bfloat16.csv");
    }
}
