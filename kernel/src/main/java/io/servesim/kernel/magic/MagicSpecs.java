package io.servesim.kernel.magic;

import io.servesim.kernel.session.CellError;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.Specs;
import java.nio.file.Path;
import java.util.List;

/** Finds the spec a magic should use: a notebook variable, a file, or the built-in default example. */
final class MagicSpecs {
    private MagicSpecs() {
    }

    static ReplayOptimizeSpec resolve(MagicContext ctx, String variable, Path file) {
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
