package io.servesim.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.servesim.perf.PerfTables.Operator;
import io.servesim.spec.EngineArgs;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tables moved to GPUs without measurements. Validation: H100 SXM predicted from the H200 tables alone, against the
 * H100 tables measured on the real GPU (the figures PERF.md states).
 */
class TableTransferTest {
    static final GpuSku H200 = GpuSkus.of("h200_sxm");
    static final GpuSku H100 = GpuSkus.of("h100_sxm");
    static final PerfTables MEASURED_H200 = PerfTables.forSku("h200_sxm").orElseThrow();
    static final PerfTables MEASURED_H100 = PerfTables.forSku("h100_sxm").orElseThrow();
    static final PerfTables PREDICTED_H100 = TableTransfer.transfer(MEASURED_H200, H200, H100);

    @Test
    void stepsPredictedFromH200MatchTheMeasuredH100Tables() {
        for (String[] c : new String[][] {{"Qwen/Qwen3-32B", "bf16"}, {"meta-llama/Llama-3.1-70B", "fp8"},
            {"meta-llama/Llama-3.1-8B", "bf16"}}) {
            ModelCard m = ModelCard.of(c[0]);
            Precision p = new Precision(c[1].equals("fp8"), false);
            List<Double> errors = new ArrayList<>();
            List<Double> naive = new ArrayList<>();
            for (int tp : new int[] {1, 2, 4, 8}) {
                var own = new TableStepTimer(MEASURED_H100, m, H100, tp, 1.0, p);
                var moved = new TableStepTimer(PREDICTED_H100, m, H100, tp, 1.0, p);
                var unscaled = new TableStepTimer(MEASURED_H200, m, H100, tp, 1.0, p);
                for (StepBatch b : batches()) {
                    errors.add(Math.abs(moved.stepMs(b) / own.stepMs(b) - 1));
                    naive.add(Math.abs(unscaled.stepMs(b) / own.stepMs(b) - 1));
                }
            }
            double mape = mean(errors) * 100;
            System.out.printf(Locale.ROOT, "H100 from H200 tables, %s %s: step MAPE %.1f%% (max %.1f%%); H200 tables"
                    + " unscaled %.1f%%%n", c[0], c[1], mape, max(errors) * 100, mean(naive) * 100);
            assertThat(mape).as(c[0]).isLessThan(5);
            assertThat(mape).as(c[0] + " transfer beats no transfer").isLessThan(mean(naive) * 100);
        }
    }

    @Test
    void operatorsPredictedFromH200MatchTheMeasuredH100Points() {
        Map<Operator, List<Double>> errors = new EnumMap<>(Operator.class);
        for (Operator op : Operator.values()) {
            errors.put(op, new ArrayList<>());
        }
        // every measured H100 point against the transferred H200 curve of the same key at the same x
        MEASURED_H100.mapped("compare", (op, key, x, kv, ms) -> {
            Double predicted = PREDICTED_H100.pointAt(op, key, x, kv);
            if (predicted != null) {
                errors.get(op).add(Math.abs(predicted / ms - 1));
            }
            return ms;
        });
        for (var e : errors.entrySet()) {
            System.out.printf(Locale.ROOT, "H100 from H200, %-27s %5d points: median error %5.1f%%, mean %5.1f%%%n",
                    e.getKey(), e.getValue().size(), median(e.getValue()) * 100, mean(e.getValue()) * 100);
            assertThat(e.getValue()).as(e.getKey().name()).isNotEmpty();
        }
        for (var e : errors.entrySet()) {
            assertThat(median(e.getValue())).as(e.getKey().name()).isLessThan(0.08);
        }
    }

    @Test
    void gpusWithoutMeasurementsBorrowTheNearestAndScaleByTheBoundingRatio() {
        assertThat(TableTransfer.nearestMeasured(GpuSkus.of("b200")).orElseThrow().name()).isEqualTo("h200_sxm");
        assertThat(TableTransfer.tablesFor(GpuSkus.of("b200")).orElseThrow().provenance())
                .isEqualTo("transferred from h200_sxm");
        assertThat(TableTransfer.tablesFor(H100).orElseThrow().provenance()).isEqualTo("measured on h100_sxm");
        GpuSku b200 = GpuSkus.of("b200");
        long gemm = PerfTables.key(5120, 8192);
        double floor = 0.005;
        // compute-bound (m = 8192: 0.69 TFLOP, 151 MB): the part above the floor scales by dense FLOPs of the dtype
        assertThat(TableTransfer.point(Operator.GEMM_BF16, gemm, 8192, 0, 1.0, floor, 0.9, H200, b200))
                .isCloseTo(floor + (1.0 - floor) * 989 / 2250, offset(1e-12));
        assertThat(TableTransfer.point(Operator.GEMM_FP8, gemm, 8192, 0, 0.6, floor, 0.6, H200, b200))
                .isCloseTo(floor + (0.6 - floor) * 1978 / 4500, offset(1e-12));
        // weight streaming (m = 1: 84 MB in 0.025 ms, what 80% of 4.8 TB/s needs): by HBM bandwidth
        double streaming = TableTransfer.gemmBytes(false, gemm, 1) / (4.8e12 * 0.8) * 1000 + floor;
        assertThat(TableTransfer.point(Operator.GEMM_BF16, gemm, 1, 0, streaming, floor, 0.9, H200, b200))
                .isCloseTo(floor + (streaming - floor) * 4.8 / 8.0, offset(1e-12));
        assertThat(TableTransfer.point(Operator.GEMM_BF16, gemm, 1, 0, streaming, floor, 0.9, H200, H100))
                .isCloseTo(floor + (streaming - floor) * 4.8 / 3.35, offset(1e-12));
        // decode attention as slow as its KV bytes need: by bandwidth; prefill attention by FLOPs; all-reduce by NVLink
        double kvMs = 64 * 4096 * 2 * 8 * 128 * 2 / (4.8e12 * 0.85) * 1000;
        assertThat(TableTransfer.point(Operator.GENERATION_ATTENTION, PerfTables.key(64, 8), 64, 4096, kvMs + floor,
                floor, 0.9, H200, H100)).isCloseTo(floor + kvMs * 4.8 / 3.35, offset(1e-12));
        // ... and one slower than its bytes need keeps the extra time on a GPU with the same FLOPs
        assertThat(TableTransfer.point(Operator.GENERATION_ATTENTION, PerfTables.key(64, 8), 64, 4096,
                3 * kvMs + floor, floor, 0.9, H200, H100)).isCloseTo(floor + 3 * kvMs, offset(1e-12));
        assertThat(TableTransfer.point(Operator.CONTEXT_ATTENTION, PerfTables.key(64, 8), 4096, 0, 1.0, floor, 0.9,
                H200, b200)).isCloseTo(floor + (1.0 - floor) * 989 / 2250, offset(1e-12));
        assertThat(TableTransfer.point(Operator.ALLREDUCE, 8, 1 << 20, 0, 1.0, floor, 0.9, H200, b200))
                .isCloseTo(floor + (1.0 - floor) / 2, offset(1e-12));
        // the latency floor (fastest measured point of the kernel) does not scale, the rest does
        PerfTables b = TableTransfer.tablesFor(b200).orElseThrow();
        floor = MEASURED_H200.allReduce(2).minY();
        double measured = MEASURED_H200.allReduce(2).at(128);
        assertThat(b.allReduce(2).at(128)).isCloseTo(floor + (measured - floor) * 0.5, offset(1e-12));
        assertThat(b.allReduce(2).at(128)).isGreaterThanOrEqualTo(floor);
        assertThat(b.allReduce(8).at(1 << 26) / MEASURED_H200.allReduce(8).at(1 << 26)).isBetween(0.5, 0.52);
    }

    @Test
    void b200IsFasterThanH200AndH20SlowerAtPrefillWithSourcesNamed() {
        EngineArgs args = EngineArgs.defaults();
        PerfModel h200 = PerfModel.of("Qwen/Qwen3-32B", "h200_sxm");
        PerfModel b200 = PerfModel.of("Qwen/Qwen3-32B", "b200");
        PerfModel h20 = PerfModel.of("Qwen/Qwen3-32B", "h20");
        StepBatch prefill = new StepBatch().addPrefill(8192, 0);
        StepBatch decode = PrecisionTest.decode(64, 4096);
        for (int tp : new int[] {1, 2, 4, 8}) {
            assertThat(b200.stepTimer(tp, args)).isInstanceOf(TableStepTimer.class);
            double ratioPrefill = b200.stepTimer(tp, args).stepMs(prefill) / h200.stepTimer(tp, args).stepMs(prefill);
            assertThat(ratioPrefill).as("TP%d prefill", tp).isBetween(989 / 2250.0, 0.8);
            double ratioDecode = b200.stepTimer(tp, args).stepMs(decode) / h200.stepTimer(tp, args).stepMs(decode);
            assertThat(ratioDecode).as("TP%d decode", tp).isBetween(0.55, 0.9);
            assertThat(h20.stepTimer(tp, args).stepMs(prefill)).isGreaterThan(3 * h200.stepTimer(tp, args).stepMs(prefill));
            // H20: a sixth of H100's FLOPs but more bandwidth; small-batch decode streams weights, so it is not slower
            StepBatch small = PrecisionTest.decode(4, 2048);
            assertThat(h20.stepTimer(tp, args).stepMs(small))
                    .isLessThan(PerfModel.of("Qwen/Qwen3-32B", "h100_sxm").stepTimer(tp, args).stepMs(small));
        }
        List<OperatorTime> parts = b200.stepTimer(2, args).explain(decode);
        assertThat(parts).filteredOn(p -> p.name().equals("gemm_ms")).singleElement()
                .extracting(OperatorTime::source).asString().startsWith("transferred from h200_sxm");
        assertThat(parts).filteredOn(p -> p.name().equals("norms_activations_ms")).singleElement()
                .extracting(OperatorTime::source).asString().startsWith("roofline");
        assertThat(PerfModel.of("Qwen/Qwen3-32B", "h20").tables().orElseThrow().provenance())
                .isEqualTo("transferred from h100_sxm");
    }

    @Test
    void aModelWithUntabulatedShapesUsesTheNearestTabulatedShapesNotTheRoofline() {
        ModelCard custom = new ModelCard("acme/Dense-20B", 6144, 48, 48, 8, 128, 16384, 100000, false, 2);
        assertThat(TableStepTimer.covers(MEASURED_H200, custom, 2, Precision.BF16)).isTrue();
        var timer = new TableStepTimer(MEASURED_H200, custom, H200, 2, 1.0, Precision.BF16);
        StepBatch prefill = new StepBatch().addPrefill(4096, 0);
        assertThat(timer.explain(prefill)).filteredOn(p -> p.name().equals("gemm_ms")).singleElement()
                .extracting(OperatorTime::source).asString().contains("shapes scaled from the nearest tabulated one");
        double roofline = new RooflineStepTimer(custom, H200, 2, 1.0).stepMs(prefill);
        assertThat(timer.stepMs(prefill) / roofline).isBetween(0.5, 2.0);
    }

    static List<StepBatch> batches() {
        List<StepBatch> out = new ArrayList<>();
        for (int tokens : new int[] {256, 1024, 4096, 8192}) {
            out.add(new StepBatch().addPrefill(tokens, 0));
        }
        out.add(new StepBatch().addPrefill(2048, 6144));
        for (int n : new int[] {1, 8, 32, 128}) {
            for (int context : new int[] {1024, 8192}) {
                out.add(PrecisionTest.decode(n, context));
            }
        }
        StepBatch mixed = PrecisionTest.decode(32, 4096);
        mixed.addPrefill(1024, 0);
        out.add(mixed);
        return out;
    }

    static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    static double median(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length == 0 ? Double.NaN : s[s.length / 2];
    }
}
