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

    /** Precomputes the constants of {@code model} on {@code sku} at TP {@code tp}. */
    public RooflineStepTimer(ModelCard model, GpuSku sku, int tp, double speedupRatio) {
        this.tp = tp;
        this.layers = model.layers();
        this.speedup = speedupRatio;
        this.peakFlops = sku.bf16Flops();
        this.memBytesPerS = sku.memBandwidthBytesPerS();
        this.linearFlopsPerToken = 2.0 * model.layers() * model.linearParamsPerLayer() / tp;
        this.weightStreamS = (double) model.weightBytes() / tp / (memBytesPerS * MEM_EFFICIENCY);
        // QK^T and PV: 2 matmuls × 2 FLOPs × heads/tp × headDim per (query, key) pair per layer
        this.attentionFlopsPerTokenPair = 4.0 * model.heads() / tp * model.headDim() * model.layers();
        this.kvBytesPerTokenRank = model.kvBytesPerTokenPerRank(tp);
        this.allReduceBytesPerToken = (double) model.hiddenSize() * model.dtypeBytes();
        this.allReduceFactor = tp == 1 ? 0 : 2.0 * (tp - 1) / tp / (sku.intraNodeBandwidthBytesPerS() * ALLREDUCE_EFFICIENCY);
        this.lmHeadFlopsPerSeq = 2.0 * model.vocabSize() * model.hiddenSize() / tp;
    }

    @Override
    public double stepMs(StepBatch batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        long tokens = batch.totalTokens();
        int sequences = batch.prefillCount() + batch.decodeCount();
        double mfu = GEMM_MFU * tokens / (tokens + GEMM_HALF_TOKENS);
        double flops = tokens * linearFlopsPerToken + sequences * lmHeadFlopsPerSeq;
        double linear = Math.max(flops / (peakFlops * mfu), weightStreamS);
        double attention = 0;
        int n = batch.prefillCount();
        for (int i = 0; i < n; i++) {
            double fresh = batch.prefillNewTokens(i);
            double cached = batch.prefillCachedTokens(i);
            attention += fresh * (cached + fresh / 2.0) * attentionFlopsPerTokenPair;
        }
        attention /= peakFlops * ATTENTION_MFU;
        if (batch.decodeCount() > 0) {
            attention += Math.max(batch.decodeContextSum() * kvBytesPerTokenRank
                    / (memBytesPerS * DECODE_ATTENTION_EFFICIENCY), LAYER_FLOOR_S * layers);
        }
        double allReduce = tp == 1 ? 0
                : 2.0 * layers * (ALLREDUCE_LATENCY_S + tokens * allReduceBytesPerToken * allReduceFactor);
        return ((linear + attention + allReduce) * 1000.0 + PASS_OVERHEAD_MS) / speedup;
    }
}
