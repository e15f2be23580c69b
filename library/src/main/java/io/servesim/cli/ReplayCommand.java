package io.servesim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code servesim replay}: Replay a workload through one cluster topology and print its metrics. */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Replay a workload through one cluster topology and print its metrics.")
final class ReplayCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalStateException("servesim replay is not available in this build");
    }
}
