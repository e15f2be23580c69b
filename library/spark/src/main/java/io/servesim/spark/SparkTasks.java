package io.servesim.spark;

import io.servesim.optimize.DeploymentState;
import io.servesim.optimize.LocalEvaluator;
import io.servesim.optimize.ProgressListener;
import io.servesim.optimize.ReplayOptimizer;
import io.servesim.optimize.SearchSpace;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.Specs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What runs inside Spark tasks. Each task gets everything it needs in its input (the cell's spec as JSON, a state
 * index), never relies on task order and returns plain values. Executors keep each cell's parsed spec and state list
 * so that the tasks of one cell parse them once per JVM.
 */
final class SparkTasks {
    private static final Map<String, Parsed> CACHE = Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
                    return size() > 64;
                }
            });

    private SparkTasks() {
    }

    private record Parsed(ReplayOptimizeSpec spec, LocalEvaluator evaluator, List<DeploymentState> states) {
    }

    /** Runs a whole descent cell and returns every evaluation it made. */
    static List<WireRecord> descentCell(String specJson) {
        ReplayOptimizeSpec spec = Specs.fromJson(specJson);
        LocalEvaluator local = new LocalEvaluator(spec);
        Map<DeploymentState, Map<String, Double>> seen = new ConcurrentHashMap<>();
        List<WireRecord> out = Collections.synchronizedList(new ArrayList<>());
        ReplayOptimizer.optimize(spec.withMaxParallelEvals(1), s -> {
            Map<String, Double> m = local.evaluate(s);
            if (seen.putIfAbsent(s, m) == null) {
                out.add(WireRecord.of(s, m));
            }
            return m;
        }, ProgressListener.NONE);
        return new ArrayList<>(out);
    }

    /** Evaluates state {@code index} of the cell's exhaustive list. */
    static WireRecord evaluate(String specJson, int index) {
        Parsed p = CACHE.computeIfAbsent(specJson, json -> {
            ReplayOptimizeSpec spec = Specs.fromJson(json);
            return new Parsed(spec, new LocalEvaluator(spec), new SearchSpace(spec).allStates());
        });
        DeploymentState s = p.states().get(index);
        return WireRecord.of(s, p.evaluator().evaluate(s));
    }
}
