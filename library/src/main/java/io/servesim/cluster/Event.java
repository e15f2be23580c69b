package io.servesim.cluster;

import io.servesim.engine.Sequence;
import io.servesim.workload.Request;

/**
 * Something that happens at a time in a run: a worker's pass ends, a prompt's KV lands on a decode worker, or a
 * request (a later turn) arrives. Ordered by time, then by creation order, so runs are deterministic.
 */
sealed interface Event extends Comparable<Event> {
    double timeMs();

    long order();

    @Override
    default int compareTo(Event o) {
        int c = Double.compare(timeMs(), o.timeMs());
        return c != 0 ? c : Long.compare(order(), o.order());
    }

    /** Worker {@code worker} of {@code pool} finishes its pass. */
    record PassEnd(double timeMs, long order, Pool pool, int worker) implements Event {
    }

    /** The prompt KV of {@code seq} arrives at decode worker {@code worker}. */
    record Handoff(double timeMs, long order, Sequence seq, int worker) implements Event {
    }

    /** {@code request} arrives (a later turn of a session). */
    record Arrival(double timeMs, long order, Request request) implements Event {
    }
}
