package io.servesim.cli;

import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns exceptions from subcommands into one clear line on stderr and an exit code: 2 for bad input
 * ({@link IllegalArgumentException}, including spec errors), 1 for anything else. No stack traces for users' mistakes.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        var err = cl.getErr();
        if (ex instanceof IllegalArgumentException) {
            err.println("servesim: error: " + ex.getMessage());
            return BAD_INPUT;
        }
        if (ex instanceof UncheckedIOException io) {
            err.println("servesim: I/O error: " + io.getCause().getMessage());
            return FAILURE;
        }
        err.println("servesim: failed: " + ex);
        ex.printStackTrace(err);
        return FAILURE;
    }
}
