package io.servesim.fidelity;

import io.servesim.cluster.PoolConfig;
import io.servesim.cluster.ReplayConfig;
import io.servesim.cluster.ReplayRunner;
import io.servesim.metrics.Metric;
import io.servesim.metrics.ReplayMetrics;
import io.servesim.perf.PerfModel;
import io.servesim.perf.StepBatch;
import io.servesim.router.RouterPlan;
import io.servesim.router.RouterSetting;
import io.servesim.spec.EngineArgs;
import io.servesim.spec.KvCacheDtype;
import io.servesim.spec.Quantization;
import io.servesim.spec.WorkloadSpec;
import io.servesim.workload.Workloads;

/**
 * Replays one measured row with a {@link FidelityMethod}: one aggregated worker of the row's GPU and TP under the
 * row's closed-loop load. Stateless; safe to call from several threads.
 */
final class RowReplay {
    private RowReplay() {
    }

    /**
     * Returns the prediction for {@code row}, or why it cannot be modelled; {@code ttftOverheadMs} and
     * {@code stepOverheadMs} pin the engine overheads (null = the backend's defaults). Never throws for a row.
     */
    static RowOutcome replay(MeasuredRow row, FidelityMethod method, Double ttftOverheadMs, Double stepOverheadMs) {
        if (!"agg".equals(row.mode())) {
            return new RowOutcome.Skipped(row, "mode " + row.mode() + " is not replayed (only agg, aggregated)");
        }
        if (!"bf16".equals(row.precision()) && !"fp8".equals(row.precision())) {
            return new RowOutcome.Skipped(row, "precision " + row.precision() + " is not modelled (bf16, fp8)");
        }
        try {
            PerfModel perf = PerfModel.of(row.model(), row.system());
            boolean fp8 = "fp8".equals(row.precision());
            EngineArgs args = EngineArgs.builder().blockSize(method.blockSize()).tensorParallelSize(row.tp())
                    .ttftOverheadMs(ttftOverheadMs).stepOverheadMs(stepOverheadMs)
                    // fp8 rows: per-tensor FP8 GEMMs (upstream gemm_quant_mode fp8)
                    .quantization(fp8 ? Quantization.FP8 : null).kvCacheDtype(kvCacheDtype(row, fp8)).build();
            ReplayConfig config = ReplayConfig.aggregated(row.model(), row.system(),
                    new PoolConfig(row.tp(), 1, args), RouterPlan.of(RouterSetting.roundRobin()));
            int c = row.concurrency();
            WorkloadSpec workload = WorkloadSpec.synthetic().isl(row.isl()).osl(row.osl())
                    .requestCount((method.requestsPerClient() + method.warmupPerClient()) * c).concurrency(c)
                    .warmupRequests(method.warmupPerClient() * c)
                    .islStddev(method.lengthStddevFraction() * row.isl())
                    .oslStddev(method.lengthStddevFraction() * row.osl())
                    .rampUpMs(method.rampUpDecodeTimes() * decodeTimeMs(perf, args, row)).arrivalSeed(method.seed()).build();
            ReplayMetrics m = ReplayRunner.run(config,
                    Workloads.create(workload, method.blockSize(), perf.model().maxContextTokens()));
            return new RowOutcome.Predicted(row, m.get(Metric.MEAN_TTFT_MS.name()), m.get(Metric.MEAN_TPOT_MS.name()));
        } catch (RuntimeException e) {
            return new RowOutcome.Skipped(row, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /**
     * Returns the KV-cache dtype to replay {@code row} with: the row's {@code kv_cache_dtype} column when given
     * ({@code auto}: the checkpoint's 16-bit type, null here), otherwise FP8 for FP8 rows and the checkpoint's type
     * for the others.
     */
    static KvCacheDtype kvCacheDtype(MeasuredRow row, boolean fp8) {
        String kv = row.kvCacheDtype();
        if (kv.isEmpty()) {
            return fp8 ? KvCacheDtype.FP8 : null;
        }
        return "fp8".equals(kv) ? KvCacheDtype.FP8 : null;
    }

    /** Returns one request's estimated decode time at the row's load: osl passes of a decode batch of c. */
    static double decodeTimeMs(PerfModel perf, EngineArgs args, MeasuredRow row) {
        StepBatch batch = new StepBatch();
        for (int i = 0; i < row.concurrency(); i++) {
            batch.addDecode(row.isl() + row.osl() / 2);
        }
        return row.osl() * (perf.stepTimer(row.tp(), args).stepMs(batch) + args.stepOverhead());
    }
}
