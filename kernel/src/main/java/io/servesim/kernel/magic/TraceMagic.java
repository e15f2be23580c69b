package io.servesim.kernel.magic;

import io.servesim.kernel.render.TraceView;
import io.servesim.workload.TraceStats;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code %trace FILE}: trace statistics and input/output length histograms. */
@Command(name = "trace", mixinStandardHelpOptions = true, description = "Statistics and length histograms of a Mooncake trace.")
public final class TraceMagic extends Magic {
    @Parameters(paramLabel = "FILE") Path file;
    @Option(names = "--block-size", defaultValue = "512") int blockSize;
    @Option(names = "--lenient") boolean lenient;

    @Override
    protected Object run(MagicContext ctx, String body) {
        TraceStats.Scan scan = TraceStats.scan(file, blockSize, lenient);
        return new TraceView(file.toString(), scan.stats(), scan.inputLengths(), scan.outputLengths());
    }
}
