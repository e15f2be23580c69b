package io.servesim.workload;

import io.servesim.spec.WorkloadSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests of one workload spec, made once and handed to every run that replays it (every state of a sweep sees
 * the same request stream, so generating or parsing it once per state is wasted work). Synthetic workloads and
 * strict traces are recorded by the first run that reads them to the end, when their first-turn requests fit in a
 * memory bound (a quarter of the heap, at most {@value #MAX_BYTES} bytes); bigger ones, lenient traces (whose runs
 * report the lines they skipped) and other kinds are streamed afresh for every run. A plain-text trace whose first and
 * last lines project it well over the bound is streamed from the first run on, without starting a recording. Runs
 * see exactly the requests a fresh {@link Workloads#create} would give. Thread-safe; requests are immutable and
 * shared.
 */
public final class SharedWorkload {
    static final long MAX_BYTES = 256L << 20;
    private static final long REQUEST_BYTES = 80;

    private final WorkloadSpec spec;
    private final int blockSize;
    private final int maxContextTokens;
    private final long maxBytes;
    private Recording recording;
    private boolean streamed;
    private boolean recorder;

    private record Recording(Request[] requests, Workload turns, int concurrency, long expected) {
    }

    /** Creates the shared workload of {@code spec} with {@code blockSize}-token blocks and no context limit. */
    public SharedWorkload(WorkloadSpec spec, int blockSize) {
        this(spec, blockSize, Integer.MAX_VALUE);
    }

    /**
     * Creates the shared workload of {@code spec} with {@code blockSize}-token blocks whose spread lengths are
     * truncated so that prompt + answer fit {@code maxContextTokens}.
     */
    public SharedWorkload(WorkloadSpec spec, int blockSize, int maxContextTokens) {
        this(spec, blockSize, maxContextTokens, Math.min(MAX_BYTES, Runtime.getRuntime().maxMemory() / 4));
    }

    SharedWorkload(WorkloadSpec spec, int blockSize, int maxContextTokens, long maxBytes) {
        this.spec = spec;
        this.blockSize = blockSize;
        this.maxContextTokens = maxContextTokens;
        this.maxBytes = maxBytes;
        this.streamed = spec instanceof WorkloadSpec.Trace t && t.lenientTrace();
    }

    /**
     * Returns a fresh workload for one run: over the recorded requests once they are known; otherwise a stream that
     * the first such run also records as it goes (dropping the copy if it outgrows the bound).
     */
    public synchronized Workload open() {
        if (recording != null) {
            return new Replay(recording, blockSize);
        }
        Workload w = Workloads.create(spec, blockSize, maxContextTokens);
        if (streamed || recorder || !(w instanceof SyntheticWorkload || w instanceof MooncakeTrace)) {
            return w;
        }
        if (w instanceof MooncakeTrace && spec instanceof WorkloadSpec.Trace t && outgrows(t)) {
            streamed = true;
            return w;
        }
        recorder = true;
        return new Recorder(w);
    }

    /**
     * Returns true when a plain-text trace's requests, projected from its first and last lines, would clearly outgrow
     * the bound (by a quarter): it is then streamed from the first run on. Recording it would only hold memory until
     * the bound is hit, and dropping the recording mid-run makes the JIT recompile the simulator's main loop.
     */
    private boolean outgrows(WorkloadSpec.Trace t) {
        return TraceSample.projectedBytes(Path.of(t.traceFile()), blockSize, REQUEST_BYTES) > maxBytes + maxBytes / 4;
    }

    /** Returns true once the requests are recorded (false while not yet recorded or when they are streamed). */
    public synchronized boolean recorded() {
        return recording != null;
    }

    /** Ends the recording run: keeps {@code r} when complete; a null {@code r} means retry, unless it overflowed. */
    private synchronized void finished(Recording r, boolean overflowed) {
        recorder = false;
        recording = r;
        streamed = overflowed;
    }

    /** The first run's stream, keeping each first-turn request until the end or until they outgrow the bound. */
    private final class Recorder implements Workload {
        private final Workload w;
        private List<Request> kept = new ArrayList<>();
        private long bytes;
        private boolean done;
        private boolean overflowed;

        Recorder(Workload w) {
            this.w = w;
        }

        @Override
        public int concurrency() {
            return w.concurrency();
        }

        @Override
        public int blockSize() {
            return w.blockSize();
        }

        @Override
        public Request next() {
            Request q = w.next();
            if (kept != null) {
                if (q == null) {
                    done = true;
                    finished(new Recording(kept.toArray(new Request[0]), w, w.concurrency(), w.expectedRequests()),
                            false);
                    kept = null;
                } else {
                    bytes += REQUEST_BYTES + 8L * q.blockHashes().length;
                    if (bytes > maxBytes) {
                        kept = null;
                        overflowed = true;
                    } else {
                        kept.add(q);
                    }
                }
            }
            return q;
        }

        @Override
        public Request onCompleted(Request request, double timeMs) {
            return w.onCompleted(request, timeMs);
        }

        @Override
        public long expectedRequests() {
            return w.expectedRequests();
        }

        @Override
        public double rampUpMs() {
            return w.rampUpMs();
        }

        @Override
        public int warmupRequests() {
            return w.warmupRequests();
        }

        @Override
        public void close() {
            try {
                w.close();
            } finally {
                if (!done) {
                    // outgrew the bound: later runs stream; failed early (a state that cannot serve a request):
                    // the next run records
                    done = true;
                    finished(null, overflowed);
                }
            }
        }
    }

    /**
     * One run's view of a recording; later turns and the load settings come from the generator, whose
     * {@code onCompleted} is pure.
     */
    private static final class Replay implements Workload {
        private final Recording r;
        private final int blockSize;
        private int next;

        Replay(Recording r, int blockSize) {
            this.r = r;
            this.blockSize = blockSize;
        }

        @Override
        public int concurrency() {
            return r.concurrency();
        }

        @Override
        public int blockSize() {
            return blockSize;
        }

        @Override
        public Request next() {
            return next < r.requests().length ? r.requests()[next++] : null;
        }

        @Override
        public Request onCompleted(Request request, double timeMs) {
            return r.turns().onCompleted(request, timeMs);
        }

        @Override
        public long expectedRequests() {
            return r.expected();
        }

        @Override
        public double rampUpMs() {
            return r.turns().rampUpMs();
        }

        @Override
        public int warmupRequests() {
            return r.turns().warmupRequests();
        }
    }
}
