package io.servesim.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.spec.Defaults;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guards servesim's accuracy on the shipped measured dataset (180 public vLLM serving points) with the standard
 * fidelity method and the shipped engine-overhead defaults, the way aiconfigurator guards its own. The TPOT bounds are
 * the 10% target; the TTFT bounds are what servesim reaches today, a little above the measured figures (the 15% target
 * is not reached, see library/PERF.md): a change that makes predictions worse fails here.
 */
class FidelityAccuracyIT {
    /** TPOT target: MAPE at most 10%, overall and per group. */
    static final double TPOT_MAPE_PCT = 10.0;
    /** TTFT: MAPE reached today per group (and overall), plus two points; the target of 15% is not met. */
    static final Map<String, Double> TTFT_MAPE_PCT = Map.of(
            "all", 26.0,
            "h100_sxm Qwen/Qwen3-32B bf16", 32.0,
            "h100_sxm meta-llama/Llama-3.1-70B fp8", 26.0,
            "h200_sxm meta-llama/Llama-3.1-70B fp8", 18.5);

    @Test
    void shippedDatasetStaysWithinTheGuardedErrors() {
        FidelityReport r = FidelityRunner.run(MeasuredDataset.shipped(), FidelityMethod.standard(),
                Defaults.maxParallelEvals());
        assertThat(r.skipped()).as("rows the model cannot replay").isZero();
        Accuracy all = r.overall();
        assertThat(all.rows()).isEqualTo(180);
        assertThat(all.mapeTpotPct()).as("TPOT MAPE overall").isLessThanOrEqualTo(TPOT_MAPE_PCT);
        assertThat(all.mapeTtftPct()).as("TTFT MAPE overall").isLessThanOrEqualTo(TTFT_MAPE_PCT.get("all"));
        assertThat(r.groups()).hasSize(3);
        r.groups().forEach((group, a) -> {
            assertThat(a.mapeTpotPct()).as("TPOT MAPE of " + group).isLessThanOrEqualTo(TPOT_MAPE_PCT);
            assertThat(a.mapeTtftPct()).as("TTFT MAPE of " + group).isLessThanOrEqualTo(TTFT_MAPE_PCT.get(group));
        });
    }
}
