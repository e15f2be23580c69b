package io.servesim.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servesim.spec.RouterSpec.Knobs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The router space: credits × scales, the deprecated overlap score weights, credit range, the router queue. */
class RouterSpecTest {
    private static final String MINIMAL = """
            engine: {model: Qwen/Qwen3-32B, backend: vllm, basePrefillEngineArgs: {}, baseDecodeEngineArgs: {}}
            hardware: {totalGpus: 8}
            workload: {isl: 1000, osl: 100, requestCount: 10, concurrency: 4}
            """;

    @Test
    void creditsAreOuterAndScalesInner() {
        RouterSpec r = RouterSpec.kvRouter().overlapCredits(0.0, 1.0).prefillLoadScales(0.5, 2.0).build();
        assertThat(r.knobs()).containsExactly(new Knobs(0, 0.5), new Knobs(0, 2), new Knobs(1, 0.5), new Knobs(1, 2));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void deprecatedWeightsMapToOneStateEachWithAWarning() {
        ReplayOptimizeSpec spec = Specs.fromYaml(MINIMAL + "router: {overlapScoreWeights: [0, 0.5, 2]}\n");
        // w = 0 → credit 0, scale 0; w ≠ 0 → credit 1, scale w
        assertThat(spec.router().knobs()).containsExactly(new Knobs(0, 0), new Knobs(1, 0.5), new Knobs(1, 2));
        assertThat(spec.router().warnings()).singleElement().asString()
                .contains("overlapScoreWeights is deprecated").contains("overlapCredits and prefillLoadScales");
        assertThat(Specs.fromYaml(Specs.toYaml(spec))).isEqualTo(spec);
    }

    @Test
    void weightsAndCreditsTogetherAreRejected() {
        assertThatThrownBy(() -> Specs.fromYaml(MINIMAL + "router: {overlapScoreWeights: [1], overlapCredits: [1]}\n"))
                .hasMessageContaining("router.overlapScoreWeights").hasMessageContaining("either");
    }

    @Test
    void creditsStayInTheUnitInterval() {
        assertThatThrownBy(() -> Specs.fromYaml(MINIMAL + "router: {overlapCredits: [1.5]}\n"))
                .hasMessageContaining("router.overlapCredits[0]").hasMessageContaining("1.5")
                .hasMessageContaining("[0, 1]");
    }

    @Test
    void queueThresholdDefaultsTo16AndNullTurnsItOff() {
        assertThat(Specs.fromYaml(MINIMAL).router().baseRouterConfig().routerQueueThreshold()).isEqualTo(16.0);
        ReplayOptimizeSpec off = Specs.fromYaml(MINIMAL + "router: {baseRouterConfig: {routerQueueThreshold: null}}\n");
        assertThat(off.router().baseRouterConfig().routerQueueThreshold()).isNull();
        assertThat(Specs.fromYaml(Specs.toYaml(off))).isEqualTo(off);
        ReplayOptimizeSpec decay = Specs.fromYaml(MINIMAL
                + "router: {baseRouterConfig: {overlapScoreCreditDecay: 0.5, routerQueueThreshold: 2}}\n");
        assertThat(decay.router().baseRouterConfig().overlapScoreCreditDecay()).isEqualTo(0.5);
        assertThat(decay.router().baseRouterConfig().routerQueueThreshold()).isEqualTo(2.0);
        assertThat(decay.router().knobs().stream().map(Knobs::prefillLoadScale).distinct()).hasSize(6);
    }
}
