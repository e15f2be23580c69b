package io.servesim.kernel.session;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Collects a cell's printed output and forwards it in batches (every 100 ms or 64 KiB) instead of one Jupyter message
 * per line, and stops forwarding after {@value #LIMIT_BYTES} bytes with a note, so a cell that prints a lot neither
 * floods the front end nor hangs the kernel.
 */
public final class BatchedOutput extends OutputStream {
    public static final int LIMIT_BYTES = 8 << 20;
    private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "servesim-output");
        t.setDaemon(true);
        return t;
    });

    private final PrintStream target;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
    private final ScheduledFuture<?> tick;
    private long forwarded;
    private boolean truncated;

    BatchedOutput(PrintStream target) {
        this.target = target;
        this.tick = TICKER.scheduleAtFixedRate(this::flushQuietly, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Returns a print stream writing into a new batcher of {@code target}. */
    public static PrintStream around(PrintStream target) {
        return new PrintStream(new BatchedOutput(target), false, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        buffer.write(b);
        if (buffer.size() >= 1 << 16) {
            flush();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        buffer.write(b, off, len);
        if (buffer.size() >= 1 << 16) {
            flush();
        }
    }

    @Override
    public synchronized void flush() {
        if (buffer.size() == 0) {
            return;
        }
        if (forwarded < LIMIT_BYTES) {
            byte[] bytes = buffer.toByteArray();
            int n = (int) Math.min(bytes.length, LIMIT_BYTES - forwarded);
            target.write(bytes, 0, n);
            forwarded += n;
            if (forwarded >= LIMIT_BYTES && !truncated) {
                truncated = true;
                target.print("\n[output truncated after " + (LIMIT_BYTES >> 20) + " MB]\n");
            }
            target.flush();
        }
        buffer.reset();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException ignored) {
            // the cell finished and its stream was detached; the final flush happens in close()
        }
    }

    @Override
    public void close() {
        tick.cancel(false);
        flush();
    }
}
