package io.servesim.cli;

import io.servesim.perf.StepReport;
import io.servesim.spec.Limits;
import picocli.CommandLine.Option;

/**
 * The flags that describe one engine pass (prefill chunk and decode batch), shared by {@code servesim perf step} and
 * the notebook's {@code %perf} as a picocli mixin.
 */
public final class StepOptions {
    @Option(names = "--prefill-tokens", defaultValue = "0",
            description = "New prompt tokens computed in the pass (default: ${DEFAULT-VALUE})") int prefillTokens;
    @Option(names = "--prefix", defaultValue = "0",
            description = "Cached prefix tokens of the prefill chunk (default: ${DEFAULT-VALUE})") int prefix;
    @Option(names = "--decode-batch", defaultValue = "0",
            description = "Decode sequences in the pass (default: ${DEFAULT-VALUE})") int decodeBatch;
    @Option(names = "--context", defaultValue = "0",
            description = "Context tokens of each decode sequence (default: ${DEFAULT-VALUE})") int context;

    /** Returns the pass the flags describe; a count out of range names its flag. */
    public StepReport.Pass pass() {
        Flags.nonNegative("--prefill-tokens", prefillTokens);
        Flags.nonNegative("--prefix", prefix);
        Flags.nonNegative("--decode-batch", decodeBatch);
        Flags.nonNegative("--context", context);
        if (prefillTokens > Limits.MAX_TOKENS || prefix > Limits.MAX_TOKENS || context > Limits.MAX_TOKENS) {
            throw new IllegalArgumentException("--prefill-tokens, --prefix and --context are at most "
                    + Limits.MAX_TOKENS + " tokens");
        }
        if (decodeBatch > Limits.MAX_CONCURRENCY) {
            throw new IllegalArgumentException("--decode-batch is " + decodeBatch + "; allowed: at most "
                    + Limits.MAX_CONCURRENCY);
        }
        return new StepReport.Pass(prefillTokens, prefix, decodeBatch, context);
    }
}
