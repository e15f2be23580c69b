package io.servesim.workload;

/**
 * Writes requests to a trace file in one {@link TraceFormat}, one request at a time, in arrival order. Not
 * thread-safe; close it (try-with-resources) to flush the file. I/O failures are {@link java.io.UncheckedIOException}s.
 */
public interface TraceWriter extends AutoCloseable {
    /** Appends {@code request} (its arrival time, lengths and prompt block hashes). */
    void write(Request request);

    @Override
    void close();
}
