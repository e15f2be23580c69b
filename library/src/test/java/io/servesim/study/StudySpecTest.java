package io.servesim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servesim.spec.SpecException;
import io.servesim.spec.Specs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudySpecTest {

    @Test
    void crossesAxesFirstOutermost() {
        StudySpec s = StudyFixtures.smallStudy();
        List<StudyCell> cells = s.cells();
        assertThat(cells).extracting(StudyCell::labels).containsExactly(List.of("Qwen/Qwen3-8B", "2"),
                List.of("Qwen/Qwen3-8B", "4"), List.of("Qwen/Qwen3-14B", "2"), List.of("Qwen/Qwen3-14B", "4"));
        assertThat(cells.get(3).spec().engine().model()).isEqualTo("Qwen/Qwen3-14B");
        assertThat(cells.get(3).spec().hardware().totalGpus()).isEqualTo(4);
        assertThat(s.axes()).extracting(StudyAxis::name).containsExactly("model", "total_gpus");
        assertThat(s.search()).isEqualTo(SearchMode.EXHAUSTIVE);
    }

    @Test
    void zipsAxesPairwise() {
        StudySpec s = StudySpec.builder().base(StudyFixtures.smallStudy().base())
                .axis("engine.model", "Qwen/Qwen3-8B", "Qwen/Qwen3-14B").axis("hardware.totalGpus", 2, 4).zip().build();
        assertThat(s.cells()).extracting(StudyCell::labels)
                .containsExactly(List.of("Qwen/Qwen3-8B", "2"), List.of("Qwen/Qwen3-14B", "4"));
        assertThat(s.search()).isEqualTo(SearchMode.DESCENT);
    }

    @Test
    void mappingValuesReplaceWholeSectionsAndNeedLabels() {
        var base = StudyFixtures.smallStudy().base();
        Map<String, Object> tight = Map.of("ttft", 500);
        Map<String, Object> loose = Map.of("ttft", 5000);
        StudySpec s = StudySpec.builder().base(base)
                .axis(new StudyAxis("sla", List.of(tight, loose), List.of("tight", "loose"), "sla_tier")).build();
        assertThat(s.cells().get(0).spec().sla().ttft()).isEqualTo(500.0);
        assertThat(s.cells().get(1).labels()).containsExactly("loose");
        assertThatThrownBy(() -> StudySpec.builder().base(base).axis("sla", tight, loose).build())
                .isInstanceOf(SpecException.class).hasMessageContaining("labels");
    }

    @Test
    void badAxisValueNamesTheAxisAndValue() {
        String yaml = StudyFixtures.smallStudyYaml().replace("values: [2, 4]", "values: [2, -4]");
        assertThatThrownBy(() -> StudySpec.fromYaml(yaml)).isInstanceOf(SpecException.class)
                .hasMessageContaining("axes[1].values[1]").hasMessageContaining("hardware.totalGpus = -4")
                .hasMessageContaining("allowed: an integer > 0").message().doesNotContain("\n");
        String gpu = StudyFixtures.smallStudyYaml().replace("values: [2, 4]", "values: [2, 4]\n  - path:"
                + " hardware.gpuSku\n    values: [h200_sxm, h300]");
        assertThatThrownBy(() -> StudySpec.fromYaml(gpu)).isInstanceOf(SpecException.class)
                .hasMessageContaining("axes[2].values[1]").hasMessageContaining("\"h300\"")
                .hasMessageContaining("known GPU SKUs");
    }

    @Test
    void aCombinationWithNothingToSearchNamesTheCell() {
        StudySpec.Builder b = StudySpec.builder().base(StudyFixtures.smallStudy().base())
                .axis("engine.model", "Qwen/Qwen3-32B").axis("hardware.gpuSku", "h100_sxm")
                .axis("hardware.totalGpus", 1);
        assertThatThrownBy(b::build).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("cells[0] (model=Qwen/Qwen3-32B, gpu_sku=h100_sxm, total_gpus=1) is not a"
                        + " valid sweep: hardware.totalGpus is 1");
    }

    @Test
    void unknownPathAndBadStructureAreNamed() {
        String path = StudyFixtures.smallStudyYaml().replace("path: engine.model", "path: engine.modle");
        assertThatThrownBy(() -> StudySpec.fromYaml(path)).isInstanceOf(SpecException.class)
                .hasMessageContaining("axes[0]").hasMessageContaining("modle");
        String zip = StudyFixtures.smallStudyYaml().replace("search: exhaustive", "combine: zip\nsearch: exhaustive")
                .replace("values: [2, 4]", "values: [2, 4, 8]");
        assertThatThrownBy(() -> StudySpec.fromYaml(zip)).isInstanceOf(SpecException.class)
                .hasMessageContaining("axes[1].values").hasMessageContaining("equal lengths");
        String mode = StudyFixtures.smallStudyYaml().replace("search: exhaustive", "search: random");
        assertThatThrownBy(() -> StudySpec.fromYaml(mode)).isInstanceOf(SpecException.class)
                .hasMessageContaining("search").hasMessageContaining("descent, exhaustive");
    }

    @Test
    void reservedAxisNamesGetAPrefix() {
        StudySpec s = StudySpec.builder().base(StudyFixtures.smallStudy().base())
                .axis("objective", "throughput", "mean_ttft").build();
        assertThat(s.axes().get(0).name()).isEqualTo("axis_objective");
    }

    @Test
    void roundTripsThroughYaml() {
        StudySpec s = StudyFixtures.smallStudy();
        StudySpec again = StudySpec.fromYaml(s.toYaml());
        assertThat(again).isEqualTo(s);
        assertThat(Specs.toYaml(again)).isEqualTo(s.toYaml());
    }
}
