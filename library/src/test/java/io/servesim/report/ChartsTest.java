package io.servesim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The colour convention of servesim's heatmaps. */
class ChartsTest {
    @Test
    void heatmapCellsArePercentOfTheBestWhateverTheObjectivesSign() {
        // throughput: higher is better
        assertThat(Charts.percentOfBest(900, 1000)).isCloseTo(90, within(1e-9));
        // latency objectives score the negated latency: 1,250 ms against a best of 1,000 ms is 80% of the best
        assertThat(Charts.percentOfBest(-1250, -1000)).isCloseTo(80, within(1e-9));
        assertThat(Charts.percentOfBest(-1000, -1000)).isEqualTo(100);
        assertThat(Charts.percentOfBest(Double.NaN, -1000)).isNaN();
    }
}
