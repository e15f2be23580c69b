package io.servesim.cli;

import io.servesim.perf.KvCapacity;
import io.servesim.perf.PerfModel;
import io.servesim.perf.StepBatch;
import io.servesim.spec.EngineArgs;
import io.servesim.spec.Limits;
import io.servesim.spec.Specs;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code servesim perf}: step time and KV capacity from the performance model. */
@Command(name = "perf", mixinStandardHelpOptions = true, description = "Step-time and KV capacity from the performance model.",
        subcommands = {PerfCommand.Step.class, PerfCommand.Capacity.class, PerfCommand.BuildTables.class})
final class PerfCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        command.commandLine().usage(command.commandLine().getOut());
        return 0;
    }

    /** Options shared by the perf subcommands. */
    static class Target {
        @Option(names = "--model", defaultValue = "Qwen/Qwen3-32B",
                description = "Model name as in specs (default: ${DEFAULT-VALUE})") String model;
        @Option(names = "--gpu", defaultValue = "h200_sxm", description = "GPU SKU (default: ${DEFAULT-VALUE})")
        String gpu;
        @Option(names = "--tp", defaultValue = "1",
                description = "GPUs per worker: 1, 2, 4 or 8 (default: ${DEFAULT-VALUE})") int tp;
        @Option(names = "--block-size", defaultValue = "512",
                description = "Tokens per KV block (default: ${DEFAULT-VALUE})") int blockSize;
        @Option(names = "--gpu-memory-utilization", defaultValue = "0.92",
                description = "Fraction of HBM the engine may use, in (0, 1] (default: ${DEFAULT-VALUE})") double util;
        @Option(names = "--max-num-batched-tokens", defaultValue = "8192",
                description = "Token budget of one engine pass (default: ${DEFAULT-VALUE})") int maxBatched;
        @Option(names = "--json", description = "Print the result as JSON (default: text)") boolean json;

        EngineArgs args() {
            Flags.tp("--tp", tp);
            Flags.positive("--block-size", blockSize, Limits.MAX_TOKENS);
            Flags.positive("--max-num-batched-tokens", maxBatched, Limits.MAX_TOKENS);
            if (!(util > 0 && util <= 1)) {
                throw new IllegalArgumentException("--gpu-memory-utilization is " + util
                        + "; allowed: a fraction in (0, 1]");
            }
            return EngineArgs.builder().blockSize(blockSize).gpuMemoryUtilization(util).maxNumBatchedTokens(maxBatched)
                    .build();
        }
    }

    /** {@code servesim perf step}. */
    @Command(name = "step", mixinStandardHelpOptions = true, description = "Latency of one engine pass.")
    static final class Step extends Target implements Callable<Integer> {
        @Spec CommandSpec command;
        @Option(names = "--prefill-tokens", defaultValue = "0",
                description = "New prompt tokens computed in the pass (default: ${DEFAULT-VALUE})") int prefillTokens;
        @Option(names = "--prefix", defaultValue = "0",
                description = "Cached prefix tokens of the prefill chunk (default: ${DEFAULT-VALUE})") int prefix;
        @Option(names = "--decode-batch", defaultValue = "0",
                description = "Decode sequences in the pass (default: ${DEFAULT-VALUE})") int decodeBatch;
        @Option(names = "--context", defaultValue = "0",
                description = "Context tokens of each decode sequence (default: ${DEFAULT-VALUE})") int context;

        @Override
        public Integer call() throws Exception {
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
            if (prefillTokens == 0 && decodeBatch == 0) {
                throw new IllegalArgumentException("the pass is empty; give --prefill-tokens N and/or --decode-batch N");
            }
            EngineArgs engineArgs = args();
            PerfModel perf = PerfModel.of(model, gpu);
            StepBatch b = new StepBatch();
            if (prefillTokens > 0) {
                b.addPrefill(prefillTokens, prefix);
            }
            for (int i = 0; i < decodeBatch; i++) {
                b.addDecode(context);
            }
            PrintWriter out = command.commandLine().getOut();
            var timer = perf.stepTimer(tp, engineArgs);
            double ms = timer.stepMs(b);
            String source = timer instanceof io.servesim.perf.TableStepTimer ? "measured H200 tables" : "roofline model";
            Map<String, Double> breakdown = timer instanceof io.servesim.perf.TableStepTimer t ? t.breakdown(b) : Map.of();
            Double prefillAlone = null;
            if (prefillTokens > 0) {
                StepBatch onlyPrefill = new StepBatch();
                onlyPrefill.addPrefill(prefillTokens, prefix);
                prefillAlone = perf.stepTimer(tp, engineArgs).stepMs(onlyPrefill);
            }
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("model", model);
                doc.put("gpu", gpu);
                doc.put("tp", tp);
                doc.put("prefill_tokens", prefillTokens);
                doc.put("prefix_tokens", prefix);
                doc.put("decode_batch", decodeBatch);
                doc.put("context_tokens", context);
                doc.put("step_ms", ms);
                doc.put("source", source);
                doc.put("breakdown_ms", breakdown);
                doc.put("prefill_alone_ms", prefillAlone);
                out.println(Specs.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
                out.flush();
                return 0;
            }
            out.printf(Locale.ROOT, "%s on %d × %s (TP%d): prefill %d new + %d cached tokens, %d decode sequences"
                    + " at %d context%n  step %.3f ms (%s)%n", model, tp, gpu, tp, prefillTokens, prefix, decodeBatch,
                    context, ms, source);
            breakdown.forEach((k, v) -> out.printf(Locale.ROOT, "    %-26s %9.3f ms%n", k, v));
            if (prefillAlone != null) {
                out.printf(Locale.ROOT, "  prefill part alone %.3f ms%n", prefillAlone);
            }
            out.flush();
            return 0;
        }
    }

    /** {@code servesim perf build-tables [--from DIR]}. */
    @Command(name = "build-tables", mixinStandardHelpOptions = true,
            description = "Rebuild the H200 performance tables from the public aiconfigurator measurements.")
    static final class BuildTables implements Callable<Integer> {
        @Spec CommandSpec command;
        @Option(names = "--from", paramLabel = "DIR",
                description = "Folder of aiconfigurator h200_sxm CSV extracts (default: the measurements shipped with"
                        + " servesim)") java.nio.file.Path from;
        @Option(names = "--out", paramLabel = "DIR",
                defaultValue = "library/src/main/resources/io/servesim/perf/tables/h200_sxm",
                description = "Where to write the tables (default: ${DEFAULT-VALUE})") java.nio.file.Path out;

        @Override
        public Integer call() throws Exception {
            command.commandLine().getOut().println(io.servesim.perf.TableBuilder.build(
                    from == null ? io.servesim.perf.MeasurementSource.shipped("h200_sxm")
                            : io.servesim.perf.MeasurementSource.folder(from), out));
            command.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code servesim perf capacity}. */
    @Command(name = "capacity", mixinStandardHelpOptions = true, description = "KV blocks of one worker.")
    static final class Capacity extends Target implements Callable<Integer> {
        @Spec CommandSpec command;

        @Override
        public Integer call() throws Exception {
            EngineArgs engineArgs = args();
            KvCapacity c = PerfModel.of(model, gpu).capacity(tp, engineArgs);
            PrintWriter out = command.commandLine().getOut();
            double gib = 1L << 30;
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("model", model);
                doc.put("gpu", gpu);
                doc.put("tp", tp);
                doc.put("gpu_memory_utilization", util);
                doc.put("weights_per_gpu_gib", c.weightBytesPerGpu() / gib);
                doc.put("activations_gib", c.activationBytes() / gib);
                doc.put("nccl_and_other_gib", (c.ncclBytes() + 3758096384L) / gib);
                doc.put("kv_budget_per_gpu_gib", c.kvBudgetBytes() / gib);
                doc.put("num_gpu_blocks", c.numGpuBlocks());
                doc.put("block_size", blockSize);
                doc.put("kv_tokens", (long) c.numGpuBlocks() * blockSize);
                out.println(Specs.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
                out.flush();
                return 0;
            }
            out.printf(Locale.ROOT, "%s on %d × %s (TP%d), gpu_memory_utilization %.2f:%n", model, tp, gpu, tp, util);
            out.printf(Locale.ROOT, "  weights per GPU     %.2f GiB%n  activations         %.2f GiB%n"
                            + "  NCCL + other        %.2f GiB%n  KV budget per GPU   %.2f GiB%n",
                    c.weightBytesPerGpu() / gib, c.activationBytes() / gib, (c.ncclBytes() + 3758096384L) / gib,
                    c.kvBudgetBytes() / gib);
            out.printf(Locale.ROOT, "  num_gpu_blocks      %d (block_size %d, %d tokens)%n", c.numGpuBlocks(), blockSize,
                    (long) c.numGpuBlocks() * blockSize);
            out.flush();
            return 0;
        }
    }
}
