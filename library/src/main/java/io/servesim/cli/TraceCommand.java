package io.servesim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code servesim trace}: Inspect and generate Mooncake-style request traces. */
@Command(name = "trace", mixinStandardHelpOptions = true, description = "Inspect and generate Mooncake-style request traces.")
final class TraceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalStateException("servesim trace is not available in this build");
    }
}
