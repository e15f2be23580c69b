package io.servesim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code servesim} command line: plan LLM-serving deployments by simulation. Each subcommand lives in its own
 * class; this one only wires them and maps errors to exit codes (2 = bad input).
 */
@Command(name = "servesim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Plan LLM-serving deployments by simulation: replay a workload through simulated vLLM-like"
                + " clusters and search topologies and router settings for the best one.",
        subcommands = {SweepCommand.class, ReplayCommand.class, SpecCommand.class, TraceCommand.class,
                PerfCommand.class, StudyCommand.class, FidelityCommand.class})
public final class Main extends GroupCommand {
    /** Runs the CLI and exits with its status code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its status code (0 ok, 1 failure, 2 bad input). */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        int status = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return status;
    }

    /** Returns the configured picocli command line (also used by the kernel module to add its commands). */
    public static CommandLine commandLine() {
        return ErrorHandler.install(new CommandLine(new Main()));
    }
}
