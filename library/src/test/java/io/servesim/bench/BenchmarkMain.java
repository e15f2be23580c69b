package io.servesim.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs servesim's JMH benchmarks: {@code mvn -q -pl library test-compile exec:java}-free, just
 * {@code java -cp "$(cat cp.txt):library/target/classes:library/target/test-classes" io.servesim.bench.BenchmarkMain [regex]}
 * from the repository root (see library/PERF.md).
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(args.length > 0 ? args[0] : "io.servesim.bench.*").build()).run();
    }
}
