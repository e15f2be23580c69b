package io.servesim.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Non-dominated states: no other state has at least the output throughput per GPU and at most the latency, with one
 * of them strictly better. Computed for mean TTFT and for mean end-to-end latency.
 */
public final class ParetoFrontier {
    private ParetoFrontier() {
    }

    /** Returns the states of {@code records} on the (throughput per GPU ↑, {@code latency} ↓) frontier, in input order. */
    public static List<EvaluatedState> of(List<EvaluatedState> records, ToDoubleFunction<EvaluatedState> latency) {
        List<EvaluatedState> out = new ArrayList<>();
        for (EvaluatedState a : records) {
            boolean dominated = false;
            for (EvaluatedState b : records) {
                double ta = a.outputThroughputPerGpu();
                double tb = b.outputThroughputPerGpu();
                double la = latency.applyAsDouble(a);
                double lb = latency.applyAsDouble(b);
                if (tb >= ta && lb <= la && (tb > ta || lb < la)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                out.add(a);
            }
        }
        return out;
    }
}
