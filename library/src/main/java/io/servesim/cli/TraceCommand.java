package io.servesim.cli;

import io.servesim.spec.Limits;
import io.servesim.spec.Defaults;
import io.servesim.spec.Specs;
import io.servesim.spec.WorkloadSpec;
import io.servesim.workload.Request;
import io.servesim.workload.SyntheticWorkload;
import io.servesim.workload.TraceFormat;
import io.servesim.workload.TraceStats;
import io.servesim.workload.TraceWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code servesim trace}: statistics of Mooncake-style traces and generation of synthetic ones. */
@Command(name = "trace", mixinStandardHelpOptions = true, description = "Trace statistics and generation.",
        subcommands = {TraceCommand.Stats.class, TraceCommand.Generate.class})
final class TraceCommand extends GroupCommand {

    /** {@code servesim trace stats FILE}. */
    @Command(name = "stats", mixinStandardHelpOptions = true, description = "Print statistics of a Mooncake JSONL trace.")
    static final class Stats implements Callable<Integer> {
        @Spec
        CommandSpec command;

        @Parameters(paramLabel = "FILE", description = "Mooncake JSONL trace (.jsonl or .jsonl.gz)")
        Path file;

        @Option(names = "--block-size", defaultValue = Defaults.Flag.TRACE_BLOCK_SIZE,
                description = "Tokens per hash id (default: ${DEFAULT-VALUE})")
        int blockSize;

        @Option(names = "--lenient", description = "Skip bad lines (counted, first reason shown) instead of failing"
                + " (default: off)")
        boolean lenient;

        @Option(names = "--json", description = "Machine-readable output (default: text)")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Flags.positive("--block-size", blockSize, Limits.MAX_TOKENS);
            TraceStats s = TraceStats.of(file, blockSize, lenient);
            PrintWriter out = command.commandLine().getOut();
            if (json) {
                out.println(Specs.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(s));
                return 0;
            }
            out.printf(Locale.ROOT, "%s%n  requests          %d%n  time span         %.1f s%n  arrival rate      %.2f req/s%n",
                    file, s.requests(), s.spanMs() / 1000, s.arrivalRatePerS());
            out.printf(Locale.ROOT, "  input  mean/p50/p95/p99  %.0f / %.0f / %.0f / %.0f tokens%n",
                    s.inputLength().get("mean"), s.inputLength().get("p50"), s.inputLength().get("p95"),
                    s.inputLength().get("p99"));
            out.printf(Locale.ROOT, "  output mean/p50/p95/p99  %.0f / %.0f / %.0f / %.0f tokens%n",
                    s.outputLength().get("mean"), s.outputLength().get("p50"), s.outputLength().get("p95"),
                    s.outputLength().get("p99"));
            out.printf(Locale.ROOT, "  prefix reuse (infinite cache)  %.3f of blocks, %.3f of tokens%n", s.blockReuse(),
                    s.tokenReuse());
            if (s.skippedLines() > 0) {
                out.printf(Locale.ROOT, "  skipped bad lines %d%n", s.skippedLines());
            }
            out.flush();
            return 0;
        }
    }

    /** {@code servesim trace generate}. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write a synthetic Mooncake JSONL trace (Poisson arrivals, shared prefixes, optional"
                    + " length spread).")
    static final class Generate implements Callable<Integer> {
        /** The flags of workload fields whose flag is not the field's name. */
        private static final Map<String, String> FLAGS = Map.of("requestCount", "--requests", "requestRate", "--rate",
                "numPrefixGroups", "--prefix-groups", "arrivalSeed", "--seed");

        @Spec
        CommandSpec command;

        @Option(names = "--out", required = true, paramLabel = "FILE",
                description = "Trace file to write (.jsonl); its folder must exist; required") Path out;
        @Option(names = "--requests", defaultValue = "1000", description = "Requests (default: ${DEFAULT-VALUE})")
        int requests;
        @Option(names = "--rate", defaultValue = "2.0",
                description = "Requests per second, Poisson arrivals (default: ${DEFAULT-VALUE})") double rate;
        @Option(names = "--isl", defaultValue = "8192", description = "Prompt tokens (default: ${DEFAULT-VALUE})")
        int isl;
        @Option(names = "--osl", defaultValue = "256", description = "Output tokens (default: ${DEFAULT-VALUE})")
        int osl;
        @Option(names = "--isl-stddev", defaultValue = "0", description = "Spread of prompt lengths, tokens"
                + " (normal around --isl, truncated at 1; default: ${DEFAULT-VALUE})") double islStddev;
        @Option(names = "--osl-stddev", defaultValue = "0", description = "Spread of answer lengths, tokens"
                + " (normal around --osl, truncated at 1; default: ${DEFAULT-VALUE})") double oslStddev;
        @Option(names = "--shared-prefix-ratio", defaultValue = "0.5",
                description = "Fraction of each prompt shared with its group, in [0, 1] (default: ${DEFAULT-VALUE})")
        double ratio;
        @Option(names = "--prefix-groups", defaultValue = "20",
                description = "Groups sharing a prefix (default: ${DEFAULT-VALUE})") int groups;
        @Option(names = "--seed", defaultValue = Defaults.Flag.ARRIVAL_SEED,
                description = "Random seed (default: ${DEFAULT-VALUE})") long seed;
        @Option(names = "--block-size", defaultValue = Defaults.Flag.TRACE_BLOCK_SIZE,
                description = "Tokens per hash id (default: ${DEFAULT-VALUE})") int blockSize;

        @Override
        public Integer call() throws Exception {
            Flags.positive("--block-size", blockSize, Limits.MAX_TOKENS);
            Path folder = out.toAbsolutePath().getParent();
            if (Files.isDirectory(out)) {
                throw new IllegalArgumentException("--out " + out + " is a folder; allowed: a file name");
            }
            if (folder != null && !Files.isDirectory(folder)) {
                throw new IllegalArgumentException("--out " + out + ": the folder " + folder
                        + " does not exist; create it first");
            }
            WorkloadSpec spec = Flags.fromSpec(() -> WorkloadSpec.synthetic().isl(isl).osl(osl).requestCount(requests)
                    .requestRate(rate).sharedPrefixRatio(ratio).numPrefixGroups(groups).arrivalSeed(seed)
                    .islStddev(islStddev > 0 ? islStddev : null).oslStddev(oslStddev > 0 ? oslStddev : null).build(),
                    FLAGS);
            SyntheticWorkload w = new SyntheticWorkload(spec, blockSize);
            try (TraceWriter wr = TraceFormat.MOONCAKE.writer(out)) {
                for (Request r = w.next(); r != null; r = w.next()) {
                    wr.write(r);
                }
            }
            command.commandLine().getOut().printf(Locale.ROOT, "wrote %d requests to %s%n", requests, out);
            command.commandLine().getOut().flush();
            return 0;
        }
    }
}
