package io.servesim.kernel.magic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sweep's warnings reach the notebook under its progress line, escaped. */
class SweepProgressTest {
    @Test
    void warningsAreShownOneLineEachAndEscaped() {
        String html = SweepProgress.warnings(List.of("num_gpu_blocks 20000 > 3533 <physical>", "overlapScoreWeights is deprecated"));
        assertThat(html).contains("warning: num_gpu_blocks 20000 &gt; 3533 &lt;physical&gt;")
                .contains("warning: overlapScoreWeights is deprecated");
        assertThat(html.split("servesim-warning")).hasSize(3);
        assertThat(SweepProgress.warnings(List.of())).isEmpty();
    }
}
