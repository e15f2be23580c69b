package io.servesim.optimize;

import io.servesim.router.RouterSetting;
import io.servesim.spec.Defaults;

/** One router configuration a sweep tries: the mode and, for the KV router, its overlap credit and prefill load scale. */
public record RouterState(String mode, double overlapScoreCredit, double prefillLoadScale) {
    /** Round-robin as result tables report it (credit 0, scale 1). */
    public static final RouterState ROUND_ROBIN = new RouterState(RouterSetting.ROUND_ROBIN,
            Defaults.ROUND_ROBIN_CREDIT, Defaults.ROUND_ROBIN_SCALE);

    /** Returns the KV router with the given knobs. */
    public static RouterState kvRouter(double credit, double scale) {
        return new RouterState(RouterSetting.KV_ROUTER, credit, scale);
    }

    /**
     * Returns the router state for a mode name ({@code kv_router} with the given knobs, or {@code round_robin});
     * other names fail naming the value and the allowed ones.
     */
    public static RouterState named(String mode, double credit, double scale) {
        return switch (mode) {
            case RouterSetting.KV_ROUTER -> kvRouter(credit, scale);
            case RouterSetting.ROUND_ROBIN -> ROUND_ROBIN;
            default -> throw new IllegalArgumentException("--router-mode is \"" + mode
                    + "\"; allowed: kv_router, round_robin");
        };
    }

    /** Returns true for the KV router. */
    public boolean isKvRouter() {
        return RouterSetting.KV_ROUTER.equals(mode);
    }
}
