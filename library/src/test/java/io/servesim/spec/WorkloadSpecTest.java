package io.servesim.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The two kinds of workload: one flat spec section read into a Synthetic or a Trace, and the errors of mixing them. */
class WorkloadSpecTest {
    @Test
    void syntheticSectionReadsAsSyntheticAndRoundTrips() {
        WorkloadSpec w = Specs.parse("isl: 1024\nosl: 64\nrequestCount: 10\nrequestRate: 2.5\nislStddev: 100\n",
                WorkloadSpec.class);
        assertThat(w).isInstanceOf(WorkloadSpec.Synthetic.class);
        WorkloadSpec.Synthetic s = (WorkloadSpec.Synthetic) w;
        assertThat(s.requestRate()).isEqualTo(2.5);
        assertThat(s.concurrency()).isNull();
        assertThat(s.clients()).isZero();
        assertThat(s.islSpread()).isEqualTo(100);
        assertThat(s.oslSpread()).isZero();
        assertThat(s.turnsPerSession()).isEqualTo(Defaults.TURNS_PER_SESSION);
        String yaml = Specs.toYaml(w);
        assertThat(yaml).doesNotContain("trace").doesNotContain("concurrency");
        assertThat(Specs.parse(yaml, WorkloadSpec.class)).isEqualTo(w);
        assertThat(Specs.parse(Specs.toJson(w), WorkloadSpec.class)).isEqualTo(w);
        assertThat(w.toBuilder().build()).isEqualTo(w);
    }

    @Test
    void traceSectionReadsAsTraceAndRoundTrips() {
        WorkloadSpec w = Specs.parse("traceFile: t.jsonl\narrivalSpeedupRatio: 2\ntraceReplayConcurrency: 8\n",
                WorkloadSpec.class);
        assertThat(w).isInstanceOf(WorkloadSpec.Trace.class);
        WorkloadSpec.Trace t = (WorkloadSpec.Trace) w;
        assertThat(t.isTraceBased()).isTrue();
        assertThat(t.traceFormat()).isEqualTo("mooncake");
        assertThat(t.clients()).isEqualTo(8);
        assertThat(t.arrivalSeed()).isEqualTo(Defaults.ARRIVAL_SEED);
        String yaml = Specs.toYaml(w);
        assertThat(yaml).doesNotContain("isl").contains("traceBlockSize");
        assertThat(Specs.parse(yaml, WorkloadSpec.class)).isEqualTo(w);
        assertThat(Specs.parse(Specs.toJson(w), WorkloadSpec.class)).isEqualTo(w);
        assertThat(w.toBuilder().lenientTrace(true).build()).isEqualTo(new WorkloadSpec.Trace(Defaults.ARRIVAL_SEED,
                "t.jsonl", "mooncake", 2, 8, Defaults.TRACE_BLOCK_SIZE, true));
    }

    @Test
    void fluentBuilderGivesEachKind() {
        assertThat(WorkloadSpec.synthetic().isl(8).osl(8).requestCount(1).concurrency(1).build())
                .isInstanceOf(WorkloadSpec.Synthetic.class);
        assertThat(WorkloadSpec.trace("t.jsonl").build()).isInstanceOf(WorkloadSpec.Trace.class);
    }

    @Test
    void mixingKindsFailsNamingTheFields() {
        assertThatThrownBy(() -> Specs.parse("traceFile: t.jsonl\nisl: 5\nconcurrency: 2\n", WorkloadSpec.class))
                .hasMessageStartingWith("isl is set together with traceFile; synthetic-only fields [isl,"
                        + " concurrency] have no effect on a trace replay");
        assertThatThrownBy(() -> Specs.parse("traceFile: t.jsonl\nrampUpMs: 5\n", WorkloadSpec.class))
                .hasMessageStartingWith("rampUpMs is set together with traceFile; [rampUpMs] shape synthetic"
                        + " workloads only");
        assertThatThrownBy(() -> Specs.parse("isl: 5\nosl: 5\nrequestCount: 1\nconcurrency: 1\nlenientTrace: true\n",
                WorkloadSpec.class))
                .hasMessageStartingWith("lenientTrace is set but the workload has no traceFile; trace-only"
                        + " fields [lenientTrace] apply to trace replay only");
    }

    @Test
    void eachKindChecksItsOwnFields() {
        assertThatThrownBy(() -> WorkloadSpec.synthetic().osl(5).requestCount(1).concurrency(1).build())
                .hasMessage("workload.isl is missing; it is required");
        assertThatThrownBy(() -> WorkloadSpec.synthetic().isl(5).osl(5).requestCount(1).build())
                .hasMessageContaining("workload.concurrency is missing; set exactly one of concurrency");
        assertThatThrownBy(() -> WorkloadSpec.trace(" ").build()).hasMessageContaining("workload.traceFile is");
        assertThatThrownBy(() -> WorkloadSpec.trace("t.jsonl").traceFormat("applied_compute_agentic").build())
                .hasMessageContaining("allowed: mooncake (applied_compute_agentic is not read yet)");
    }
}
