package io.servesim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code servesim sweep}: Search deployments (TP shapes, worker counts, router knobs) for the best feasible one (the main job). */
@Command(name = "sweep", mixinStandardHelpOptions = true, description = "Search deployments (TP shapes, worker counts, router knobs) for the best feasible one (the main job).")
final class SweepCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalStateException("servesim sweep is not available in this build");
    }
}
