package io.servesim.kernel.magic;

import io.servesim.kernel.render.TraceView;
import io.servesim.spec.Defaults;
import io.servesim.workload.TraceReader;
import io.servesim.workload.TraceLine;
import io.servesim.workload.TraceStats;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code %trace FILE}: trace statistics and input/output length histograms. */
@Command(name = "trace", mixinStandardHelpOptions = true, description = "Statistics and length histograms of a Mooncake trace.")
public final class TraceMagic extends Magic {
    @Parameters(paramLabel = "FILE") Path file;
    @Option(names = "--block-size", defaultValue = Defaults.Flag.TRACE_BLOCK_SIZE) int blockSize;
    @Option(names = "--lenient") boolean lenient;

    @Override
    protected Object run(MagicContext ctx, String body) {
        TraceStats stats = TraceStats.of(file, blockSize, lenient);
        double[] in = new double[(int) stats.requests()];
        double[] out = new double[in.length];
        int n = 0;
        try (TraceReader r = new TraceReader(file, blockSize, lenient)) {
            for (TraceLine l = r.next(); l != null && n < in.length; l = r.next()) {
                in[n] = l.inputLength();
                out[n] = l.outputLength();
                n++;
            }
        }
        return new TraceView(file.toString(), stats, Arrays.copyOf(in, n), Arrays.copyOf(out, n));
    }
}
