package io.servesim.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.servesim.spec.Dtype;
import io.servesim.spec.EngineArgs;
import io.servesim.spec.KvCacheDtype;
import io.servesim.spec.Quantization;
import io.servesim.spec.Specs;
import org.junit.jupiter.api.Test;

/** FP8 weights and KV cache: bytes, capacity, which tables price the pass, and the vLLM names of the engine args. */
class PrecisionTest {
    static final EngineArgs BF16 = EngineArgs.defaults();
    static final EngineArgs FP8 = BF16.toBuilder().quantization(Quantization.FP8).build();
    static final EngineArgs FP8_KV = FP8.toBuilder().kvCacheDtype(KvCacheDtype.FP8).build();
    static final PerfModel LLAMA = PerfModel.of("meta-llama/Llama-3.1-70B", "h200_sxm");

    @Test
    void engineArgsUseVllmNamesAndRejectOthersInOneLine() {
        EngineArgs a = Specs.parse("dtype: bf16\nquantization: fp8\nkv_cache_dtype: fp8_e4m3\n", EngineArgs.class);
        assertThat(a.dtype()).isEqualTo(Dtype.BFLOAT16);
        assertThat(a.quantization()).isEqualTo(Quantization.FP8);
        assertThat(a.kvCacheDtype()).isEqualTo(KvCacheDtype.FP8);
        assertThat(Specs.parse("dtype: fp8\n", EngineArgs.class).dtype()).isEqualTo(Dtype.FP8);
        assertThat(Specs.parse("block_size: 16\n", EngineArgs.class).quantization()).isNull();
        assertThatThrownBy(() -> Specs.parse("quantization: int4\n", EngineArgs.class))
                .hasMessageContaining("quantization").hasMessageContaining("int4").hasMessageContaining("fp8")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> Specs.parse("kv_cache_dtype: fp4\n", EngineArgs.class))
                .hasMessageContaining("kv_cache_dtype").hasMessageContaining("auto, fp8");
        // unset precision keys stay out of the written spec (existing specs round-trip unchanged)
        assertThat(Specs.toYaml(BF16)).doesNotContain("dtype").doesNotContain("quantization");
        assertThat(Specs.toYaml(FP8_KV)).contains("quantization: fp8").contains("kv_cache_dtype: fp8");
    }

    @Test
    void precisionComesFromArgsOrTheCheckpoint() {
        ModelCard bf16 = ModelCard.of("meta-llama/Llama-3.1-70B-Instruct");
        ModelCard fp8 = ModelCard.of("nvidia/Llama-3.1-70B-Instruct-FP8");
        assertThat(Precision.of(bf16, BF16)).isEqualTo(Precision.BF16);
        assertThat(Precision.of(bf16, FP8)).isEqualTo(new Precision(true, false));
        assertThat(Precision.of(bf16, BF16.toBuilder().dtype(Dtype.FP8).build()).fp8Weights()).isTrue();
        assertThat(Precision.of(fp8, BF16)).isEqualTo(new Precision(true, false));
        assertThat(Precision.of(fp8, BF16.toBuilder().dtype(Dtype.BFLOAT16).build()).fp8Weights()).isTrue();
        assertThat(Precision.of(bf16, FP8_KV).label()).isEqualTo("fp8 + fp8 KV");
    }

    /**
     * Llama-3.1-70B: 80 × 855.6M linear weights = 68.45e9 + 2 × 128256 × 8192 = 2.10e9 embedding/LM head weights.
     * BF16: 2 × 70.55e9 = 141.1 GB; FP8: 68.45e9 × 1 + 2.10e9 × 2 = 72.65 GB. KV per token per rank at TP 1:
     * 2 × 8 × 128 × 80 = 163,840 elements: 320 KiB in BF16, 160 KiB in FP8.
     */
    @Test
    void fp8HalvesLinearWeightsAndFp8KvHalvesKvBytes() {
        ModelCard m = LLAMA.model();
        assertThat(m.weightBytes(Precision.BF16)).isEqualTo(2 * m.parameters());
        long linear = m.layers() * m.linearParamsPerLayer();
        assertThat(m.weightBytes(new Precision(true, false))).isEqualTo(linear + 2 * m.embeddingParams());
        assertThat(m.weightBytes(new Precision(true, false)) / 1e9).isCloseTo(72.65, offset(0.05));
        assertThat(LLAMA.kvBytesPerTokenPerRank(1, BF16)).isEqualTo(320 * 1024);
        assertThat(LLAMA.kvBytesPerTokenPerRank(1, FP8_KV)).isEqualTo(160 * 1024);
        assertThat(LLAMA.kvBytesPerToken(FP8_KV)).isEqualTo(LLAMA.kvBytesPerToken() / 2);
    }

    @Test
    void fp8FitsLlama70bOnOneH200AndDoublesKvWithFp8Kv() {
        assertThat(LLAMA.tpCandidates(BF16)).containsExactly(2, 4, 8);
        assertThat(LLAMA.tpCandidates(FP8)).containsExactly(1, 2, 4, 8);
        KvCapacity fp8 = LLAMA.capacity(1, FP8);
        KvCapacity fp8Kv = LLAMA.capacity(1, FP8_KV);
        assertThat(fp8Kv.kvBudgetBytes()).isEqualTo(fp8.kvBudgetBytes());
        assertThat(fp8Kv.numGpuBlocks()).isBetween(2 * fp8.numGpuBlocks(), 2 * fp8.numGpuBlocks() + 1);
        // by hand: 141 GiB × 0.92 − 72.65e9 − max(70 MiB, 2 × 8192 × 8192 × 11) − 3.5 GiB = 61.4e9 B
        assertThat(fp8.kvBudgetBytes() / 1e9).isCloseTo(151.3976 * 0.92 - 72.65 - 1.476 - 3.758, offset(0.05));
    }

    @Test
    void fp8GemmsComeFromTheFp8TableAndFp8KvAttentionFromTheFp8KvTables() throws Exception {
        PerfTables t = PerfTables.forSku("h200_sxm").orElseThrow();
        double measured = MeasurementSource.shipped("h200_sxm").rows("gemm_perf.fp8.csv").stream()
                .filter(r -> r[0].equals("4096") && r[1].equals("5120") && r[2].equals("8192"))
                .mapToDouble(r -> Double.parseDouble(r[3])).average().orElseThrow();
        assertThat(t.gemm(5120, 8192, true).at(4096)).isCloseTo(measured, offset(1e-9));
        assertThat(measured).isCloseTo(0.316, offset(0.001));
        assertThat(t.gemm(128256, 8192, true)).as("the LM head stays BF16").isNull();
        assertThat(t.generationAttention(64, 8, true).get(4096.0).at(64)).isCloseTo(0.192, offset(0.001));
        // per-GPU layout of Llama-3.1-70B at TP 8 is 8q/1kv; decode of 64 sequences at 4096 context, 80 layers
        var bf16Kv = LLAMA.stepTimer(8, FP8).explain(decode(64, 4096));
        var fp8Kv = LLAMA.stepTimer(8, FP8_KV).explain(decode(64, 4096));
        double expected = t.generationAttention(8, 1, true).get(4096.0).at(64) * 80;
        assertThat(part(fp8Kv, "generation_attention_ms").ms()).isCloseTo(expected, offset(1e-9));
        assertThat(part(fp8Kv, "generation_attention_ms").source()).contains("FP8-KV attention table 8q/1kv");
        assertThat(part(fp8Kv, "generation_attention_ms").ms()).isLessThan(part(bf16Kv, "generation_attention_ms").ms());
        assertThat(part(fp8Kv, "gemm_ms").source()).contains("FP8 GEMM table");
    }

    @Test
    void fp8DecodeIsFasterThanBf16ButNotTwiceAsFast() {
        for (int tp : new int[] {2, 4, 8}) {
            double bf16 = LLAMA.stepTimer(tp, BF16).stepMs(decode(16, 2048));
            double fp8 = LLAMA.stepTimer(tp, FP8).stepMs(decode(16, 2048));
            assertThat(bf16 / fp8).as("TP%d", tp).isBetween(1.1, 2.0);
            // compute-bound prefill: the FP8 tensor cores help, far less than their 2x peak (measured ~1.3x)
            double bf16Prefill = LLAMA.stepTimer(tp, BF16).stepMs(new StepBatch().addPrefill(8192, 0));
            double fp8Prefill = LLAMA.stepTimer(tp, FP8).stepMs(new StepBatch().addPrefill(8192, 0));
            assertThat(bf16Prefill / fp8Prefill).as("TP%d prefill", tp).isBetween(1.05, 2.0);
        }
    }

    @Test
    void theRooflineHonoursPrecisionToo() {
        GpuSku sku = GpuSkus.of("h200_sxm");
        ModelCard m = LLAMA.model();
        var bf16 = new RooflineStepTimer(m, sku, 4, 1.0, Precision.BF16);
        var fp8 = new RooflineStepTimer(m, sku, 4, 1.0, new Precision(true, true));
        assertThat(fp8.stepMs(decode(1, 100))).isLessThan(bf16.stepMs(decode(1, 100)) * 0.7);
        assertThat(fp8.stepMs(decode(256, 30000))).isLessThan(bf16.stepMs(decode(256, 30000)));
    }

    @Test
    void aReplayWithFp8ServesFasterWithMoreKvBlocks() {
        java.util.function.Function<EngineArgs, io.servesim.metrics.ReplayMetrics> replay = args ->
                new io.servesim.optimize.LocalEvaluator(io.servesim.spec.ReplayOptimizeSpec.builder()
                        .engine(io.servesim.spec.EngineSpec.aggregated("meta-llama/Llama-3.1-70B", "vllm")
                                .allEngineArgs(args))
                        .hardware(io.servesim.spec.HardwareSpec.of("h200_sxm", 2))
                        .workload(io.servesim.spec.WorkloadSpec.synthetic().isl(1024).osl(128).requestCount(64)
                                .concurrency(16))
                        .router(io.servesim.spec.RouterSpec.roundRobin())
                        .objective(io.servesim.spec.Objective.THROUGHPUT).build())
                        .replay(io.servesim.optimize.DeploymentState.aggregated(2, 1,
                                io.servesim.router.RouterSetting.roundRobin()), false);
        var bf16 = replay.apply(BF16);
        var fp8 = replay.apply(FP8);
        assertThat(fp8.get("mean_tpot_ms")).isLessThan(bf16.get("mean_tpot_ms") * 0.9);
        assertThat(fp8.get("output_throughput_tok_s")).isGreaterThan(bf16.get("output_throughput_tok_s"));
        assertThat(LLAMA.numGpuBlocks(2, FP8)).isGreaterThan(LLAMA.numGpuBlocks(2, BF16));
    }

    @Test
    void theExampleStudyComparesPrecisionsAndGpusInOneRun() {
        var study = io.servesim.study.StudySpec.read(java.nio.file.Path.of("..", "notebooks", "specs",
                "study-precision-gpus.yaml"));
        assertThat(study.cellCount()).isEqualTo(6);
        var labels = new java.util.ArrayList<String>();
        for (var cell : study.cells()) {
            var spec = cell.spec();
            PerfModel perf = PerfModel.of(spec.engine().model(), spec.hardware().gpuSku());
            labels.add(spec.hardware().gpuSku() + " " + perf.precision(spec.engine().baseEngineArgs()).label());
        }
        assertThat(labels).containsExactlyInAnyOrder("h100_sxm bf16", "h200_sxm bf16", "b200 bf16", "h100_sxm fp8",
                "h200_sxm fp8", "b200 fp8");
    }

    static StepBatch decode(int n, int context) {
        StepBatch b = new StepBatch();
        for (int i = 0; i < n; i++) {
            b.addDecode(context);
        }
        return b;
    }

    static OperatorTime part(java.util.List<OperatorTime> parts, String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
