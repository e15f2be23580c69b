package io.servesim.kernel.magic;

import io.servesim.kernel.render.PerfView;
import io.servesim.perf.PerfModel;
import io.servesim.spec.EngineArgs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code %perf}: step time of one engine pass (and its parts) and the worker's KV capacity. */
@Command(name = "perf", mixinStandardHelpOptions = true, description = "Step time and KV capacity from the performance model.")
public final class PerfMagic extends Magic {
    @Option(names = "--model", defaultValue = "Qwen/Qwen3-32B") String model;
    @Option(names = "--gpu", defaultValue = "h200_sxm") String gpu;
    @Option(names = "--tp", defaultValue = "1") int tp;
    @Option(names = "--prefill-tokens", defaultValue = "0") int prefillTokens;
    @Option(names = "--prefix", defaultValue = "0") int prefix;
    @Option(names = "--decode-batch", defaultValue = "0") int decodeBatch;
    @Option(names = "--context", defaultValue = "0") int context;
    @Option(names = "--block-size", defaultValue = "512") int blockSize;

    @Override
    protected Object run(MagicContext ctx, String body) {
        PerfModel perf = PerfModel.of(model, gpu);
        EngineArgs args = EngineArgs.builder().blockSize(blockSize).build();
        try {
            io.servesim.cli.DeploymentOptions.checkTp(perf, args, "--tp", tp);
        } catch (IllegalArgumentException e) {
            throw new io.servesim.kernel.session.CellError("UsageError", java.util.List.of(e.getMessage(), "", usage()));
        }
        return new PerfView(perf, tp, args, prefillTokens, prefix, decodeBatch, context);
    }
}
