package io.servesim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servesim.spec.WorkloadSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each trace format reads what it writes; the names match the ones a spec accepts. */
class TraceFormatTest {
    @Test
    void mooncakeWriterWritesOneSpacedObjectPerLineWithSmallIds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.jsonl");
        try (TraceWriter w = TraceFormat.MOONCAKE.writer(file)) {
            w.write(Request.of(0, 0.4, 1024, 8, new long[] {901, 902}));
            w.write(Request.of(1, 1500.6, 700, 3, new long[] {901, 903}));
        }
        assertThat(Files.readAllLines(file)).containsExactly(
                "{\"timestamp\": 0, \"input_length\": 1024, \"output_length\": 8, \"hash_ids\": [0, 1]}",
                "{\"timestamp\": 1501, \"input_length\": 700, \"output_length\": 3, \"hash_ids\": [0, 2]}");
    }

    @Test
    void mooncakeReadsBackWhatItWrote(@TempDir Path dir) {
        Path file = dir.resolve("t.jsonl");
        WorkloadSpec synthetic = WorkloadSpec.synthetic().isl(1000).osl(20).requestCount(30).requestRate(5)
                .sharedPrefixRatio(0.5).numPrefixGroups(3).build();
        List<Request> written;
        try (SyntheticWorkload w = new SyntheticWorkload(synthetic, 512);
             TraceWriter out = TraceFormat.MOONCAKE.writer(file)) {
            written = new java.util.ArrayList<>();
            for (Request r = w.next(); r != null; r = w.next()) {
                out.write(r);
                written.add(r);
            }
        }
        WorkloadSpec.Trace trace = (WorkloadSpec.Trace) WorkloadSpec.trace(file.toString()).build();
        try (Workload replay = TraceFormat.named(trace.traceFormat()).open(trace, 512)) {
            for (Request expected : written) {
                Request r = replay.next();
                assertThat(r.inputLength()).isEqualTo(expected.inputLength());
                assertThat(r.outputLength()).isEqualTo(expected.outputLength());
                assertThat(r.arrivalMs()).isEqualTo(Math.round(expected.arrivalMs()) - Math.round(written.get(0)
                        .arrivalMs()), org.assertj.core.data.Offset.offset(1e-9));
            }
            assertThat(replay.next()).isNull();
        }
    }

    @Test
    void namesAreTheSpecsTraceFormats() {
        assertThat(Arrays.stream(TraceFormat.values()).map(TraceFormat::id).toList())
                .isEqualTo(WorkloadSpec.TRACE_FORMATS);
        assertThat(TraceFormat.named("mooncake")).isEqualTo(TraceFormat.MOONCAKE);
        assertThatThrownBy(() -> TraceFormat.named("arc"))
                .hasMessage("workload.traceFormat is \"arc\"; allowed: mooncake");
    }
}
