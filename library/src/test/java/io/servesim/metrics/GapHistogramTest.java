package io.servesim.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Inter-token gaps: exact count, mean, min, max and std; percentiles within half a 0.5% bucket; per-user rate. */
class GapHistogramTest {
    private static Map<String, Double> summary(GapHistogram h) {
        Map<String, Double> out = new HashMap<>();
        h.summarise(out);
        return out;
    }

    /** 51 gaps of 10 ms and 49 of 20 ms. */
    private static Map<String, Double> tensAndTwenties() {
        GapHistogram h = new GapHistogram();
        h.add(10, 51);
        h.add(20, 49);
        return summary(h);
    }

    @Test
    void exactMomentsAndBucketedPercentiles() {
        Map<String, Double> s = tensAndTwenties();
        // mean (51*10 + 49*20) / 100; E[x^2] = (51*100 + 49*400) / 100 = 247
        assertThat(s.get("mean_itl_ms")).isCloseTo(14.9, within(1e-9));
        assertThat(s.get("std_itl_ms")).isCloseTo(Math.sqrt(247 - 14.9 * 14.9), within(1e-9));
        assertThat(s.get("min_itl_ms")).isEqualTo(10);
        assertThat(s.get("max_itl_ms")).isEqualTo(20);
        // 100 gaps: the p50 rank is round(99 / 2) = 50, the 51st gap, still a 10 ms one; p75 is a 20 ms one
        assertThat(s.get("p50_itl_ms")).isCloseTo(10, withPercentage(0.25));
        assertThat(s.get("p75_itl_ms")).isCloseTo(20, withPercentage(0.25));
        assertThat(s.get("p99_itl_ms")).isCloseTo(20, withPercentage(0.25));
        // percentiles never leave [min, max]
        assertThat(s.get("p50_itl_ms")).isBetween(10.0, 20.0);
    }

    @Test
    void perUserTokenRateIsTheReciprocalOfTheGaps() {
        Map<String, Double> s = tensAndTwenties();
        // 10 ms gaps are 100 tok/s, 20 ms gaps 50 tok/s
        assertThat(s.get("mean_output_token_throughput_per_user")).isCloseTo((51 * 100 + 49 * 50) / 100.0,
                within(1e-9));
        assertThat(s.get("min_output_token_throughput_per_user")).isEqualTo(50);
        assertThat(s.get("max_output_token_throughput_per_user")).isEqualTo(100);
        // a high rate is a short gap: the rate's p95 is the gap's p5 (rank round(99 * 0.05) = 5, a 10 ms gap)
        assertThat(s.get("p95_output_token_throughput_per_user")).isCloseTo(100, withPercentage(0.25));
    }

    @Test
    void zeroGapsCountForTheGapButNotForTheRate() {
        GapHistogram h = new GapHistogram();
        h.add(0, 2);
        h.add(10, 2);
        Map<String, Double> s = summary(h);
        assertThat(s.get("mean_itl_ms")).isEqualTo(5);
        assertThat(s.get("min_itl_ms")).isZero();
        assertThat(s.get("mean_output_token_throughput_per_user")).isEqualTo(100);
    }

    @Test
    void noGapsAreAllZeros() {
        Map<String, Double> s = summary(new GapHistogram());
        assertThat(s).isNotEmpty();
        assertThat(s.values()).allSatisfy(v -> assertThat(v).isZero());
    }
}
