package io.servesim.kernel.render;

import io.servesim.perf.KvCapacity;
import io.servesim.perf.StepReport;
import io.servesim.report.Cards;
import java.util.LinkedHashMap;
import java.util.Map;

/** The performance model's answer for one pass, as the notebook shows it: the step report and the KV capacity. */
public record PerfView(StepReport step, KvCapacity capacity) {
    /** Returns the figures shown. */
    public Map<String, Object> figures() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("step_ms", step.stepMs());
        out.put("prefill_alone_ms", step.prefillAloneMs());
        out.put("decode_alone_ms", step.decodeAloneMs());
        out.put("weights_per_gpu_gib", capacity.weightBytesPerGpu() / (1L << 30));
        out.put("kv_budget_per_gpu_gib", capacity.kvBudgetBytes() / (1L << 30));
        out.put("num_gpu_blocks", (double) capacity.numGpuBlocks());
        out.put("kv_tokens", (double) capacity.numGpuBlocks() * capacity.args().blockSize());
        return out;
    }

    /** Returns the card title. */
    public String title() {
        StepReport.Worker w = step.worker();
        StepReport.Pass p = step.pass();
        return w.model() + " on " + w.tp() + " × " + w.gpu() + ": " + p.prefillTokens() + " prefill tokens ("
                + p.prefixTokens() + " cached), " + p.decodeBatch() + " decode sequences at " + p.contextTokens()
                + " context";
    }

    @Override
    public String toString() {
        return Cards.text(title(), figures());
    }
}
