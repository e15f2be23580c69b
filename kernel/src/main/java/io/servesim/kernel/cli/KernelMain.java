package io.servesim.kernel.cli;

import io.servesim.cli.ErrorHandler;
import io.servesim.cli.VersionProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the kernel jar: {@code servesim kernel install|run} and {@code servesim notebook}. The launcher
 * script passes its own subcommand name first; {@code kernel.json} runs {@code kernel run CONNECTION_FILE}.
 */
@Command(name = "servesim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {KernelMain.KernelCommand.class, NotebookCommand.class})
public final class KernelMain implements Callable<Integer> {
    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        int code = ErrorHandler.install(new CommandLine(new KernelMain())).execute(args);
        if (code != 0 || args.length == 0 || !"run".equals(args.length > 1 ? args[1] : "")) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** {@code servesim kernel}: install or run the Jupyter kernel. */
    @Command(name = "kernel", mixinStandardHelpOptions = true, description = "Install or run the servesim Jupyter kernel.",
            subcommands = {InstallCommand.class, RunCommand.class})
    static final class KernelCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            new CommandLine(this).usage(System.out);
            return 0;
        }
    }
}
