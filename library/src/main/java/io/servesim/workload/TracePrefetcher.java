package io.servesim.workload;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads a trace's requests on a background thread, a few thousand ahead of the run that pulls them, so that reading
 * and parsing the file overlap the simulation. The run sees exactly the requests, in the order, that reading on its
 * own thread would give; a line that fails (strict traces) fails the run when it pulls the request that line would
 * have been, with the reader's own exception; a lenient trace's skip count and first problem are those of the lines
 * before the last request pulled. The thread starts at the first pull and ends at the end of the file, on a failure,
 * or when {@link #close} is called (which waits for it). Hands requests over in batches through a bounded queue, so
 * memory stays small. One consumer thread.
 */
final class TracePrefetcher implements AutoCloseable {
    static final int BATCH = 1024;
    private static final int BATCHES = 8;
    private static final Request[] NOTHING = new Request[0];

    /**
     * Requests read in a row while the skip count stayed the same (so it holds for each of them), or the end of the
     * file ({@link Workload#END} last, with the final counts), or a failure to rethrow once its requests are pulled.
     */
    private record Batch(Request[] requests, int size, long skipped, String firstProblem, boolean last,
                         Throwable failure) {
    }

    private final TraceReader reader;
    private final Function<TraceLine, Request> convert;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES);
    private Thread thread;
    private volatile boolean closed;
    private Request[] requests = NOTHING;
    private int size;
    private int pos;
    private boolean last;
    private Throwable failure;
    private long skipped;
    private String firstProblem;

    /** Prefetches the lines of {@code reader}, turned into requests by {@code convert} (on the reading thread). */
    TracePrefetcher(TraceReader reader, Function<TraceLine, Request> convert) {
        this.reader = reader;
        this.convert = convert;
    }

    /** Returns the next request, or {@link Workload#END} (again and again) once the trace has no more. */
    Request next() {
        if (pos < size) {
            return requests[pos++];
        }
        return refill();
    }

    private Request refill() {
        if (last) {
            return Workload.END;
        }
        if (failure != null) {
            throw rethrow(failure);
        }
        Batch b = take();
        if (b.failure() != null) {
            // stay failed: a later pull fails the same way
            failure = b.failure();
            throw rethrow(failure);
        }
        requests = b.requests();
        size = b.size();
        pos = 0;
        last = b.last();
        skipped = b.skipped();
        firstProblem = b.firstProblem();
        return requests[pos++];
    }

    private Batch take() {
        if (thread == null) {
            thread = new Thread(this::read, "servesim-trace-reader");
            thread.setDaemon(true);
            thread.start();
        }
        try {
            while (true) {
                Batch b = queue.poll(100, TimeUnit.MILLISECONDS);
                if (b != null) {
                    return b;
                }
                if (!thread.isAlive() && queue.isEmpty()) {
                    // the reader always leaves its end or its failure; this guards against a hang all the same
                    throw new IllegalStateException("the trace reader stopped without finishing the trace");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("replay interrupted while reading the trace");
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }

    /** The reading thread: reads to the end of the file, handing over batches, until done, failed or closed. */
    private void read() {
        Request[] batch = new Request[BATCH];
        int n = 0;
        long count = 0;
        try {
            while (true) {
                TraceLine line = reader.next();
                if (line == null) {
                    break;
                }
                Request r = convert.apply(line);
                long s = reader.skippedLines();
                if (s != count && n > 0) {
                    // the lines just skipped count only for this request and later ones
                    put(new Batch(batch, n, count, reader.firstProblem(), false, null));
                    batch = new Request[BATCH];
                    n = 0;
                }
                count = s;
                batch[n++] = r;
                if (n == BATCH) {
                    put(new Batch(batch, n, count, reader.firstProblem(), false, null));
                    batch = new Request[BATCH];
                    n = 0;
                }
            }
            if (n > 0) {
                put(new Batch(batch, n, count, reader.firstProblem(), false, null));
            }
            put(new Batch(new Request[] {Workload.END}, 1, reader.skippedLines(), reader.firstProblem(), true, null));
        } catch (InterruptedException e) {
            // closed: nobody pulls any more
        } catch (Throwable t) {
            if (!closed) {
                try {
                    if (n > 0) {
                        put(new Batch(batch, n, count, reader.firstProblem(), false, null));
                    }
                    put(new Batch(NOTHING, 0, count, reader.firstProblem(), false, t));
                } catch (InterruptedException e) {
                    // closed meanwhile
                }
            }
        } finally {
            closeReader();
        }
    }

    private void put(Batch b) throws InterruptedException {
        if (closed) {
            throw new InterruptedException();
        }
        queue.put(b);
    }

    private void closeReader() {
        try {
            reader.close();
        } catch (RuntimeException e) {
            // the requests are all read (or the run is over): a failed close loses nothing
        }
    }

    /** Returns how many bad lines were skipped before the last request pulled (at the end: in the whole trace). */
    long skippedLines() {
        return skipped;
    }

    /** Returns the first skipped line's problem as of the last request pulled, or null. */
    String firstProblem() {
        return firstProblem;
    }

    /** Stops the reading thread and waits for it (it closes the file); closes the file itself if none started. */
    @Override
    public void close() {
        closed = true;
        if (thread == null) {
            reader.close();
            return;
        }
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            queue.clear();
            try {
                thread.join(100);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        queue.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
