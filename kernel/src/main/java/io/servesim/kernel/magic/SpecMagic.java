package io.servesim.kernel.magic;

import io.servesim.kernel.session.CellError;
import io.servesim.optimize.SearchSpace;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.Specs;
import io.servesim.spec.WorkloadSpec;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code %%spec NAME}: the cell body (YAML or JSON) becomes a validated spec bound to the variable NAME. */
@Command(name = "spec", mixinStandardHelpOptions = true,
        description = "Validate the cell body (YAML or JSON) as a sweep spec and bind it to the variable NAME.")
public final class SpecMagic extends Magic {
    @Parameters(paramLabel = "NAME", description = "Java variable to bind the spec to")
    String name;

    @Override
    public boolean isCellMagic() {
        return true;
    }

    @Override
    protected Object run(MagicContext ctx, String body) {
        if (!name.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            throw new CellError("UsageError", List.of("NAME is \"" + name + "\"; allowed: a Java identifier", "",
                    usage()));
        }
        if (body == null || body.isBlank()) {
            throw new CellError("SpecError", List.of("the cell body is empty; write the spec in YAML or JSON below"
                    + " %%spec " + name));
        }
        ReplayOptimizeSpec spec;
        try {
            spec = body.strip().startsWith("{") ? Specs.fromJson(body) : Specs.fromYaml(body);
            new SearchSpace(spec); // the sweep's own checks: model and GPU names, TP shapes that fit, the GPU budget
        } catch (IllegalArgumentException e) {
            throw new CellError("SpecError", List.of(e.getMessage()));
        }
        ctx.bind(name, spec);
        String workload = spec.workload() instanceof WorkloadSpec.Trace t ? "trace " + t.traceFile()
                : synthetic((WorkloadSpec.Synthetic) spec.workload());
        return new io.servesim.kernel.render.PlainText(name + " = valid spec: " + spec.engine().model() + ", "
                + (spec.isDisaggregated() ? "disaggregated" : "aggregated") + ", " + spec.hardware().totalGpus()
                + " × " + spec.hardware().gpuSku() + ", " + workload + ", router " + spec.router().mode().id()
                + ", objective " + spec.objective().id() + " (print " + name + " for the full spec)");
    }

    private static String synthetic(WorkloadSpec.Synthetic w) {
        return "synthetic isl " + w.isl() + " / osl " + w.osl() + ", " + w.requestCount() + " requests";
    }
}
