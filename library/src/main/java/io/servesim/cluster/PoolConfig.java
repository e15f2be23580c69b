package io.servesim.cluster;

import io.servesim.spec.EngineArgs;
import io.servesim.spec.WorkerType;
import java.util.Objects;

/**
 * One pool of identical workers: {@code workers} engines of {@code tp} GPUs each, all with the same engine args
 * ({@code worker_type} says whether the pool does prefill, decode or both). Immutable.
 */
public record PoolConfig(int tp, int workers, EngineArgs args) {
    public PoolConfig {
        Objects.requireNonNull(args, "args");
        if (tp < 1) {
            throw new IllegalArgumentException("tp (" + tp + ") should be >= 1");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers (" + workers + ") should be >= 1");
        }
    }

    /** Returns the GPUs the pool uses. */
    public int gpus() {
        return tp * workers;
    }

    /**
     * Returns this pool with its engine args set to {@code role}; a decode pool does not prefix-cache (the prompt's KV
     * arrives from a prefill worker, so there is nothing for it to look up).
     */
    public PoolConfig as(WorkerType role) {
        EngineArgs a = args.withWorkerType(role);
        return new PoolConfig(tp, workers, role == WorkerType.DECODE ? a.withEnablePrefixCaching(false) : a);
    }
}
