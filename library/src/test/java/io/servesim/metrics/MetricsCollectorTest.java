package io.servesim.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run's summary from a handful of requests whose figures are worked out by hand. */
class MetricsCollectorTest {
    private static final double EPS = 1e-9;

    /**
     * Four requests arrive, three complete: (arrival, first, second, last token; input, output, reused; queue)
     * = (0, 100, 110, 130; 1000, 4, 200; 0), (50, 250, -, 250; 500, 1, 0; 10), (100, 400, 420, 480; 1500, 5, 600; 20);
     * the passes emitted 3 gaps of 10 ms and 4 of 20 ms.
     */
    private static MetricsCollector threeRequests(boolean keepRecords) {
        MetricsCollector c = new MetricsCollector(keepRecords);
        for (int i = 0; i < 4; i++) {
            c.arrived();
        }
        c.gaps(0, 10, 3);
        c.gaps(1, 20, 4);
        complete(c, 1);
        complete(c, 2);
        complete(c, 3);
        return c;
    }

    /** Completes request {@code id} (1 to 3) with its figures above. */
    private static void complete(MetricsCollector c, int id) {
        switch (id) {
            case 1 -> c.completed(1, 0, 100, 110, 130, 1000, 4, 200, 0, 0, 0);
            case 2 -> c.completed(2, 50, 250, Double.NaN, 250, 500, 1, 0, 1, 1, 10);
            default -> c.completed(3, 100, 400, 420, 480, 1500, 5, 600, 0, 1, 20);
        }
    }

    @Test
    void countsTokensAndThroughputsOverTheMakespan() {
        Map<String, Double> s = threeRequests(false).summary(7);
        assertThat(s.get("num_requests")).isEqualTo(4);
        assertThat(s.get("completed_requests")).isEqualTo(3);
        assertThat(s.get("total_input_tokens")).isEqualTo(3000);
        assertThat(s.get("total_reused_input_tokens")).isEqualTo(800);
        assertThat(s.get("total_output_tokens")).isEqualTo(10);
        assertThat(s.get("duration_ms")).isEqualTo(480);
        assertThat(s.get("wall_time_ms")).isEqualTo(7);
        // makespan 0.48 s
        assertThat(s.get("request_throughput_rps")).isCloseTo(3 / 0.48, within(EPS));
        assertThat(s.get("input_throughput_tok_s")).isCloseTo(3000 / 0.48, within(EPS));
        assertThat(s.get("output_throughput_tok_s")).isCloseTo(10 / 0.48, within(EPS));
        assertThat(s.get("total_throughput_tok_s")).isCloseTo(3010 / 0.48, within(EPS));
        assertThat(s.get("prefix_cache_reused_ratio")).isCloseTo(800.0 / 3000, within(EPS));
        assertThat(s.keySet()).containsExactlyElementsOf(Metric.names(Metric.summary()));
    }

    @Test
    void latenciesFollowTheHarnessDefinitions() {
        Map<String, Double> s = threeRequests(false).summary(0);
        // TTFT 100, 200, 300: nearest rank on (n-1)p/100 gives p50 = 200 (rank 1), p75 and p95 = 300 (rank 2)
        assertThat(s.get("mean_ttft_ms")).isEqualTo(200);
        assertThat(s.get("min_ttft_ms")).isEqualTo(100);
        assertThat(s.get("max_ttft_ms")).isEqualTo(300);
        assertThat(s.get("median_ttft_ms")).isEqualTo(200);
        assertThat(s.get("p75_ttft_ms")).isEqualTo(300);
        assertThat(s.get("p95_ttft_ms")).isEqualTo(300);
        assertThat(s.get("std_ttft_ms")).isCloseTo(Math.sqrt(20000.0 / 3), within(EPS));
        // e2e 130, 200, 380
        assertThat(s.get("mean_e2e_latency_ms")).isCloseTo(710.0 / 3, within(EPS));
        // TPOT and TTST only for requests with at least 2 tokens: (130-100)/3 = 10 and (480-400)/4 = 20
        assertThat(s.get("mean_tpot_ms")).isEqualTo(15);
        assertThat(s.get("max_tpot_ms")).isEqualTo(20);
        assertThat(s.get("mean_ttst_ms")).isEqualTo(15);
        // ITL from the gaps: (3*10 + 4*20) / 7
        assertThat(s.get("mean_itl_ms")).isCloseTo(110.0 / 7, within(EPS));
        assertThat(s.get("min_itl_ms")).isEqualTo(10);
        assertThat(s.get("max_itl_ms")).isEqualTo(20);
        // router queue 0, 10, 20
        assertThat(s.get("mean_router_queue_ms")).isEqualTo(10);
        assertThat(s.get("p95_router_queue_ms")).isEqualTo(20);
    }

    @Test
    void keepsOneRecordPerCompletedRequestOnlyWhenAsked() {
        MetricsCollector kept = threeRequests(true);
        assertThat(kept.records()).extracting(RequestRecord::id).containsExactly(1L, 2L, 3L);
        RequestRecord third = kept.records().get(2);
        assertThat(third).isEqualTo(new RequestRecord(3, 100, 400, 480, 1500, 5, 600, 0, 1));
        assertThat(third.ttftMs()).isEqualTo(300);
        assertThat(third.e2eLatencyMs()).isEqualTo(380);
        assertThat(threeRequests(false).records()).isEmpty();
        assertThat(kept.completedRequests()).isEqualTo(3);
    }

    @Test
    void warmUpLeavesTheFirstCompletedRequestsOutOfEveryFigure() {
        MetricsCollector c = new MetricsCollector(true, 1);
        for (int i = 0; i < 3; i++) {
            c.arrived();
        }
        c.gaps(0, 5, 2); // before the warm-up ends: left out
        complete(c, 1);
        c.gaps(0, 10, 1);
        complete(c, 2);
        complete(c, 3);

        Map<String, Double> s = c.summary(0);
        assertThat(s.get("num_requests")).isEqualTo(2);
        assertThat(s.get("completed_requests")).isEqualTo(2);
        assertThat(s.get("total_input_tokens")).isEqualTo(2000);
        assertThat(s.get("mean_ttft_ms")).isEqualTo(250);
        assertThat(s.get("mean_itl_ms")).isEqualTo(10);
        assertThat(s.get("duration_ms")).isEqualTo(480);
        // throughput over the measured window: from the warm-up's last token (130) to 480
        assertThat(s.get("output_throughput_tok_s")).isCloseTo(6 / 0.35, within(EPS));
        assertThat(s.get("warmup_requests")).isEqualTo(1);
        assertThat(c.records()).extracting(RequestRecord::id).containsExactly(2L, 3L);
        assertThat(c.completedRequests()).isEqualTo(3);
    }

    @Test
    void anEmptyRunReportsZeros() {
        Map<String, Double> s = new MetricsCollector(false).summary(0);
        assertThat(s.get("completed_requests")).isZero();
        assertThat(s.get("mean_ttft_ms")).isZero();
        assertThat(s.get("p99_itl_ms")).isZero();
        assertThat(s.get("output_throughput_tok_s")).isZero();
        assertThat(s.get("prefix_cache_reused_ratio")).isZero();
        assertThat(s).doesNotContainKey("warmup_requests");
    }

    @Test
    void aNegativeWarmUpIsRefusedWithItsValue() {
        assertThatThrownBy(() -> new MetricsCollector(false, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warmupRequests (-1) should be >= 0");
    }
}
