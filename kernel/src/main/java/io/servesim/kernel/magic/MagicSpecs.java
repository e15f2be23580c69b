package io.servesim.kernel.magic;

import io.servesim.kernel.session.CellError;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.Specs;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Where a magic's spec comes from (a picocli mixin of {@code %sweep} and {@code %replay}): a notebook variable
 * {@code NAME}, a file {@code --spec FILE}, or the built-in default example.
 */
final class MagicSpecs {
    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Variable holding a ReplayOptimizeSpec")
    String variable;

    @Option(names = "--spec", paramLabel = "FILE",
            description = "Spec file (YAML or JSON); default: the built-in default example")
    Path file;

    /** Returns the spec the arguments name, loaded as the command line loads {@code --spec}. */
    ReplayOptimizeSpec resolve(MagicContext ctx) {
        if (variable != null && file != null) {
            throw new CellError("UsageError", List.of("give a spec variable or --spec FILE, not both"));
        }
        if (variable != null) {
            Object v = ctx.variable(variable);
            if (!(v instanceof ReplayOptimizeSpec spec)) {
                throw new CellError("UsageError", List.of("variable " + variable + " holds a "
                        + (v == null ? "null" : v.getClass().getSimpleName()) + ", not a ReplayOptimizeSpec"));
            }
            return spec;
        }
        return Specs.readOrDefault(file);
    }
}
