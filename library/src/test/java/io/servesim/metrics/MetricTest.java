package io.servesim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void summaryKeepsTheDocumentedColumnsInReportOrder() {
        List<String> expected = new ArrayList<>(List.of("num_requests", "completed_requests", "total_input_tokens",
                "total_reused_input_tokens", "total_output_tokens", "duration_ms", "wall_time_ms",
                "request_throughput_rps", "input_throughput_tok_s", "output_throughput_tok_s", "total_throughput_tok_s",
                "prefix_cache_reused_ratio"));
        List<String> stats = List.of("mean", "min", "max", "median", "p50", "p75", "p90", "p95", "p99", "std");
        for (String d : List.of("ttft", "ttst", "tpot", "itl", "e2e_latency")) {
            stats.forEach(s -> expected.add(s + "_" + d + "_ms"));
        }
        stats.forEach(s -> expected.add(s + "_output_token_throughput_per_user"));
        expected.addAll(List.of("mean_router_queue_ms", "p95_router_queue_ms"));

        assertThat(Metric.names(Metric.summary())).containsExactlyElementsOf(expected);
    }

    @Test
    void everyMetricHasAUnitRuleAndADescription() {
        assertThat(Metric.MEAN_TTFT_MS.unit()).isEqualTo("ms");
        assertThat(Metric.OUTPUT_THROUGHPUT_TOK_S_PER_GPU.unit()).isEqualTo("tok/s/GPU");
        assertThat(Metric.PREFIX_CACHE_REUSED_RATIO.unit()).isEqualTo("fraction");
        assertThat(Metric.perUser(Statistic.P95).unit()).isEqualTo("tok/s");
        assertThat(Metric.summary()).allSatisfy(m -> assertThat(m.description()).isNotBlank());
        assertThat(Metric.named("p95_tpot_ms")).contains(Metric.P95_TPOT_MS);
        assertThat(Metric.named("no_such_metric")).isEmpty();
    }

    @Test
    void headlinesAreReadBackFromTheMetric() {
        assertThat(Metric.MEAN_TTFT_MS.headlines()).contains(Headline.RESULT_TABLE, Headline.CARD, Headline.REPLAY);
        assertThat(Metric.WALL_TIME_MS.headlines()).isEmpty();
        assertThat(Headline.RESULT_TABLE.names()).containsExactly("output_throughput_tok_s",
                "prefix_cache_reused_ratio", "mean_ttft_ms", "mean_tpot_ms", "mean_e2e_latency_ms");
    }

    @Test
    void percentileRankIsNearestRankOnNMinusOne() {
        assertThat(Statistic.rank(0, 95)).isZero();
        assertThat(Statistic.rank(1, 99)).isZero();
        assertThat(Statistic.rank(11, 50)).isEqualTo(5);
        assertThat(Statistic.rank(101, 95)).isEqualTo(95);
        assertThat(Statistic.rank(5, 90)).isEqualTo(4);
    }

    @Test
    void exactDistributionAndGapHistogramAgreeOnEasyData() {
        MetricsCollector c = new MetricsCollector(false);
        for (int i = 1; i <= 5; i++) {
            c.arrived();
            c.gaps(i % 2, 10.0 * i, 1);
            c.completed(i, 0, 10.0 * i, 10.0 * i + 5, 10.0 * i + 20, 100, 3, 0, 0, 0, 0.0);
        }
        Map<String, Double> s = c.summary(0);
        assertThat(s.get("mean_ttft_ms")).isEqualTo(30.0);
        assertThat(s.get("min_ttft_ms")).isEqualTo(10.0);
        assertThat(s.get("max_ttft_ms")).isEqualTo(50.0);
        assertThat(s.get("median_ttft_ms")).isEqualTo(30.0);
        assertThat(s.get("p95_ttft_ms")).isEqualTo(50.0);
        assertThat(s.get("std_ttft_ms")).isCloseTo(Math.sqrt(200), org.assertj.core.data.Offset.offset(1e-9));
        // the histogram is exact to within half a bucket (0.25%)
        assertThat(s.get("median_itl_ms")).isCloseTo(30.0, org.assertj.core.data.Percentage.withPercentage(0.3));
        assertThat(s.get("max_itl_ms")).isEqualTo(50.0);
        assertThat(s.get("min_output_token_throughput_per_user")).isEqualTo(1000.0 / 50);
        assertThat(s.get("max_output_token_throughput_per_user")).isEqualTo(1000.0 / 10);
        assertThat(s.get("p95_output_token_throughput_per_user"))
                .isCloseTo(1000.0 / 10, org.assertj.core.data.Percentage.withPercentage(0.3));
        assertThat(s.keySet()).containsExactlyElementsOf(Metric.names(Metric.summary()));
    }
}
