package io.servesim.cli;

import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.Specs;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code servesim spec}: validate spec files and print example specs. */
@Command(name = "spec", mixinStandardHelpOptions = true,
        description = "Validate sweep specs (YAML/JSON) and print example specs.",
        subcommands = {SpecCommand.Validate.class, SpecCommand.Example.class})
final class SpecCommand extends GroupCommand {
    /** Prints each file's normalised spec (defaults filled in) or its error; exit 2 if any file is invalid. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check spec files; print the normalised spec (defaults filled in) or the error.")
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Spec files (.yaml, .yml or .json).")
        List<Path> files;

        @Option(names = "--json", description = "Print the normalised spec as JSON instead of YAML (default: YAML).")
        boolean json;

        @Option(names = {"-q", "--quiet"},
                description = "Print only errors and a one-line verdict per file (default: off).")
        boolean quiet;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            int status = 0;
            for (Path file : files) {
                try {
                    ReplayOptimizeSpec s = Specs.read(file);
                    // model and GPU names are checked against the performance model's registries
                    io.servesim.perf.PerfModel.of(s.engine().model(), s.hardware().gpuSku());
                    for (String w : warnings(s)) {
                        err.println(file + ": warning: " + w);
                    }
                    if (quiet || files.size() > 1) {
                        out.println("# " + file + ": valid");
                    }
                    if (!quiet) {
                        out.print(json ? Specs.toJson(s) + System.lineSeparator() : Specs.toYaml(s));
                    }
                } catch (IllegalArgumentException e) {
                    // file problems already start with the file name
                    String m = ErrorHandler.cap(e.getMessage());
                    err.println(m.startsWith(file.toString()) ? m : file + ": " + m);
                    status = ErrorHandler.BAD_INPUT;
                } catch (java.io.UncheckedIOException e) {
                    err.println(file + ": I/O error: " + ErrorHandler.cap(ErrorHandler.ioMessage(e)));
                    status = Math.max(status, ErrorHandler.FAILURE);
                }
            }
            return status;
        }

        /** Deprecated fields and pins beyond GPU memory; a space the sweep would reject is the sweep's to report. */
        private static java.util.List<String> warnings(ReplayOptimizeSpec s) {
            try {
                return new io.servesim.optimize.SearchSpace(s).warnings();
            } catch (IllegalArgumentException spaceProblem) {
                return s.router().warnings();
            }
        }
    }

    /** Prints a bundled example spec. */
    @Command(name = "example", mixinStandardHelpOptions = true,
            description = "Print an example spec: disaggregated (default), aggregated or trace replay.")
    static final class Example implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true)
        Kind kind;

        static final class Kind {
            @Option(names = "--aggregated", description = "An aggregated (prefill and decode on the same workers) example.")
            boolean aggregated;

            @Option(names = "--trace", description = "A Mooncake trace replay example.")
            boolean trace;
        }

        @Override
        public Integer call() {
            String name = kind == null ? Specs.DEFAULT_EXAMPLE
                    : kind.aggregated ? Specs.AGGREGATED_EXAMPLE : Specs.TRACE_EXAMPLE;
            spec.commandLine().getOut().print(Specs.exampleText(name));
            return 0;
        }
    }
}
