package io.servesim.arch;

import io.servesim.metrics.ReplayMetrics;
import io.servesim.optimize.LocalEvaluator;
import io.servesim.optimize.OptimizationResult;
import io.servesim.optimize.ProgressListener;
import io.servesim.optimize.ReplayOptimizer;
import io.servesim.report.Export;
import io.servesim.report.HtmlReport;
import io.servesim.spec.EngineSpec;
import io.servesim.spec.HardwareSpec;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.WorkloadSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * What an application does with the simulator core alone: a small sweep and one replay. {@link CoreOnlyTest} loads
 * this class in a class loader without the optional jars (picocli, DuckDB, tablesaw-jsplot, plotly.js); only
 * {@code java.*} types cross between the loaders.
 */
public final class CoreOnlyRun {
    private CoreOnlyRun() {
    }

    /** Runs a sweep of a 2-GPU disaggregated deployment and replays its first state; returns figures of both. */
    public static Map<String, Double> sweepAndReplay() {
        ReplayOptimizeSpec spec = ReplayOptimizeSpec.builder()
                .engine(EngineSpec.disaggregated("Qwen/Qwen3-8B", "vllm"))
                .hardware(HardwareSpec.of("h200_sxm", 2))
                .workload(WorkloadSpec.synthetic().isl(1000).osl(10).requestCount(20).concurrency(2))
                .maxParallelEvals(1).build();
        OptimizationResult sweep = ReplayOptimizer.optimize(spec, ProgressListener.NONE);
        ReplayMetrics replay = new LocalEvaluator(spec).replay(sweep.records().get(0).state(), true);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("states", (double) sweep.records().size());
        out.put("evaluated_rows", (double) sweep.evaluated().rowCount());
        out.put("completed_requests", replay.get("completed_requests"));
        out.put("request_records", (double) replay.requests().size());
        return out;
    }

    /** Returns the messages of the features that need optional jars: Parquet, the sweep files, an HTML section. */
    public static Map<String, String> optionalFeatures(Path dir) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("parquet", message(() -> Export.parquet(Table.create("t"), dir.resolve("t.parquet"))));
        out.put("html", message(() -> HtmlReport.replaySection("run", null)));
        return out;
    }

    private static String message(Runnable r) {
        try {
            r.run();
            return "ran";
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }
}
