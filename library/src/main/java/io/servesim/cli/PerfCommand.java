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
        @Option(names = "--dtype", paramLabel = "DTYPE", description = "auto (default: the checkpoint's), bfloat16,"
                + " float16, fp8") String dtype;
        @Option(names = "--quantization", paramLabel = "Q", description = "fp8 (default: as the checkpoint)")
        String quantization;
        @Option(names = "--kv-cache-dtype", paramLabel = "KV", description = "auto (default) or fp8") String kvCacheDtype;
        @Option(names = "--ttft-overhead-ms", description = "Per-request overhead, ms (default: the backend's)")
        Double ttftOverhead;
        @Option(names = "--step-overhead-ms", description = "Host time per pass, ms (default: the backend's)")
        Double stepOverhead;

        EngineArgs args() {
            Flags.tp("--tp", tp);
            Flags.positive("--block-size", blockSize, Limits.MAX_TOKENS);
            Flags.positive("--max-num-batched-tokens", maxBatched, Limits.MAX_TOKENS);
            if (!(util > 0 && util <= 1)) {
                throw new IllegalArgumentException("--gpu-memory-utilization is " + util
                        + "; allowed: a fraction in (0, 1]");
            }
            return EngineArgs.builder().blockSize(blockSize).gpuMemoryUtilization(util).maxNumBatchedTokens(maxBatched)
                    .ttftOverheadMs(ttftOverhead).stepOverheadMs(stepOverhead)
                    .dtype(dtype == null ? null : io.servesim.spec.Dtype.named(dtype))
                    .quantization(quantization == null ? null : io.servesim.spec.Quantization.named(quantization))
                    .kvCacheDtype(kvCacheDtype == null ? null : io.servesim.spec.KvCacheDtype.named(kvCacheDtype))
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
            String how = timer instanceof io.servesim.perf.TableStepTimer
                    ? "tables " + perf.tables().map(io.servesim.perf.PerfTables::provenance).orElse("")
                    : "roofline model";
            Double prefillAlone = null;
            if (prefillTokens > 0) {
                StepBatch onlyPrefill = new StepBatch();
                onlyPrefill.addPrefill(prefillTokens, prefix);
                prefillAlone = timer.stepMs(onlyPrefill);
            }
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("model", model);
                doc.put("gpu", gpu);
                doc.put("tp", tp);
                doc.put("precision", perf.precision(engineArgs).label());
                doc.put("prefill_tokens", prefillTokens);
                doc.put("prefix_tokens", prefix);
                doc.put("decode_batch", decodeBatch);
                doc.put("context_tokens", context);
                doc.put("step_ms", ms);
                doc.put("source", how);
                Map<String, Double> parts = new LinkedHashMap<>();
                for (io.servesim.perf.OperatorTime t : timer.explain(b)) {
                    parts.merge(t.name(), t.ms(), Double::sum);
                }
                doc.put("breakdown_ms", parts);
                doc.put("step_overhead_ms", engineArgs.stepOverhead());
                doc.put("ttft_overhead_ms", engineArgs.ttftOverhead());
                doc.put("prefill_alone_ms", prefillAlone);
                out.println(Specs.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
                out.flush();
                return 0;
            }
            EngineArgs args = engineArgs;
            out.printf(Locale.ROOT, "%s on %d × %s (TP%d, %s): prefill %d new + %d cached tokens, %d decode sequences"
                    + " at %d context%n  step %.3f ms (%s)%n", model, tp, gpu, tp, perf.precision(args).label(),
                    prefillTokens, prefix, decodeBatch, context, ms, how);
            for (io.servesim.perf.OperatorTime t : timer.explain(b)) {
                out.printf(Locale.ROOT, "    %-26s %9.3f ms  %s%n", t.name(), t.ms(), t.source());
            }
            out.printf(Locale.ROOT, "  + step_overhead_ms %.3f ms host time per pass = %.3f ms per pass%n"
                    + "  + ttft_overhead_ms %.3f ms per request before it reaches the engine (not GPU time)%n"
                    + "  overhead defaults (%s): %s%n", args.stepOverhead(), ms + args.stepOverhead(), args.ttftOverhead(),
                    io.servesim.spec.Defaults.BACKEND,
                    io.servesim.spec.EngineOverheads.forBackend(io.servesim.spec.Defaults.BACKEND).source());
            if (prefillAlone != null) {
                out.printf(Locale.ROOT, "  prefill part alone %.3f ms%n", prefillAlone);
            }
            out.flush();
            return 0;
        }
    }

    /** {@code servesim perf build-tables [--sku SKU] [--from DIR] [--out DIR]}. */
    @Command(name = "build-tables", mixinStandardHelpOptions = true,
            description = "Rebuild the performance tables of every GPU SKU with shipped measurements (h200_sxm,"
                    + " h100_sxm) from the public aiconfigurator measurements, or of one SKU from a folder.")
    static final class BuildTables implements Callable<Integer> {
        @Spec CommandSpec command;
        @Option(names = "--sku", paramLabel = "SKU",
                description = "Only this GPU SKU (default: every SKU with shipped measurements; required with --from)")
        String sku;
        @Option(names = "--from", paramLabel = "DIR",
                description = "Folder of aiconfigurator CSV extracts of the --sku GPU (default: the measurements"
                        + " shipped with servesim)") java.nio.file.Path from;
        @Option(names = "--out", paramLabel = "DIR", defaultValue = "library/src/main/resources/io/servesim/perf/tables",
                description = "Tables root; each SKU's tables go to DIR/<sku>/ (default: ${DEFAULT-VALUE})")
        java.nio.file.Path out;

        @Override
        public Integer call() throws Exception {
            PrintWriter w = command.commandLine().getOut();
            if (from != null && sku == null) {
                throw new IllegalArgumentException("--from " + from + " needs --sku naming the GPU it was measured on"
                        + " (one of " + String.join(", ", io.servesim.perf.GpuSkus.names()) + ")");
            }
            if (sku == null) {
                io.servesim.perf.TableBuilder.buildShipped(out).forEach(w::println);
            } else {
                io.servesim.perf.GpuSkus.of(sku);
                if (from == null && !io.servesim.perf.TableBuilder.shippedSkus().contains(sku)) {
                    throw new IllegalArgumentException("--sku " + sku + " has no shipped measurements (shipped: "
                            + String.join(", ", io.servesim.perf.TableBuilder.shippedSkus()) + "); pass --from DIR");
                }
                w.println(sku + ": " + io.servesim.perf.TableBuilder.build(from == null
                        ? io.servesim.perf.MeasurementSource.shipped(sku)
                        : io.servesim.perf.MeasurementSource.folder(from), out.resolve(sku)));
            }
            w.flush();
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
                doc.put("precision", c.precision().label());
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
            out.printf(Locale.ROOT, "%s on %d × %s (TP%d, %s), gpu_memory_utilization %.2f:%n", model, tp, gpu, tp,
                    c.precision().label(), util);
            out.printf(Locale.ROOT, "  weights per GPU     %.2f GiB%n  activations         %.2f GiB%n"
                            + "  NCCL + other        %.2f GiB%n  KV budget per GPU   %.2f GiB%n",
                    c.weightBytesPerGpu() / gib, c.activationBytes() / gib, (c.ncclBytes() + 3758096384L) / gib,
                    c.kvBudgetBytes() / gib);
            out.printf(Locale.ROOT, "  KV per token/GPU    %d bytes%n", c.kvBytesPerTokenPerRank());
            out.printf(Locale.ROOT, "  num_gpu_blocks      %d (block_size %d, %d tokens)%n", c.numGpuBlocks(), blockSize,
                    (long) c.numGpuBlocks() * blockSize);
            out.flush();
            return 0;
        }
    }
}
