package io.servesim.cli;

import io.servesim.optimize.SearchSpace;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.WorkloadSpec;
import io.servesim.workload.TraceReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JIT choice of a one-shot sweep. The launcher starts {@code servesim sweep} (without {@code --exhaustive}) with
 * the quick JIT only ({@code -XX:TieredStopAtLevel=1}, marked by {@code -Dservesim.jit=quick}): a sweep of a few
 * hundred thousand simulated requests ends about a third sooner that way, because the optimising compiler would spend
 * seconds of CPU compiling the simulator for a run that is over before that pays off. A sweep estimated to simulate
 * more than {@link #LIMIT} requests in all is restarted with the optimising JIT, which wins on long runs.
 */
final class QuickJit {
    /** Simulated requests (requests per replay × states) above which the optimising JIT is faster. */
    static final long LIMIT = 1_000_000;
    /** States a descent typically evaluates before it stops (the default sweep: 62). */
    static final int TYPICAL_DESCENT_STATES = 100;
    static final String PROPERTY = "servesim.jit";
    private static final String QUICK_FLAG = "-XX:TieredStopAtLevel=1";

    private QuickJit() {
    }

    /** Returns true when this JVM was started with the quick JIT by the launcher. */
    static boolean active() {
        return "quick".equals(System.getProperty(PROPERTY));
    }

    /** Returns the estimated simulated requests of sweeping {@code spec}, counting trace lines up to the limit. */
    static long estimate(ReplayOptimizeSpec spec, boolean exhaustive) {
        int space = new SearchSpace(spec).allStates().size();
        long states = exhaustive ? space : Math.min(space, TYPICAL_DESCENT_STATES);
        long perReplay = spec.workload() instanceof WorkloadSpec.Synthetic s
                ? (long) s.requestCount() * s.turnsPerSession()
                : lines(Path.of(((WorkloadSpec.Trace) spec.workload()).traceFile()), LIMIT / Math.max(1, states) + 1);
        return perReplay * states;
    }

    /** Counts the lines of a trace (gzipped or not, as the trace reader tells), stopping at {@code cap}; an unreadable file counts as 0. */
    static long lines(Path file, long cap) {
        try (InputStream in = TraceReader.bytes(file)) {
            byte[] buf = new byte[1 << 16];
            long n = 0;
            for (int r = in.read(buf); r > 0 && n < cap; r = in.read(buf)) {
                for (int i = 0; i < r; i++) {
                    n += buf[i] == '\n' ? 1 : 0;
                }
            }
            return n;
        } catch (IOException e) {
            return 0; // the sweep itself reports the file's problem
        }
    }

    /**
     * Runs this command again in a new JVM with the optimising JIT (same java, JVM options but the quick JIT's,
     * class path and arguments, the same standard streams) and returns its exit code.
     */
    static int restartOptimised(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // the class-data archive is written by this JVM at its exit, not by both
            if (!option.equals(QUICK_FLAG) && !option.startsWith("-D" + PROPERTY + "=")
                    && !option.startsWith("-XX:ArchiveClassesAtExit")) {
                command.add(option);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(args);
        Process child = new ProcessBuilder(command).inheritIO().start();
        try {
            return child.waitFor();
        } finally {
            child.destroy();
        }
    }
}
