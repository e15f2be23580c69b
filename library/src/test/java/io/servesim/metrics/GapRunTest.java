package io.servesim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A run of equal inter-token gaps gives the same statistics, bit for bit, as adding the gaps one by one. */
class GapRunTest {
    @Test
    void runsOfEqualGapsMatchGapsAddedOneByOne() {
        SplittableRandom random = new SplittableRandom(7);
        GapHistogram oneByOne = new GapHistogram();
        GapHistogram runs = new GapHistogram();
        for (int pass = 0; pass < 2_000; pass++) {
            double gap = pass % 17 == 0 ? 0 : 5 + random.nextDouble() * 40;
            int count = 1 + random.nextInt(64);
            for (int i = 0; i < count; i++) {
                oneByOne.add(gap, 1);
            }
            runs.add(gap, count);
        }
        Map<String, Double> expected = new TreeMap<>();
        Map<String, Double> actual = new TreeMap<>();
        oneByOne.summarise(expected);
        runs.summarise(actual);
        assertThat(actual).isNotEmpty().isEqualTo(expected);
        assertThat(actual.get(Metric.MEAN_ITL_MS.name())).isGreaterThan(5);
    }
}
