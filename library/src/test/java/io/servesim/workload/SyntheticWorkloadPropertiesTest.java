package io.servesim.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.servesim.spec.WorkloadSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** The synthetic generator: lengths, prefix sharing, multi-turn extension and determinism over many specs. */
class SyntheticWorkloadPropertiesTest {

    private static List<Request> drain(Workload w) {
        List<Request> out = new ArrayList<>();
        for (Request r = w.next(); r != null; r = w.next()) {
            out.add(r);
        }
        return out;
    }

    @Property(tries = 60)
    void lengthsAndBlockCounts(@ForAll @IntRange(min = 1, max = 20000) int isl, @ForAll @IntRange(min = 1, max = 500) int osl,
                               @ForAll @IntRange(min = 1, max = 50) int count) {
        WorkloadSpec spec = WorkloadSpec.synthetic().isl(isl).osl(osl).requestCount(count).concurrency(4).build();
        List<Request> rs = drain(new SyntheticWorkload(spec, 512));
        assertThat(rs).hasSize(count);
        for (Request r : rs) {
            assertThat(r.inputLength()).isEqualTo(isl);
            assertThat(r.outputLength()).isEqualTo(osl);
            assertThat(r.numBlocks()).isEqualTo((isl + 511) / 512);
        }
    }

    @Property(tries = 40)
    void sharedPrefixMatchesTheRatio(@ForAll @DoubleRange(min = 0.05, max = 1.0) double ratio,
                                     @ForAll @IntRange(min = 1, max = 8) int groups) {
        int isl = 16384;
        WorkloadSpec spec = WorkloadSpec.synthetic().isl(isl).osl(8).requestCount(400).concurrency(10)
                .sharedPrefixRatio(ratio).numPrefixGroups(groups).build();
        SyntheticWorkload w = new SyntheticWorkload(spec, 512);
        List<Request> rs = drain(w);
        int shared = w.sharedBlocks();
        assertThat(shared).isEqualTo((int) Math.min(Math.round(32 * ratio), 32));
        // an infinite cache reuses the shared blocks of every request but the first of each group
        Set<Long> seen = new HashSet<>();
        long reused = 0;
        long total = 0;
        Set<Integer> groupsSeen = new HashSet<>();
        for (Request r : rs) {
            groupsSeen.add(w.groupOf(r.sessionId()));
            for (long h : r.blockHashes()) {
                total++;
                if (!seen.add(h)) {
                    reused++;
                }
            }
        }
        double expected = (double) shared / 32 * (rs.size() - groupsSeen.size()) / rs.size();
        assertThat((double) reused / total).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(groupsSeen.size()).isLessThanOrEqualTo(groups);
        if (groups > 1) {
            assertThat(groupsSeen.size()).as("groups are drawn, not all the same").isGreaterThan(1);
        }
    }

    @Property(tries = 20)
    void sameSeedSameRequests(@ForAll long seed, @ForAll @DoubleRange(min = 0.1, max = 50) double rate) {
        WorkloadSpec spec = WorkloadSpec.synthetic().isl(3000).osl(10).requestCount(50).requestRate(rate)
                .sharedPrefixRatio(0.5).numPrefixGroups(3).arrivalSeed(seed).build();
        List<Request> a = drain(new SyntheticWorkload(spec, 256));
        List<Request> b = drain(new SyntheticWorkload(spec, 256));
        assertThat(a).isEqualTo(b);
        for (int i = 1; i < a.size(); i++) {
            assertThat(a.get(i).arrivalMs()).isGreaterThanOrEqualTo(a.get(i - 1).arrivalMs());
        }
        double span = a.get(a.size() - 1).arrivalMs();
        assertThat(span).isPositive();
    }

    @Property(tries = 10)
    void poissonRateIsMet(@ForAll @DoubleRange(min = 1, max = 100) double rate) {
        WorkloadSpec spec = WorkloadSpec.synthetic().isl(100).osl(1).requestCount(4000).requestRate(rate).build();
        List<Request> rs = drain(new SyntheticWorkload(spec, 64));
        double observed = (rs.size() - 1) / (rs.get(rs.size() - 1).arrivalMs() / 1000.0);
        assertThat(observed / rate).isBetween(0.9, 1.1);
    }
}
