package io.servesim.kernel.magic;

import io.servesim.kernel.render.PlainText;
import picocli.CommandLine.Command;

/** {@code %help}: lists the magics. */
@Command(name = "help", description = "List servesim's magics.")
public final class HelpMagic extends Magic {
    @Override
    protected Object run(MagicContext ctx, String body) {
        StringBuilder sb = new StringBuilder("servesim magics (add --help to any for its options):\n");
        for (var e : Magics.descriptions().entrySet()) {
            sb.append(String.format("  %-10s %s%n", e.getKey(), e.getValue()));
        }
        sb.append("Java: ReplayOptimizer.optimize(spec), ReplayRunner.run(config, workload), Charts.*, Specs.read(path)");
        return new PlainText(sb.toString());
    }
}
