package io.servesim.router;

import io.servesim.spec.KvRouterConfig;
import io.servesim.spec.WorkerType;
import java.util.Objects;

/**
 * The routers of one run: a deployment's {@link RouterSetting} on top of the KV router's base settings, and the rule
 * that turns them into each pool's router. Aggregated pools use both as given. Disaggregated, as the reference
 * harness does: the prefill router ignores decode blocks; the decode router has no overlap credit, no KV reuse and no
 * prefill load (so its queue never holds requests) and its own seed. Immutable.
 */
public record RouterPlan(RouterSetting setting, KvRouterConfig base) {
    public RouterPlan {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(base, "base");
    }

    /** Returns {@code setting} on the default base settings. */
    public static RouterPlan of(RouterSetting setting) {
        return new RouterPlan(setting, KvRouterConfig.defaults());
    }

    /** Returns the router of the single pool of an aggregated run. */
    public PoolRouterPlan forAggregatedPool() {
        return new PoolRouterPlan(WorkerType.AGGREGATED, setting, base);
    }

    /** Returns the router of a disaggregated run's prefill pool (decode blocks not tracked). */
    public PoolRouterPlan forPrefillPool() {
        return new PoolRouterPlan(WorkerType.PREFILL, setting,
                base.toBuilder().routerTrackActiveBlocks(false).build());
    }

    /** Returns the router of a disaggregated run's decode pool (no credit, no KV reuse, no prefill load). */
    public PoolRouterPlan forDecodePool() {
        return new PoolRouterPlan(WorkerType.DECODE,
                new RouterSetting(setting.mode(), 0.0, setting.prefillLoadScale()),
                base.toBuilder().routerAssumeKvReuse(false).routerTrackPrefillTokens(false)
                        .routerSeed(base.routerSeed() + 1).build());
    }
}
