package io.servesim.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact statistics of one latency: nearest-rank percentiles, population std, growth past the first array. */
class DistributionTest {
    @Test
    void summarisesUnsortedValuesWithNearestRankPercentiles() {
        Distribution d = new Distribution();
        for (double v : new double[] {4, 1, 3, 2}) {
            d.add(v);
        }
        Summary s = d.summary();
        assertThat(s.mean()).isEqualTo(2.5);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(4);
        assertThat(s.std()).isCloseTo(Math.sqrt(1.25), within(1e-12));
        // ranks on (n-1)p/100 = 3p/100, rounded: p50 -> 2 (1.5), p75 -> 2 (2.25), p90 -> 3 (2.7)
        assertThat(s.value(Statistic.MEDIAN)).isEqualTo(3);
        assertThat(s.value(Statistic.P50)).isEqualTo(3);
        assertThat(s.value(Statistic.P75)).isEqualTo(3);
        assertThat(s.value(Statistic.P90)).isEqualTo(4);
        assertThat(s.value(Statistic.P99)).isEqualTo(4);
    }

    @Test
    void writesEveryStatisticUnderItsColumnInReportOrder() {
        Distribution d = new Distribution();
        d.add(7);
        Map<String, Double> out = new LinkedHashMap<>();
        d.summarise(Latency.TPOT, out);
        assertThat(out).containsExactly(Map.entry("mean_tpot_ms", 7.0), Map.entry("min_tpot_ms", 7.0),
                Map.entry("max_tpot_ms", 7.0), Map.entry("median_tpot_ms", 7.0), Map.entry("p50_tpot_ms", 7.0),
                Map.entry("p75_tpot_ms", 7.0), Map.entry("p90_tpot_ms", 7.0), Map.entry("p95_tpot_ms", 7.0),
                Map.entry("p99_tpot_ms", 7.0), Map.entry("std_tpot_ms", 0.0));
    }

    @Test
    void growsPastItsFirstArray() {
        Distribution d = new Distribution();
        for (int i = 2999; i >= 0; i--) {
            d.add(i);
        }
        Summary s = d.summary();
        assertThat(d.size()).isEqualTo(3000);
        assertThat(s.mean()).isEqualTo(1499.5);
        assertThat(s.value(Statistic.P50)).isEqualTo(1500); // rank round(2999 / 2) = 1500
        assertThat(s.value(Statistic.P99)).isEqualTo(2969); // rank round(2999 * 0.99) = round(2969.01)
    }

    @Test
    void anEmptyDistributionIsAllZeros() {
        Summary s = new Distribution().summary();
        for (Statistic st : Statistic.values()) {
            assertThat(s.value(st)).as(st.prefix()).isZero();
        }
    }

    @Test
    void percentileRankIsNearestOnNMinusOne() {
        assertThat(Statistic.rank(0, 95)).isZero();
        assertThat(Statistic.rank(1, 99)).isZero();
        assertThat(Statistic.rank(101, 95)).isEqualTo(95);
        assertThat(Statistic.rank(4, 50)).isEqualTo(2); // 1.5 rounds up
    }
}
