package io.servesim.kernel.magic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sweep's progress lines and warnings as the notebook shows them, escaped. */
class SweepProgressTest {
    @Test
    void warningsAreShownOneLineEachAndEscaped() {
        String html = SweepProgress.warnings(List.of("num_gpu_blocks 20000 > 3533 <physical>", "overlapScoreWeights is deprecated"));
        assertThat(html).contains("warning: num_gpu_blocks 20000 &gt; 3533 &lt;physical&gt;")
                .contains("warning: overlapScoreWeights is deprecated");
        assertThat(html.split("servesim-warning")).hasSize(3);
        assertThat(SweepProgress.warnings(List.of())).isEmpty();
    }

    @Test
    void progressLinesNameThePhaseAndEscapeTheNote() {
        List<String> shown = new ArrayList<>();
        SweepProgress p = new SweepProgress(shown::add);
        assertThat(SweepProgress.starting())
                .isEqualTo("<div class='servesim-progress'><progress></progress> descent: starting</div>");
        p.evaluated(3, 3, null, Optional.empty());
        assertThat(shown).containsExactly(
                "<div class='servesim-progress'><progress></progress> descent: 3 states evaluated · </div>");
        p.evaluated(2, 10, null, Optional.empty()); // a smaller count: the exhaustive baseline started
        p.evaluated(10, 10, null, Optional.empty());
        assertThat(shown.get(shown.size() - 1)).isEqualTo("<div class='servesim-progress'><progress max='10'"
                + " value='10'></progress> exhaustive baseline: 10 / 10 states · </div>");
        assertThat(p.done(12, 5, 2345)).isEqualTo(
                "<div class='servesim-progress'>sweep done: 12 states evaluated (5 feasible) in 2.3 s</div>");
        p.finish(); // closed by done: nothing more is shown
        assertThat(shown.get(shown.size() - 1)).contains("exhaustive baseline");
    }

    @Test
    void aSweepStoppedWithoutDoneLeavesAStillLine() {
        List<String> shown = new ArrayList<>();
        SweepProgress p = new SweepProgress(shown::add);
        p.evaluated(1, 1, null, Optional.empty());
        p.finish();
        assertThat(shown.get(shown.size() - 1))
                .isEqualTo("<div class='servesim-progress'>sweep: 1 evaluations · </div>");
    }
}
