package io.servesim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code servesim perf}: Show step-time breakdowns and KV capacity from the H200 performance model. */
@Command(name = "perf", mixinStandardHelpOptions = true, description = "Show step-time breakdowns and KV capacity from the H200 performance model.")
final class PerfCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalStateException("servesim perf is not available in this build");
    }
}
