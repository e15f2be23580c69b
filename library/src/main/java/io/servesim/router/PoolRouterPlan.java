package io.servesim.router;

import io.servesim.spec.KvRouterConfig;
import io.servesim.spec.WorkerType;
import java.util.Objects;

/**
 * The router of one pool of a run, as {@link RouterPlan} derives it: the pool's role, its setting and its KV router
 * settings. Immutable; {@link #create} builds the live router.
 */
public record PoolRouterPlan(WorkerType role, RouterSetting setting, KvRouterConfig config) {
    public PoolRouterPlan {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(config, "config");
    }

    /**
     * Returns a new router for a pool of {@code workers} workers with {@code blockSize}-token blocks and
     * {@code maxNumBatchedTokens} tokens per pass (the unit of the queue threshold).
     */
    public Router create(int workers, int blockSize, int maxNumBatchedTokens) {
        return setting.isKvRouter() ? new KvRouter(this, workers, blockSize, maxNumBatchedTokens)
                : new RoundRobinRouter(workers);
    }
}
