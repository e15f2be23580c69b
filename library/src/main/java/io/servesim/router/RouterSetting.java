package io.servesim.router;

import io.servesim.spec.Defaults;
import io.servesim.spec.RouterMode;
import java.io.Serializable;
import java.util.Objects;

/**
 * The router of one deployment: round-robin, or the KV router with its overlap credit (in [0, 1]) and prefill load
 * scale (finite, &ge; 0), the two knobs a sweep varies; the one place they are range-checked.
 * Immutable and serialisable, so a deployment can travel to another process. The KV router's other settings are
 * added per run by {@link RouterPlan}.
 */
public record RouterSetting(RouterMode mode, double overlapScoreCredit, double prefillLoadScale)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final RouterSetting ROUND_ROBIN = new RouterSetting(RouterMode.ROUND_ROBIN,
            Defaults.ROUND_ROBIN_CREDIT, Defaults.ROUND_ROBIN_SCALE);

    public RouterSetting {
        Objects.requireNonNull(mode, "mode");
        if (mode == RouterMode.BOTH) {
            throw new IllegalArgumentException("router mode (" + mode.id() + ") should be kv_router or round_robin");
        }
        if (!(overlapScoreCredit >= 0 && overlapScoreCredit <= 1)) {
            throw new IllegalArgumentException("overlap_score_credit (" + overlapScoreCredit + ") should be in [0, 1]");
        }
        if (!(prefillLoadScale >= 0) || Double.isInfinite(prefillLoadScale)) {
            throw new IllegalArgumentException("prefill_load_scale (" + prefillLoadScale + ") should be >= 0");
        }
    }

    /** Returns the KV router with the given knobs. */
    public static RouterSetting kvRouter(double overlapScoreCredit, double prefillLoadScale) {
        return new RouterSetting(RouterMode.KV_ROUTER, overlapScoreCredit, prefillLoadScale);
    }

    /** Returns round-robin as result tables report it (credit 0, scale 1). */
    public static RouterSetting roundRobin() {
        return ROUND_ROBIN;
    }

    /** Returns true for the KV-aware router. */
    public boolean isKvRouter() {
        return mode == RouterMode.KV_ROUTER;
    }

    /** Returns {@code kv_router(credit 0.5, scale 1)} or {@code round_robin}. */
    public String label() {
        return isKvRouter() ? "kv_router(credit " + fmt(overlapScoreCredit) + ", scale " + fmt(prefillLoadScale) + ")"
                : mode.id();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
