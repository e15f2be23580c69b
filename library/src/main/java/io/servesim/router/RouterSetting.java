package io.servesim.router;

import io.servesim.spec.KvRouterConfig;
import java.util.Objects;

/**
 * One router configuration of a run: round-robin, or the KV router with its overlap credit and prefill load scale
 * (the two knobs a sweep varies) on top of the base settings. Immutable.
 */
public record RouterSetting(String mode, double overlapScoreCredit, double prefillLoadScale, KvRouterConfig base) {
    public static final String KV_ROUTER = "kv_router";
    public static final String ROUND_ROBIN = "round_robin";

    public RouterSetting {
        Objects.requireNonNull(base, "base");
        if (!KV_ROUTER.equals(mode) && !ROUND_ROBIN.equals(mode)) {
            throw new IllegalArgumentException("router mode (" + mode + ") should be kv_router or round_robin");
        }
        if (!(overlapScoreCredit >= 0 && overlapScoreCredit <= 1)) {
            throw new IllegalArgumentException("overlap_score_credit (" + overlapScoreCredit + ") should be in [0, 1]");
        }
        if (!(prefillLoadScale >= 0) || Double.isInfinite(prefillLoadScale)) {
            throw new IllegalArgumentException("prefill_load_scale (" + prefillLoadScale + ") should be >= 0");
        }
    }

    /** Returns the KV router with the given knobs and default base settings. */
    public static RouterSetting kvRouter(double overlapScoreCredit, double prefillLoadScale) {
        return new RouterSetting(KV_ROUTER, overlapScoreCredit, prefillLoadScale, KvRouterConfig.defaults());
    }

    /** Returns round-robin (credit 0, scale 1, as result tables report it). */
    public static RouterSetting roundRobin() {
        return new RouterSetting(ROUND_ROBIN, 0.0, 1.0, KvRouterConfig.defaults());
    }

    /** Returns true for the KV-aware router. */
    public boolean isKvRouter() {
        return KV_ROUTER.equals(mode);
    }
}
