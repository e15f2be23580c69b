package io.servesim.cluster;

import java.util.Arrays;

/**
 * The run's pending events as a binary min-heap ordered by time, then creation order (the order of
 * {@link Event#compareTo}), with the comparison written out so the hot loop makes no interface calls; cancelled
 * events are dropped when they reach the top. Not thread-safe.
 */
final class EventQueue {
    private Event[] heap = new Event[64];
    private int size;

    boolean isEmpty() {
        dropCancelled();
        return size == 0;
    }

    /** Returns the earliest event without removing it; the queue must not be empty. */
    Event peek() {
        dropCancelled();
        return heap[0];
    }

    private void dropCancelled() {
        while (size > 0 && heap[0].cancelled) {
            poll();
        }
    }

    void add(Event e) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        e.queued = true;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Event p = heap[parent];
            if (!before(e, p)) {
                break;
            }
            heap[i] = p;
            i = parent;
        }
        heap[i] = e;
    }

    /** Removes and returns the earliest event (cancelled or not); the queue must not be empty. */
    Event poll() {
        Event top = heap[0];
        top.queued = false;
        Event last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                Event c = heap[child];
                int right = child + 1;
                if (right < size && before(heap[right], c)) {
                    child = right;
                    c = heap[child];
                }
                if (!before(c, last)) {
                    break;
                }
                heap[i] = c;
                i = child;
            }
            heap[i] = last;
        }
        return top;
    }

    static boolean before(Event a, Event b) {
        if (a.timeMs != b.timeMs) {
            return a.timeMs < b.timeMs;
        }
        return a.createdMs < b.createdMs || (a.createdMs == b.createdMs && a.order < b.order);
    }
}
