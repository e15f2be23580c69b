package io.servesim.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.spec.WorkloadSpec;
import org.junit.jupiter.api.Test;

/** Later turns extend the previous prompt and arrive after the configured delay. */
class MultiTurnTest {
    @Test
    void laterTurnExtendsThePromptKeepingItsFullBlocks() {
        WorkloadSpec spec = WorkloadSpec.synthetic().isl(1000).osl(100).requestCount(2).concurrency(1)
                .turnsPerSession(3).interTurnDelayMs(250).build();
        SyntheticWorkload w = new SyntheticWorkload(spec, 512);
        assertThat(w.expectedRequests()).isEqualTo(6);
        Request first = w.next();
        Request second = w.onCompleted(first, 4000);
        assertThat(second.turn()).isEqualTo(1);
        assertThat(second.sessionId()).isEqualTo(first.sessionId());
        assertThat(second.arrivalMs()).isEqualTo(4250);
        assertThat(second.inputLength()).isEqualTo(1000 + 100 + 1000);
        assertThat(second.blockHashes()[0]).isEqualTo(first.blockHashes()[0]);
        assertThat(second.blockHashes()[1]).as("the partial block changes").isNotEqualTo(first.blockHashes()[1]);
        Request third = w.onCompleted(second, 9000);
        assertThat(third.inputLength()).isEqualTo(2100 + 1100);
        assertThat(w.onCompleted(third, 12000)).isNull();
        assertThat(w.next().sessionId()).isEqualTo(1);
        assertThat(w.next()).isNull();
    }
}
