package io.servesim.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The defaults a minimal spec gets, and the shipped examples. */
class SpecDefaultsTest {

    private static final String MINIMAL = """
            engine:
              model: Qwen/Qwen3-32B
              backend: vllm
              basePrefillEngineArgs: {}
              baseDecodeEngineArgs: {}
            hardware:
              totalGpus: 8
            workload:
              isl: 1000
              osl: 100
              requestCount: 10
              concurrency: 4
            """;

    @Test
    void minimalSpecGetsDocumentedDefaults() {
        ReplayOptimizeSpec spec = Specs.fromYaml(MINIMAL);
        EngineArgs prefill = spec.engine().basePrefillEngineArgs();
        assertThat(prefill.blockSize()).isEqualTo(512);
        assertThat(prefill.enablePrefixCaching()).isTrue();
        assertThat(prefill.numGpuBlocks()).isNull();
        assertThat(prefill.tensorParallelSize()).isNull();
        assertThat(prefill.perfModel()).isEqualTo(PerfModelKind.TABLES);
        assertThat(prefill.workerType()).isEqualTo(WorkerType.PREFILL);
        assertThat(spec.engine().baseDecodeEngineArgs().workerType()).isEqualTo(WorkerType.DECODE);
        assertThat(spec.hardware().gpuSku()).isEqualTo("h200_sxm");
        WorkloadSpec.Synthetic w = (WorkloadSpec.Synthetic) spec.workload();
        assertThat(w.sharedPrefixRatio()).isEqualTo(0.0);
        assertThat(w.numPrefixGroups()).isZero();
        assertThat(w.turnsPerSession()).isEqualTo(1);
        assertThat(w.arrivalSeed()).isEqualTo(42L);
        assertThat(w.isTraceBased()).isFalse();
        assertThat(spec.router().mode()).isEqualTo(RouterMode.KV_ROUTER);
        assertThat(spec.router().overlapCredits()).containsExactly(1.0);
        assertThat(spec.router().prefillLoadScales()).containsExactly(0.0, 0.25, 0.5, 1.0, 2.0, 4.0);
        assertThat(spec.objective()).isEqualTo(Objective.THROUGHPUT);
        assertThat(spec.maxParallelEvals()).isBetween(1, 8)
                .isEqualTo(Math.min(8, Runtime.getRuntime().availableProcessors()));
        assertThat(spec.sla().activeBounds()).isEmpty();
    }

    @Test
    void traceDefaults() {
        WorkloadSpec.Trace w = (WorkloadSpec.Trace) WorkloadSpec.trace("t.jsonl").build();
        assertThat(w.traceFormat()).isEqualTo("mooncake");
        assertThat(w.arrivalSpeedupRatio()).isEqualTo(1.0);
        assertThat(w.traceBlockSize()).isEqualTo(512);
        assertThat(w.traceReplayConcurrency()).isNull();
        assertThat(w.lenientTrace()).isFalse();
        assertThat(Specs.toYaml(w)).doesNotContain("isl");
    }

    @Test
    void defaultExampleIsTheDocumentedSweep() {
        ReplayOptimizeSpec spec = Specs.example(Specs.DEFAULT_EXAMPLE);
        assertThat(spec.engine().model()).isEqualTo("Qwen/Qwen3-32B");
        assertThat(spec.isDisaggregated()).isTrue();
        assertThat(spec.hardware().totalGpus()).isEqualTo(16);
        WorkloadSpec.Synthetic w = (WorkloadSpec.Synthetic) spec.workload();
        assertThat(w.isl()).isEqualTo(32768);
        assertThat(w.osl()).isEqualTo(256);
        assertThat(w.requestCount()).isEqualTo(5000);
        assertThat(w.concurrency()).isEqualTo(200);
        assertThat(w.sharedPrefixRatio()).isEqualTo(0.5);
        assertThat(w.numPrefixGroups()).isEqualTo(50);
        assertThat(spec.router().overlapCredits()).isEqualTo(List.of(0.0, 0.5, 1.0));
        assertThat(spec.objective()).isEqualTo(Objective.MEAN_E2E_LATENCY);
        assertThat(Specs.example(Specs.AGGREGATED_EXAMPLE).isDisaggregated()).isFalse();
        assertThat(Specs.example(Specs.TRACE_EXAMPLE).workload().isTraceBased()).isTrue();
    }

    @Test
    void slaFieldsTranslateToReportColumns() {
        SlaSpec sla = SlaSpec.builder().ttft(1000).itl(20).e2eLatency(9000).p95Ttft(2000).p95Itl(30).p95E2eLatency(12000)
                .build();
        assertThat(sla.activeBounds()).containsOnlyKeys("mean_ttft_ms", "mean_tpot_ms", "mean_e2e_latency_ms",
                "p95_ttft_ms", "p95_tpot_ms", "p95_e2e_latency_ms");
        assertThat(sla.activeBounds().get("mean_tpot_ms")).isEqualTo(20.0);
        assertThat(SlaSpec.REPORT_COLUMNS).containsEntry("ttft", "mean_ttft_ms").containsEntry("itl", "mean_tpot_ms")
                .containsEntry("e2eLatency", "mean_e2e_latency_ms").containsEntry("p95Ttft", "p95_ttft_ms")
                .containsEntry("p95Itl", "p95_tpot_ms").containsEntry("p95E2eLatency", "p95_e2e_latency_ms");
    }

    @Test
    void objectiveScoresHigherIsBetter() {
        assertThat(Objective.THROUGHPUT.reportColumn()).isEqualTo("output_throughput_tok_s");
        assertThat(Objective.MEAN_TTFT.reportColumn()).isEqualTo("mean_ttft_ms");
        assertThat(Objective.MEAN_E2E_LATENCY.reportColumn()).isEqualTo("mean_e2e_latency_ms");
        assertThat(Objective.named("mean_ttft")).isEqualTo(Objective.MEAN_TTFT);
    }

    @Test
    void violationPenaltySumsRelativeExcessOverBounds() {
        SlaSpec sla = SlaSpec.builder().ttft(1000).itl(20).build();
        java.util.Map<String, Double> metrics = java.util.Map.of("mean_ttft_ms", 1500.0, "mean_tpot_ms", 10.0);
        assertThat(sla.violationPenalty(metrics::get)).isEqualTo(0.5);
        assertThat(SlaSpec.none().violationPenalty(metrics::get)).isZero();
        assertThat(Objective.MEAN_TTFT.score(metrics::get)).isEqualTo(-1500.0);
    }
}
