package io.servesim.cli;

import io.servesim.perf.KvCapacity;
import io.servesim.perf.OperatorTime;
import io.servesim.perf.PerfModel;
import io.servesim.perf.StepReport;
import io.servesim.spec.Defaults;
import io.servesim.spec.EngineArgs;
import io.servesim.spec.EngineOverheads;
import io.servesim.spec.Specs;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code servesim perf}: step time and KV capacity from the performance model. */
@Command(name = "perf", mixinStandardHelpOptions = true, description = "Step-time and KV capacity from the performance model.",
        subcommands = {PerfCommand.Step.class, PerfCommand.Capacity.class, PerfCommand.BuildTables.class})
final class PerfCommand extends GroupCommand {

    /** {@code servesim perf step}. */
    @Command(name = "step", mixinStandardHelpOptions = true, description = "Latency of one engine pass.")
    static final class Step implements Callable<Integer> {
        @Spec CommandSpec command;
        @Mixin PerfOptions worker;
        @Mixin StepOptions step;
        @Option(names = "--json", description = "Print the result as JSON (default: text)") boolean json;

        @Override
        public Integer call() throws Exception {
            StepReport.Pass pass = step.pass();
            if (pass.isEmpty()) {
                throw new IllegalArgumentException("the pass is empty; give --prefill-tokens N and/or --decode-batch N");
            }
            EngineArgs args = worker.args();
            StepReport r = StepReport.of(worker.perf(), worker.tp(), args, pass);
            PrintWriter out = command.commandLine().getOut();
            out.print(json ? Specs.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json(r))
                    + System.lineSeparator() : text(r));
            out.flush();
            return 0;
        }

        /** Returns the report as the JSON document {@code --json} prints. */
        static Map<String, Object> json(StepReport r) {
            StepReport.Worker w = r.worker();
            StepReport.Pass p = r.pass();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", w.model());
            doc.put("gpu", w.gpu());
            doc.put("tp", w.tp());
            doc.put("precision", w.precision());
            doc.put("prefill_tokens", p.prefillTokens());
            doc.put("prefix_tokens", p.prefixTokens());
            doc.put("decode_batch", p.decodeBatch());
            doc.put("context_tokens", p.contextTokens());
            doc.put("step_ms", r.stepMs());
            doc.put("source", w.source());
            Map<String, Double> parts = new LinkedHashMap<>();
            for (OperatorTime t : r.operators()) {
                parts.merge(t.name(), t.ms(), Double::sum);
            }
            doc.put("breakdown_ms", parts);
            doc.put("step_overhead_ms", w.args().stepOverhead());
            doc.put("ttft_overhead_ms", w.args().ttftOverhead());
            doc.put("prefill_alone_ms", p.prefillTokens() > 0 ? r.prefillAloneMs() : null);
            return doc;
        }

        /** Returns the report as the text printed by default. */
        static String text(StepReport r) {
            StepReport.Worker w = r.worker();
            StepReport.Pass p = r.pass();
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s on %d × %s (TP%d, %s): prefill %d new"
                    + " + %d cached tokens, %d decode sequences at %d context%n  step %.3f ms (%s)%n", w.model(), w.tp(),
                    w.gpu(), w.tp(), w.precision(), p.prefillTokens(), p.prefixTokens(), p.decodeBatch(),
                    p.contextTokens(), r.stepMs(), w.source()));
            for (OperatorTime t : r.operators()) {
                b.append(String.format(Locale.ROOT, "    %-26s %9.3f ms  %s%n", t.name(), t.ms(), t.source()));
            }
            b.append(String.format(Locale.ROOT, "  + step_overhead_ms %.3f ms host time per pass = %.3f ms per pass%n"
                    + "  + ttft_overhead_ms %.3f ms per request before it reaches the engine (not GPU time)%n"
                    + "  overhead defaults (%s): %s%n", w.args().stepOverhead(), r.perPassMs(), w.args().ttftOverhead(),
                    Defaults.BACKEND, EngineOverheads.forBackend(Defaults.BACKEND).source()));
            if (p.prefillTokens() > 0) {
                b.append(String.format(Locale.ROOT, "  prefill part alone %.3f ms%n", r.prefillAloneMs()));
            }
            return b.toString();
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
    static final class Capacity implements Callable<Integer> {
        @Spec CommandSpec command;
        @Mixin PerfOptions worker;
        @Option(names = "--json", description = "Print the result as JSON (default: text)") boolean json;

        @Override
        public Integer call() throws Exception {
            EngineArgs args = worker.args();
            PerfModel perf = worker.perf();
            int tp = worker.tp();
            KvCapacity c = perf.capacity(tp, args);
            PrintWriter out = command.commandLine().getOut();
            double gib = 1L << 30;
            long kvTokens = (long) c.numGpuBlocks() * args.blockSize();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("model", perf.modelId());
                doc.put("gpu", perf.sku().name());
                doc.put("tp", tp);
                doc.put("precision", c.precision().label());
                doc.put("gpu_memory_utilization", args.gpuMemoryUtilization());
                doc.put("weights_per_gpu_gib", c.weightBytesPerGpu() / gib);
                doc.put("activations_gib", c.activationBytes() / gib);
                doc.put("nccl_and_other_gib", c.ncclAndOtherBytes() / gib);
                doc.put("kv_budget_per_gpu_gib", c.kvBudgetBytes() / gib);
                doc.put("num_gpu_blocks", c.numGpuBlocks());
                doc.put("block_size", args.blockSize());
                doc.put("kv_tokens", kvTokens);
                out.println(Specs.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
                out.flush();
                return 0;
            }
            out.printf(Locale.ROOT, "%s on %d × %s (TP%d, %s), gpu_memory_utilization %.2f:%n", perf.modelId(), tp,
                    perf.sku().name(), tp, c.precision().label(), args.gpuMemoryUtilization());
            out.printf(Locale.ROOT, "  weights per GPU     %.2f GiB%n  activations         %.2f GiB%n"
                            + "  NCCL + other        %.2f GiB%n  KV budget per GPU   %.2f GiB%n",
                    c.weightBytesPerGpu() / gib, c.activationBytes() / gib, c.ncclAndOtherBytes() / gib,
                    c.kvBudgetBytes() / gib);
            out.printf(Locale.ROOT, "  KV per token/GPU    %d bytes%n", c.kvBytesPerTokenPerRank());
            out.printf(Locale.ROOT, "  num_gpu_blocks      %d (block_size %d, %d tokens)%n", c.numGpuBlocks(),
                    args.blockSize(), kvTokens);
            out.flush();
            return 0;
        }
    }
}
