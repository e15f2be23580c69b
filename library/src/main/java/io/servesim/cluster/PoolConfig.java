package io.servesim.cluster;

import io.servesim.spec.EngineArgs;
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
}
