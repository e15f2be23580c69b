package io.servesim.kernel.render;

import io.servesim.report.Cards;
import io.servesim.perf.KvCapacity;
import io.servesim.perf.PerfModel;
import io.servesim.perf.StepBatch;
import io.servesim.spec.EngineArgs;
import java.util.LinkedHashMap;
import java.util.Map;

/** The performance model's answer for one batch: step time, its prefill and decode parts, and KV capacity. */
public record PerfView(PerfModel perf, int tp, EngineArgs args, int prefillTokens, int prefix, int decodeBatch,
                       int context) {
    /** Returns the figures shown. */
    public Map<String, Object> figures() {
        Map<String, Object> out = new LinkedHashMap<>();
        var timer = perf.stepTimer(tp, args);
        StepBatch all = new StepBatch();
        StepBatch prefill = new StepBatch();
        StepBatch decode = new StepBatch();
        if (prefillTokens > 0) {
            all.addPrefill(prefillTokens, prefix);
            prefill.addPrefill(prefillTokens, prefix);
        }
        for (int i = 0; i < decodeBatch; i++) {
            all.addDecode(context);
            decode.addDecode(context);
        }
        out.put("step_ms", timer.stepMs(all));
        out.put("prefill_alone_ms", timer.stepMs(prefill));
        out.put("decode_alone_ms", timer.stepMs(decode));
        KvCapacity c = perf.capacity(tp, args);
        out.put("weights_per_gpu_gib", c.weightBytesPerGpu() / (1L << 30));
        out.put("kv_budget_per_gpu_gib", c.kvBudgetBytes() / (1L << 30));
        out.put("num_gpu_blocks", (double) c.numGpuBlocks());
        out.put("kv_tokens", (double) c.numGpuBlocks() * args.blockSize());
        return out;
    }

    /** Returns the card title. */
    public String title() {
        return perf.modelId() + " on " + tp + " × " + perf.sku().name() + ": " + prefillTokens + " prefill tokens ("
                + prefix + " cached), " + decodeBatch + " decode sequences at " + context + " context";
    }

    @Override
    public String toString() {
        return Cards.text(title(), figures());
    }
}
