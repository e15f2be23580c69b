package io.servesim.cluster;

import io.servesim.engine.Sequence;
import io.servesim.workload.Request;

/**
 * Something that happens at a time in a run: a worker's pass ends ({@link #PASS_END}), a prompt's KV lands on a
 * decode worker ({@link #HANDOFF}), a sent request reaches the
 * engine after its per-request overhead ({@link #DELIVER}), or a request (a later turn) arrives ({@link #ARRIVAL}).
 * Ordered by time, then by creation order, so runs are deterministic. Creation order is spelled out without counting
 * pass ends, so that a worker planning several passes at once (one event for them all) leaves every other event's
 * place unchanged: first the time the event was created; at one instant, the events created while handling that
 * instant (numbered as created) come before the pass ends started at its close, which the cluster starts pool by
 * pool and worker by worker. One final class (not a sealed family) because the event queue compares events millions
 * of times per run and a monomorphic comparison is several times faster.
 */
final class Event implements Comparable<Event> {
    static final int PASS_END = 0;
    static final int HANDOFF = 1;
    static final int ARRIVAL = 2;
    static final int DELIVER = 3;

    /** Pass ends come after the other events created at the same instant, in pool then worker order. */
    private static final long PASS_ENDS = 1L << 62;

    /** Mutable only for a pass end that is out of the queue and rescheduled (see {@link #reschedule}). */
    double timeMs;
    double createdMs;
    final long order;
    final int kind;
    final Pool pool;
    final int worker;
    final Sequence seq;
    final Request request;
    /** Set when a worker's plan changed after this pass end was queued: the queue drops it. */
    boolean cancelled;
    /** True while the event is in the queue (set and cleared by {@link EventQueue}). */
    boolean queued;

    private Event(double timeMs, double createdMs, long order, int kind, Pool pool, int worker, Sequence seq,
                  Request request) {
        this.timeMs = timeMs;
        this.createdMs = createdMs;
        this.order = order;
        this.kind = kind;
        this.pool = pool;
        this.worker = worker;
        this.seq = seq;
        this.request = request;
    }

    /** Worker {@code worker} of {@code pool} finishes the pass (or the last of the passes) it started at {@code startMs}. */
    static Event passEnd(double timeMs, double startMs, Pool pool, int worker) {
        return new Event(timeMs, startMs, PASS_ENDS + ((long) pool.rank << 31) + worker, PASS_END, pool, worker, null,
                null);
    }

    /**
     * Makes this pass end, already taken out of the queue, the worker's next one (ending at {@code timeMs}, started
     * at {@code startMs}): the same event a new {@link #passEnd} would be, without allocating one per pass.
     */
    void reschedule(double timeMs, double startMs) {
        this.timeMs = timeMs;
        this.createdMs = startMs;
        this.cancelled = false;
    }

    /** The prompt KV of {@code seq} arrives at decode worker {@code worker}; {@code order}: the n-th event created. */
    static Event handoff(double timeMs, double nowMs, long order, Sequence seq, int worker) {
        return new Event(timeMs, nowMs, order, HANDOFF, null, worker, seq, null);
    }

    /** {@code seq} reaches the queue of {@code pool} after the engine's per-request overhead. */
    static Event deliver(double timeMs, double nowMs, long order, Pool pool, Sequence seq) {
        return new Event(timeMs, nowMs, order, DELIVER, pool, -1, seq, null);
    }

    /** {@code request} arrives (a later turn of a session). */
    static Event arrival(double timeMs, double nowMs, long order, Request request) {
        return new Event(timeMs, nowMs, order, ARRIVAL, null, -1, null, request);
    }

    @Override
    public int compareTo(Event o) {
        return EventQueue.before(this, o) ? -1 : EventQueue.before(o, this) ? 1 : 0;
    }
}
