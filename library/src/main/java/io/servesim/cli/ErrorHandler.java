package io.servesim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;

/**
 * Turns exceptions from subcommands into one clear line on stderr and an exit code: 2 for bad input
 * ({@link IllegalArgumentException}, including spec errors), 1 for I/O problems and anything else. No stack traces
 * reach users; set {@code SERVESIM_DEBUG=1} to print them for a bug report. Shared by every servesim command line
 * (this library's and the notebook kernel's) through {@link #install}.
 */
public final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int FAILURE = 1;
    /** Longest message printed; longer ones (e.g. echoing a huge value) are cut. */
    static final int MAX_MESSAGE = 2000;

    /**
     * Makes {@code cl} report errors the servesim way and returns it: exceptions from commands as one line and an
     * exit code (see the class comment), a mistyped flag or value as one line naming the command's help, exit 2.
     */
    public static CommandLine install(CommandLine cl) {
        cl.setExecutionExceptionHandler(new ErrorHandler());
        // a mistyped flag or value: one line and where to look, not the whole usage text
        cl.setParameterExceptionHandler((ex, args) -> {
            var err = ex.getCommandLine().getErr();
            err.println("servesim: error: " + cap(ex.getMessage()) + " (see: "
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            err.flush();
            return BAD_INPUT;
        });
        return cl;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        var err = cl.getErr();
        int status;
        if (ex instanceof IllegalArgumentException) {
            err.println("servesim: error: " + cap(ex.getMessage()));
            status = BAD_INPUT;
        } else if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            err.println("servesim: I/O error: " + cap(ioMessage(ex)));
            status = FAILURE;
        } else if (ex instanceof CancellationException) {
            err.println("servesim: cancelled: " + cap(ex.getMessage()));
            status = FAILURE;
        } else {
            err.println("servesim: failed: " + cap(ex.getMessage() == null ? ex.toString() : ex.getMessage())
                    + " (SERVESIM_DEBUG=1 shows details)");
            status = FAILURE;
        }
        if (System.getenv("SERVESIM_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return status;
    }

    /** Returns the wrapper's message (which names the file) followed by the cause's, without repeating either. */
    static String ioMessage(Exception ex) {
        Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        String outer = ex.getMessage();
        String inner = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof java.nio.file.NoSuchFileException) {
            inner = inner + ": no such file or folder";
        } else if (cause instanceof java.nio.file.AccessDeniedException) {
            inner = inner + ": permission denied";
        } else if (cause instanceof java.nio.file.FileSystemException fs && fs.getReason() == null) {
            inner = fs.getFile() + ": " + cause.getClass().getSimpleName();
        }
        boolean wrapped = cause != ex && outer != null && !outer.equals(cause.toString()) && !outer.contains(inner);
        return wrapped ? outer + ": " + inner : inner;
    }

    static String cap(String message) {
        if (message == null) {
            return "(no message)";
        }
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "… ("
                + message.length() + " characters)";
    }
}
