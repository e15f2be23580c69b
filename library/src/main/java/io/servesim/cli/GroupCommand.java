package io.servesim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code servesim perf}, {@code trace}, …): run alone, it prints its usage. */
abstract class GroupCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        command.commandLine().usage(command.commandLine().getOut());
        return 0;
    }
}
