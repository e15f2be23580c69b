package io.servesim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.servesim.spec.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Length spread, ramp-up and warm-up knobs of synthetic workloads. */
class SteadyStateWorkloadTest {

    private static List<Request> drain(Workload w) {
        List<Request> out = new ArrayList<>();
        for (Request r = w.next(); r != null; r = w.next()) {
            out.add(r);
        }
        return out;
    }

    private static WorkloadSpec spread(double islSd, double oslSd) {
        return WorkloadSpec.synthetic().isl(1024).osl(128).requestCount(4000).concurrency(8).islStddev(islSd)
                .oslStddev(oslSd).build();
    }

    @Test
    void spreadLengthsHaveTheRequestedMeanAndStddev() {
        List<Request> rs = drain(new SyntheticWorkload(spread(100, 20), 64));
        double[] in = rs.stream().mapToDouble(Request::inputLength).toArray();
        double[] out = rs.stream().mapToDouble(Request::outputLength).toArray();
        assertThat(mean(in)).isCloseTo(1024, offset(5.0));
        assertThat(stddev(in)).isCloseTo(100, offset(5.0));
        assertThat(mean(out)).isCloseTo(128, offset(1.5));
        assertThat(stddev(out)).isCloseTo(20, offset(1.5));
        for (Request r : rs) {
            assertThat(r.numBlocks()).isEqualTo((r.inputLength() + 63) / 64);
        }
    }

    @Test
    void spreadIsTruncatedAtOneTokenAndAtTheContext() {
        WorkloadSpec wide = WorkloadSpec.synthetic().isl(50).osl(50).requestCount(2000).concurrency(4)
                .islStddev(400.0).oslStddev(400.0).build();
        for (Request r : drain(new SyntheticWorkload(wide, 16, 300))) {
            assertThat(r.inputLength()).isBetween(1, 299);
            assertThat(r.outputLength()).isGreaterThanOrEqualTo(1);
            assertThat(r.inputLength() + r.outputLength()).isLessThanOrEqualTo(300);
        }
    }

    @Test
    void spreadIsSeededAndDeterministic() {
        assertThat(drain(new SyntheticWorkload(spread(100, 20), 64)))
                .isEqualTo(drain(new SyntheticWorkload(spread(100, 20), 64)));
        WorkloadSpec other = spread(100, 20).toBuilder().arrivalSeed(7).build();
        assertThat(drain(new SyntheticWorkload(other, 64)))
                .isNotEqualTo(drain(new SyntheticWorkload(spread(100, 20), 64)));
    }

    @Test
    void zeroOrAbsentSpreadKeepsFixedLengths() {
        WorkloadSpec plain = WorkloadSpec.synthetic().isl(1024).osl(128).requestCount(50).concurrency(8).build();
        List<Request> base = drain(new SyntheticWorkload(plain, 64));
        assertThat(drain(new SyntheticWorkload(spread(0, 0), 64)).subList(0, 50)).isEqualTo(base);
        assertThat(base).allSatisfy(r -> {
            assertThat(r.inputLength()).isEqualTo(1024);
            assertThat(r.outputLength()).isEqualTo(128);
        });
        assertThat(new SyntheticWorkload(plain, 64).rampUpMs()).isZero();
        assertThat(new SyntheticWorkload(plain, 64).warmupRequests()).isZero();
    }

    private static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    private static double stddev(double[] xs) {
        double m = mean(xs);
        double s = 0;
        for (double x : xs) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (xs.length - 1));
    }
}
