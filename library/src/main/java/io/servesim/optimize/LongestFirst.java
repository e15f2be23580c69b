package io.servesim.optimize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which a batch's evaluations are started on the sweep's threads: longest first, so that no thread is
 * left running one long replay at the end of a batch while the others idle. A replay's cost depends mostly on its
 * topology (worker counts and TP shapes), barely on the router state, so the estimate of a state is the last measured
 * time of its topology; topologies not measured yet start first, in the given order. The order only decides which
 * thread runs what and when: records are still taken in the batch's order, so results never depend on it.
 * Thread-safe.
 */
final class LongestFirst {
    private final Map<Topology, Long> nanosByTopology = new HashMap<>();

    /** Records that an evaluation of {@code state} took {@code nanos}. */
    synchronized void measured(DeploymentState state, long nanos) {
        nanosByTopology.put(topology(state), nanos);
    }

    /** Returns the indexes of {@code states} in the order to start them. */
    synchronized List<Integer> order(List<DeploymentState> states) {
        List<Integer> order = new ArrayList<>(states.size());
        for (int i = 0; i < states.size(); i++) {
            order.add(i);
        }
        // unknown topologies first (as if endless), then by descending measured time; the sort is stable, so ties keep the batch order
        order.sort(Comparator.comparingLong(i -> -nanosByTopology.getOrDefault(topology(states.get(i)),
                Long.MAX_VALUE)));
        return order;
    }

    private static Topology topology(DeploymentState s) {
        return new Topology(s.aggregated(), s.prefillTp(), s.decodeTp(), s.prefillWorkers(), s.decodeWorkers(),
                s.router().mode());
    }

    /** A state without its router knobs (the KV router costs more than round-robin, so the mode stays). */
    private record Topology(boolean aggregated, int prefillTp, int decodeTp, int prefillWorkers, int decodeWorkers,
                            io.servesim.spec.RouterMode mode) {
    }
}
