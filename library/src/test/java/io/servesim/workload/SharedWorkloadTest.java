package io.servesim.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.spec.WorkloadSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs over a shared workload see exactly the requests of a fresh one, recorded once or streamed when too big. */
class SharedWorkloadTest {
    private static final WorkloadSpec MULTI_TURN = WorkloadSpec.synthetic().isl(1000).osl(100).requestCount(40)
            .requestRate(5.0).turnsPerSession(2).sharedPrefixRatio(0.5).numPrefixGroups(3).build();

    @Test
    void laterRunsReplayTheFirstRunsRequests() {
        SharedWorkload shared = new SharedWorkload(MULTI_TURN, 256);
        List<Request> fresh = drain(Workloads.create(MULTI_TURN, 256));
        assertThat(drain(shared.open())).isEqualTo(fresh);
        assertThat(shared.recorded()).isTrue();
        try (Workload replay = shared.open()) {
            assertThat(replay.expectedRequests()).isEqualTo(80);
            assertThat(replay.concurrency()).isZero();
            Request first = replay.next();
            assertThat(first).isSameAs(shared.open().next()).isEqualTo(fresh.get(0));
            assertThat(replay.onCompleted(first, 500)).isEqualTo(new SyntheticWorkload(MULTI_TURN, 256)
                    .onCompleted(first, 500));
        }
        assertThat(drain(shared.open())).isEqualTo(fresh);
    }

    @Test
    void closedLoopSettingsPassThrough() {
        WorkloadSpec spec = WorkloadSpec.synthetic().isl(600).osl(20).requestCount(30).concurrency(4)
                .rampUpMs(2000.0).warmupRequests(5).build();
        SharedWorkload shared = new SharedWorkload(spec, 256);
        Workload fresh = Workloads.create(spec, 256);
        for (int run = 0; run < 2; run++) {
            try (Workload w = shared.open()) {
                assertThat(w.concurrency()).isEqualTo(4);
                assertThat(w.rampUpMs()).isEqualTo(fresh.rampUpMs()).isEqualTo(2000.0);
                assertThat(w.warmupRequests()).isEqualTo(fresh.warmupRequests()).isEqualTo(5);
                assertThat(w.expectedRequests()).isEqualTo(fresh.expectedRequests());
                while (w.next() != null) {
                    assertThat(shared.recorded()).isEqualTo(run == 1);
                }
            }
        }
        assertThat(shared.recorded()).isTrue();
    }

    /** isl 3000 ± 2000 and osl 1000 ± 800 against a 4096-token context: some draws must be cut, none may exceed it. */
    @Test
    void spreadLengthsFitTheModelsContext() {
        WorkloadSpec spec = WorkloadSpec.synthetic().isl(3000).osl(1000).requestCount(200).requestRate(5.0)
                .islStddev(2000.0).oslStddev(800.0).arrivalSeed(7L).build();
        List<Request> capped = drain(new SharedWorkload(spec, 16, 4096).open());
        List<Request> uncapped = drain(new SharedWorkload(spec, 16).open());
        assertThat(capped).allSatisfy(r -> assertThat(r.inputLength() + r.outputLength()).isLessThanOrEqualTo(4096));
        assertThat(uncapped).anySatisfy(r -> assertThat(r.inputLength() + r.outputLength()).isGreaterThan(4096));
    }

    @Test
    void workloadsOverTheBoundAreStreamedForEveryRun() {
        SharedWorkload shared = new SharedWorkload(MULTI_TURN, 256, Integer.MAX_VALUE, 1000);
        List<Request> fresh = drain(Workloads.create(MULTI_TURN, 256));
        assertThat(drain(shared.open())).isEqualTo(fresh);
        assertThat(drain(shared.open())).isEqualTo(fresh);
        assertThat(shared.recorded()).isFalse();
    }

    @Test
    void aRunThatStopsEarlyLeavesTheRecordingToTheNextRun() {
        SharedWorkload shared = new SharedWorkload(MULTI_TURN, 256);
        try (Workload w = shared.open()) {
            w.next();
        }
        assertThat(shared.recorded()).isFalse();
        assertThat(drain(shared.open())).isEqualTo(drain(Workloads.create(MULTI_TURN, 256)));
        assertThat(shared.recorded()).isTrue();
    }

    @Test
    void strictTracesAreParsedOnce(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("t.jsonl");
        Files.writeString(trace, """
                {"timestamp": 0, "input_length": 600, "output_length": 4, "hash_ids": [1, 2]}
                {"timestamp": 10, "input_length": 300, "output_length": 2, "hash_ids": [1]}
                """);
        WorkloadSpec spec = WorkloadSpec.trace(trace.toString()).build();
        SharedWorkload shared = new SharedWorkload(spec, 512);
        List<Request> first = drain(shared.open());
        Files.delete(trace);
        assertThat(drain(shared.open())).hasSize(2).isEqualTo(first);
    }

    private static List<Request> drain(Workload w) {
        List<Request> out = new ArrayList<>();
        try (w) {
            for (Request r = w.next(); r != null; r = w.next()) {
                out.add(r);
            }
        }
        return out;
    }
}
