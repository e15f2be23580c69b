package io.servesim.workload;

import io.servesim.spec.WorkloadSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The trace formats servesim reads and writes, by the name a spec's {@code workload.traceFormat} uses; each owns its
 * reader (a {@link Workload} replaying the file) and its writer.
 */
public enum TraceFormat {
    /** Mooncake JSONL: {@code timestamp}, {@code input_length}, {@code output_length}, {@code hash_ids} per line. */
    MOONCAKE(MooncakeTrace::new, MooncakeTraceWriter::new);

    private final BiFunction<WorkloadSpec.Trace, Integer, Workload> reader;
    private final Function<Path, TraceWriter> writer;

    TraceFormat(BiFunction<WorkloadSpec.Trace, Integer, Workload> reader, Function<Path, TraceWriter> writer) {
        this.reader = reader;
        this.writer = writer;
    }

    /** Returns the name specs use ({@code mooncake}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the format a spec names; other names fail naming {@code workload.traceFormat} and what is allowed. */
    public static TraceFormat named(String name) {
        for (TraceFormat f : values()) {
            if (f.id().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("workload.traceFormat is \"" + name + "\"; allowed: "
                + Arrays.stream(values()).map(TraceFormat::id).collect(Collectors.joining(", ")));
    }

    /** Returns the trace {@code spec} names, opened for a simulator with {@code blockSize}-token blocks. */
    public Workload open(WorkloadSpec.Trace spec, int blockSize) {
        return reader.apply(spec, blockSize);
    }

    /** Returns a writer creating (or replacing) {@code file} in this format; the caller closes it. */
    public TraceWriter writer(Path file) {
        return writer.apply(file);
    }
}
