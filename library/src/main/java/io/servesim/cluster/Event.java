package io.servesim.cluster;

import io.servesim.engine.Sequence;
import io.servesim.workload.Request;

/**
 * Something that happens at a time in a run: a worker's pass ends ({@link #PASS_END}), a prompt's KV lands on a
 * decode worker ({@link #HANDOFF}), a sent request reaches the
 * engine after its per-request overhead ({@link #DELIVER}), or a request (a later turn) arrives ({@link #ARRIVAL}). Ordered by time, then by
 * creation order, so runs are deterministic. One final class (not a sealed family) because the event queue compares
 * events millions of times per run and a monomorphic comparison is several times faster.
 */
final class Event implements Comparable<Event> {
    static final int PASS_END = 0;
    static final int HANDOFF = 1;
    static final int ARRIVAL = 2;
    static final int DELIVER = 3;

    final double timeMs;
    final long order;
    final int kind;
    final Pool pool;
    final int worker;
    final Sequence seq;
    final Request request;

    private Event(double timeMs, long order, int kind, Pool pool, int worker, Sequence seq, Request request) {
        this.timeMs = timeMs;
        this.order = order;
        this.kind = kind;
        this.pool = pool;
        this.worker = worker;
        this.seq = seq;
        this.request = request;
    }

    /** Worker {@code worker} of {@code pool} finishes its pass. */
    static Event passEnd(double timeMs, long order, Pool pool, int worker) {
        return new Event(timeMs, order, PASS_END, pool, worker, null, null);
    }

    /** The prompt KV of {@code seq} arrives at decode worker {@code worker}. */
    static Event handoff(double timeMs, long order, Sequence seq, int worker) {
        return new Event(timeMs, order, HANDOFF, null, worker, seq, null);
    }

    /** {@code seq} reaches the queue of {@code pool} after the engine's per-request overhead. */
    static Event deliver(double timeMs, long order, Pool pool, Sequence seq) {
        return new Event(timeMs, order, DELIVER, pool, -1, seq, null);
    }

    /** {@code request} arrives (a later turn of a session). */
    static Event arrival(double timeMs, long order, Request request) {
        return new Event(timeMs, order, ARRIVAL, null, -1, null, request);
    }

    @Override
    public int compareTo(Event o) {
        if (timeMs != o.timeMs) {
            return timeMs < o.timeMs ? -1 : 1;
        }
        return Long.compare(order, o.order);
    }
}
