package io.servesim.perf;

/**
 * Step latency of one engine pass at a TP shape from a roofline with measured-style efficiencies (constants from
 * public H200 measurements; see PERF.md). Per pass: linear layers = max(FLOPs / (peak × MFU(tokens)), weights / TP /
 * (HBM bandwidth × 0.8)); prefill attention = causal FLOPs over (cached + new) context / (peak × 0.6); decode
 * attention = KV bytes read / (bandwidth × 0.85) with a per-layer floor; two all-reduces per layer for TP &gt; 1
 * (2·(t−1)/t · bytes / NVLink × 0.7 + 8 µs); the LM head for the last token of each sequence counted with the linear layers; plus a fixed per-pass
 * overhead. Everything per (model, SKU, TP) is precomputed; {@link #stepMs} does not allocate.
 */
public final class RooflineStepTimer implements StepTimer {
    static final double GEMM_MFU = 0.75;
    static final double GEMM_HALF_TOKENS = 96;
    static final double ATTENTION_MFU = 0.6;
    static final double MEM_EFFICIENCY = 0.8;
    static final double DECODE_ATTENTION_EFFICIENCY = 0.85;
    static final double ALLREDUCE_EFFICIENCY = 0.7;
    static final double ALLREDUCE_LATENCY_S = 8e-6;
    static final double LAYER_FLOOR_S = 14e-6;
    static final double PASS_OVERHEAD_MS = 1.5;

    private final double peakFlops;
    private final double linearPeakFlops;
    private final double memBytesPerS;
    private final double linearFlopsPerToken;
    private final double weightStreamS;
    private final double attentionFlopsPerTokenPair;
    private final double kvBytesPerTokenRank;
    private final double allReduceBytesPerToken;
    private final double allReduceFactor;
    private final int layers;
    private final int tp;
    private final double speedup;
    private final double lmHeadFlopsPerSeq;

    /** Precomputes the constants of {@code model} on {@code sku} at TP {@code tp} at the checkpoint's precision. */
    public RooflineStepTimer(ModelCard model, GpuSku sku, int tp, double speedupRatio) {
        this(model, sku, tp, speedupRatio, model.checkpointPrecision());
    }

    /**
     * Precomputes the constants of {@code model} on {@code sku} at TP {@code tp} and {@code precision}: FP8 weights
     * stream half the bytes and multiply at the FP8 peak (the LM head stays BF16); an FP8 KV cache halves the bytes
     * decode attention reads.
     */
    public RooflineStepTimer(ModelCard model, GpuSku sku, int tp, double speedupRatio, Precision precision) {
        this.tp = tp;
        this.layers = model.layers();
        this.speedup = speedupRatio;
        this.peakFlops = sku.bf16Flops();
        this.linearPeakFlops = sku.flops(precision.fp8Weights());
        this.memBytesPerS = sku.memBandwidthBytesPerS();
        this.linearFlopsPerToken = 2.0 * model.layers() * model.linearParamsPerLayer() / tp;
        this.weightStreamS = (double) model.weightBytes(precision) / tp / (memBytesPerS * MEM_EFFICIENCY);
        // QK^T and PV: 2 matmuls × 2 FLOPs × heads/tp × headDim per (query, key) pair per layer
        this.attentionFlopsPerTokenPair = 4.0 * model.heads() / tp * model.headDim() * model.layers();
        this.kvBytesPerTokenRank = model.kvBytesPerTokenPerRank(tp, precision);
        this.allReduceBytesPerToken = (double) model.hiddenSize() * model.dtypeBytes();
        this.allReduceFactor = tp == 1 ? 0 : 2.0 * (tp - 1) / tp / (sku.intraNodeBandwidthBytesPerS() * ALLREDUCE_EFFICIENCY);
        this.lmHeadFlopsPerSeq = 2.0 * model.vocabSize() * model.hiddenSize() / tp;
    }

    @Override
    public double stepMs(StepBatch batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        return ((linearS(batch) + prefillAttentionS(batch) + decodeAttentionS(batch) + allReduceS(batch)) * 1000.0
                + PASS_OVERHEAD_MS) / speedup;
    }

    @Override
    public java.util.List<OperatorTime> explain(StepBatch batch) {
        String roofline = "roofline (no table covers it)";
        return java.util.List.of(new OperatorTime("linear_and_lm_head_ms", linearS(batch) * 1000, roofline),
                new OperatorTime("context_attention_ms", prefillAttentionS(batch) * 1000, roofline),
                new OperatorTime("generation_attention_ms", decodeAttentionS(batch) * 1000, roofline),
                new OperatorTime("allreduce_ms", allReduceS(batch) * 1000, roofline),
                new OperatorTime("pass_overhead_ms", PASS_OVERHEAD_MS, "fixed per pass"));
    }

    private double linearS(StepBatch batch) {
        long tokens = batch.totalTokens();
        int sequences = batch.prefillCount() + batch.decodeCount();
        double mfu = GEMM_MFU * tokens / (tokens + GEMM_HALF_TOKENS);
        double compute = (tokens * linearFlopsPerToken / linearPeakFlops + sequences * lmHeadFlopsPerSeq / peakFlops)
                / mfu;
        return Math.max(compute, weightStreamS);
    }

    private double prefillAttentionS(StepBatch batch) {
        double attention = 0;
        int n = batch.prefillCount();
        for (int i = 0; i < n; i++) {
            double fresh = batch.prefillNewTokens(i);
            double cached = batch.prefillCachedTokens(i);
            attention += fresh * (cached + fresh / 2.0) * attentionFlopsPerTokenPair;
        }
        return attention / (peakFlops * ATTENTION_MFU);
    }

    private double decodeAttentionS(StepBatch batch) {
        return batch.decodeCount() == 0 ? 0 : Math.max(batch.decodeContextSum() * kvBytesPerTokenRank
                / (memBytesPerS * DECODE_ATTENTION_EFFICIENCY), LAYER_FLOOR_S * layers);
    }

    private double allReduceS(StepBatch batch) {
        return tp == 1 ? 0
                : 2.0 * layers * (ALLREDUCE_LATENCY_S + batch.totalTokens() * allReduceBytesPerToken * allReduceFactor);
    }
}
