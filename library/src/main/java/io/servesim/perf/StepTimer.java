package io.servesim.perf;

import java.util.List;

/**
 * Prices one engine pass: how many milliseconds a worker of a fixed (model, GPU, TP) needs for a {@link StepBatch}.
 * Implementations are thread-safe, their results depend only on the batch (never on earlier calls or on threads:
 * a memo of exact results may fill as they are used), and {@link #stepMs(StepBatch)} must not
 * allocate once warm: it is the simulator's hot path.
 */
@FunctionalInterface
public interface StepTimer {
    /** Returns the duration in ms of one pass over {@code batch}; 0 for an empty batch. */
    double stepMs(StepBatch batch);

    /** Returns the parts of a pass over {@code batch} and where each number came from (not on the hot path). */
    default List<OperatorTime> explain(StepBatch batch) {
        return List.of(new OperatorTime("step_ms", stepMs(batch), getClass().getSimpleName()));
    }
}
