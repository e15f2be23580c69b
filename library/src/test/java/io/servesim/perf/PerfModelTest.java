package io.servesim.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servesim.spec.EngineArgs;
import org.junit.jupiter.api.Test;

/** Model cards, KV capacity checked by hand, and the roofline step timer's physical sanity. */
class PerfModelTest {
    static final PerfModel QWEN = PerfModel.of("Qwen/Qwen3-32B", "h200_sxm");
    static final EngineArgs ARGS = EngineArgs.defaults();

    @Test
    void qwen3With32BillionParameters() {
        ModelCard m = QWEN.model();
        assertThat(m.parameters()).isBetween(32_700_000_000L, 32_800_000_000L);
        assertThat(m.kvBytesPerTokenPerRank(1)).isEqualTo(256 * 1024);
        assertThat(m.kvBytesPerTokenPerRank(4)).isEqualTo(64 * 1024);
        assertThat(m.kvBytesPerTokenPerRank(8)).isEqualTo(32 * 1024);
        assertThat(m.kvBytesPerToken()).isEqualTo(256 * 1024);
    }

    /**
     * By hand, util 0.92, max_num_batched_tokens 8192, block 512: KV budget = 141 GiB × 0.92 − 32.76e9 × 2 / TP −
     * max(70 MiB, 2 × 8192 × 8192 × c[TP] / TP) − NCCL[TP] − 3.5 GiB; blocks = budget / (KV per token per rank × 512).
     * TP1: 139.29e9 − 65.52e9 − 1.476e9 − 3.758e9 = 68.53e9 B / (262144 × 512) = 510 blocks (AIC: 261,415 tokens).
     * TP2: 139.29e9 − 32.76e9 − 0.436e9 − 0.359e9 − 3.758e9 = 101.97e9 / (131072 × 512) = 1519.
     * TP4: 139.29e9 − 16.38e9 − 0.168e9 − 0.411e9 − 3.758e9 = 118.57e9 / (65536 × 512) = 3533.
     * TP8: 139.29e9 − 8.19e9 − 0.084e9 − 0.411e9 − 3.758e9 = 126.84e9 / (32768 × 512) = 7560.
     */
    @Test
    void kvCapacityByHand() {
        assertThat(QWEN.numGpuBlocks(1, ARGS)).isEqualTo(510);
        assertThat(QWEN.numGpuBlocks(2, ARGS)).isEqualTo(1519);
        assertThat(QWEN.numGpuBlocks(4, ARGS)).isEqualTo(3533);
        assertThat(QWEN.numGpuBlocks(8, ARGS)).isEqualTo(7560);
        assertThat(QWEN.numGpuBlocks(1, ARGS.toBuilder().numGpuBlocks(99).build())).isEqualTo(99);
    }

    @Test
    void shapesThatDoNotFitAreRejectedWithNumbers() {
        PerfModel llama = PerfModel.of("meta-llama/Llama-3.1-70B-Instruct", "h100_sxm");
        assertThat(llama.tpCandidates(ARGS)).containsExactly(2, 4, 8);
        assertThatThrownBy(() -> llama.numGpuBlocks(1, ARGS)).hasMessageContaining("does not fit at TP 1")
                .hasMessageContaining("GiB weights");
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        assertThatThrownBy(() -> PerfModel.of("acme/Giant-1T", "h200_sxm")).hasMessageContaining("Qwen/Qwen3-32B")
                .hasMessageContaining("servesim.models");
        assertThatThrownBy(() -> PerfModel.of("Qwen/Qwen3-32B", "tpu_v5")).hasMessageContaining("h200_sxm, h100_sxm, b200");
    }

    private static double decode(int tp, int batch, int context) {
        StepBatch b = new StepBatch();
        for (int i = 0; i < batch; i++) {
            b.addDecode(context);
        }
        return QWEN.stepTimer(tp, ARGS).stepMs(b);
    }

    private static double prefill(int tp, int tokens, int cached) {
        return QWEN.stepTimer(tp, ARGS).stepMs(new StepBatch().addPrefill(tokens, cached));
    }

    @Test
    void neverFasterThanThePhysicalBound() {
        GpuSku sku = QWEN.sku();
        for (int tp : new int[] {1, 2, 4, 8}) {
            double weightsMs = QWEN.model().weightBytes() / (double) tp / sku.memBandwidthBytesPerS() * 1000;
            assertThat(decode(tp, 1, 100)).isGreaterThan(weightsMs);
            double flopsMs = 8192 * QWEN.model().flopsPerToken() / tp / sku.bf16Flops() * 1000;
            assertThat(prefill(tp, 8192, 0)).isGreaterThan(flopsMs);
        }
    }

    @Test
    void monotoneInTokensAndContext() {
        double last = 0;
        for (int tokens = 16; tokens <= 16384; tokens *= 2) {
            double ms = prefill(2, tokens, 0);
            assertThat(ms).isGreaterThan(last);
            last = ms;
        }
        assertThat(prefill(2, 4096, 20000)).isGreaterThan(prefill(2, 4096, 0));
        for (int fresh : new int[] {16, 128, 1024, 8192}) {
            double last2 = 0;
            for (int cached = 0; cached <= 65536; cached = cached * 2 + 64) {
                double ms = prefill(4, fresh, cached);
                assertThat(ms).as("prefill %d new after %d cached", fresh, cached).isGreaterThanOrEqualTo(last2);
                last2 = ms;
            }
        }
        assertThat(decode(1, 32, 16000)).isGreaterThan(decode(1, 32, 1000));
        assertThat(decode(1, 64, 4000)).isGreaterThan(decode(1, 32, 4000));
    }

    @Test
    void tensorParallelismHelpsButLessThanLinearly() {
        double tp1 = decode(1, 64, 8192);
        double tp2 = decode(2, 64, 8192);
        assertThat(tp2).isLessThan(tp1);
        assertThat(tp1 / tp2).isLessThan(2.0);
        double p1 = prefill(1, 8192, 0);
        double p4 = prefill(4, 8192, 0);
        assertThat(p1 / p4).isBetween(2.0, 4.0);
    }

    @Test
    void polynomialModelMatchesTheReferenceCoefficients() {
        StepTimer poly = QWEN.stepTimer(4, ARGS.toBuilder().perfModel(io.servesim.spec.PerfModelKind.POLYNOMIAL).build());
        double t = 1000;
        assertThat(poly.stepMs(new StepBatch().addPrefill(1000, 0)))
                .isCloseTo(4.209989e-07 * t * t + 1.518344e-02 * t + 16.50142, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void measuredTablePointsAreReproducedExactly() throws Exception {
        PerfTables tables = PerfTables.forSku("h200_sxm").orElseThrow();
        // from the public measurements (csv/gemm_perf.bfloat16.csv): m=4096, n=5120, k=8192 -> 0.398 ms
        double measured = MeasurementSource.shipped("h200_sxm").rows("gemm_perf.bfloat16.csv").stream()
                .filter(r -> r[0].equals("4096") && r[1].equals("5120") && r[2].equals("8192"))
                .mapToDouble(r -> Double.parseDouble(r[3])).average().orElseThrow();
        assertThat(tables.gemm(5120, 8192).at(4096)).isCloseTo(measured, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(measured).isCloseTo(0.398, org.assertj.core.data.Offset.offset(0.001));
        // context attention 64q/8kv, b=1, isl 16384 -> 6.77 ms per layer; generation b=64, kv 4096 -> 0.256 ms
        assertThat(tables.contextAttention(64, 8).at(16384)).isCloseTo(6.77, org.assertj.core.data.Offset.offset(0.01));
        assertThat(tables.generationAttention(64, 8).get(4096.0).at(64)).isCloseTo(0.256,
                org.assertj.core.data.Offset.offset(0.001));
        assertThat(QWEN.stepTimer(2, ARGS)).isInstanceOf(TableStepTimer.class);
    }

    @Test
    void h100UsesItsOwnMeasuredTablesAndIsNeverFasterThanH200() {
        PerfModel h100 = PerfModel.of("Qwen/Qwen3-32B", "h100_sxm");
        assertThat(h100.stepTimer(2, ARGS)).isInstanceOf(TableStepTimer.class);
        assertThat(PerfTables.forSku("b200")).isEmpty();
        // H100 has 30% less HBM bandwidth than H200 and the same tensor peak: decode is slower, prefill about equal
        for (int tp : new int[] {1, 2, 4, 8}) {
            StepBatch decode = decodeBatch(128, 2048);
            assertThat(h100.stepTimer(tp, ARGS).stepMs(decode)).as("TP%d decode", tp)
                    .isGreaterThan(QWEN.stepTimer(tp, ARGS).stepMs(decode) * 1.1);
            StepBatch prefill = new StepBatch().addPrefill(8192, 0);
            assertThat(h100.stepTimer(tp, ARGS).stepMs(prefill) / QWEN.stepTimer(tp, ARGS).stepMs(prefill))
                    .as("TP%d prefill", tp).isBetween(0.9, 1.35);
        }
    }

    @Test
    void tablesAndRooflineAgreeWithinAFactorOfTwo() {
        var roof = new RooflineStepTimer(QWEN.model(), QWEN.sku(), 4, 1.0);
        var table = QWEN.stepTimer(4, ARGS);
        for (StepBatch b : new StepBatch[] {new StepBatch().addPrefill(8192, 0), new StepBatch().addPrefill(2048, 16000),
                decodeBatch(128, 4096), decodeBatch(8, 30000)}) {
            double ratio = table.stepMs(b) / roof.stepMs(b);
            assertThat(ratio).as("%s", b).isBetween(0.5, 2.0);
        }
    }

    private static StepBatch decodeBatch(int n, int context) {
        StepBatch b = new StepBatch();
        for (int i = 0; i < n; i++) {
            b.addDecode(context);
        }
        return b;
    }
}
