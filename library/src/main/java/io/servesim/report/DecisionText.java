package io.servesim.report;

import io.servesim.router.RoutingCost;
import io.servesim.router.RoutingDecision;
import java.util.List;
import java.util.Locale;

/**
 * Prints routing decisions as text: one header line per decision (time, pool, request, chosen worker, router queue
 * wait) and one line per worker with the KV router's cost terms, the chosen worker marked with {@code *}.
 */
public final class DecisionText {
    private DecisionText() {
    }

    /** Returns the decisions as text (a note when there are none). */
    public static String format(List<RoutingDecision> decisions) {
        if (decisions.isEmpty()) {
            return "no routing decisions\n";
        }
        StringBuilder b = new StringBuilder();
        for (RoutingDecision d : decisions) {
            b.append(String.format(Locale.ROOT, "t=%.1f ms  %s router  request %d -> worker %d%s%n", d.timeMs(),
                    d.pool(), d.requestId(), d.worker(), d.routerQueueMs() > 0
                            ? String.format(Locale.ROOT, "  (waited %.1f ms in the router queue)", d.routerQueueMs())
                            : ""));
            if (d.costs().isEmpty()) {
                b.append("    (round-robin: no cost)\n");
                continue;
            }
            b.append("      worker  overlap  prefill_blocks  credit_blocks  decay  decode_blocks  active    total\n");
            for (RoutingCost c : d.costs()) {
                b.append(String.format(Locale.ROOT, "    %s %6d %8d %15.2f %14.2f %6.3f %14.2f %7.2f %8.2f%n",
                        c.worker() == d.worker() ? "*" : " ", c.worker(), c.overlapBlocks(), c.prefillBlocks(),
                        c.creditBlocks(), c.decay(), c.decodeBlocks(), c.activeTerm(), c.total()));
            }
        }
        return b.toString();
    }
}
