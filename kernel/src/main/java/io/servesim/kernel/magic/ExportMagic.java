package io.servesim.kernel.magic;

import io.servesim.kernel.session.CellError;
import io.servesim.kernel.render.PlainText;
import io.servesim.optimize.OptimizationResult;
import io.servesim.report.Export;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code %export RESULT DIR}: writes a sweep's CSV, Parquet and JSON files. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write evaluated.csv, feasible.csv, pareto.csv, evaluated.parquet and best.json of a sweep.")
public final class ExportMagic extends Magic {
    @Parameters(index = "0", paramLabel = "RESULT", description = "Variable holding an OptimizationResult") String result;
    @Parameters(index = "1", paramLabel = "DIR") Path dir;

    @Override
    protected Object run(MagicContext ctx, String body) {
        Object v = ctx.variable(result);
        if (!(v instanceof OptimizationResult r)) {
            throw new CellError("UsageError", List.of("variable " + result + " holds a "
                    + (v == null ? "null" : v.getClass().getSimpleName()) + ", not an OptimizationResult"));
        }
        Export.writeAll(r, dir, r.spec().workload().arrivalSeed());
        return new PlainText("wrote evaluated.csv, feasible.csv, pareto.csv, evaluated.parquet and best.json to "
                + dir.toAbsolutePath());
    }
}
