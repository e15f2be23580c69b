package io.servesim.perf;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Step latency of one engine pass composed from measured per-operator tables ({@link PerfTables}), the way the
 * public aiconfigurator prices a serving iteration: per layer the GEMMs (qkv, o, gate/up, down at the pass's token
 * count), context attention per prefill chunk (measured causal prefill of {@code cached + new} tokens scaled by
 * {@code (full² − cached²) / full²}), generation attention for the decode batch at its mean context, two all-reduces
 * of {@code tokens × hidden} elements for TP &gt; 1, and memory-bound norms and activations; plus the LM head for the
 * last token of each sequence and a fixed per-pass overhead. All curves are resolved per (model, SKU, TP) at
 * construction; {@link #stepMs} allocates only when it fills its memo of exact results.
 */
public final class TableStepTimer implements StepTimer {
    private final Curve[] layerGemms;
    private final Curve lmHead;
    private final Curve context;
    private final double contextScale;
    private final double[] kvLengths;
    private final Curve[] generation;
    private final double generationScale;
    private final Curve allReduce;
    private final int layers;
    private final int hidden;
    private final double memBytesPerS;
    private final double normBytesPerToken;
    private final double actBytesPerToken;
    private final double speedup;
    private final Precision precision;
    private final String source;
    private final String headLayout;
    /** GEMM shapes of the model that were not tabulated and are scaled from the nearest tabulated shape. */
    private final int scaledShapes;
    /** Per-layer GEMM + all-reduce + norm/activation ms by token count, precomputed up to {@link #TOKEN_LIMIT}. */
    private final double[] layerByTokens;
    /** LM head ms by sequence count up to {@link #SEQ_LIMIT}. */
    private final double[] lmHeadBySeqs;
    /** Generation attention (ms per layer, scaled) by batch size, as a curve over KV length. */
    private final Curve[] generationByBatch;
    /**
     * Whole decode-only passes by (sequences, context sum), which is all their price depends on: a worker's decode
     * runs price one such pass per token, and steady batches revisit the same shapes (a sweep replays the same
     * requests on many deployments). Saves the logarithm and exponential of the attention lookup.
     */
    private final ExactMemo decodePassMemo = new ExactMemo(16);
    static final int TOKEN_LIMIT = 16384;
    static final int SEQ_LIMIT = 1024;

    /** Resolves the tables of {@code model} at TP {@code tp} at the checkpoint's precision. */
    public TableStepTimer(PerfTables tables, ModelCard model, GpuSku sku, int tp, double speedupRatio) {
        this(tables, model, sku, tp, speedupRatio, model.checkpointPrecision());
    }

    /**
     * Resolves the tables of {@code model} at TP {@code tp} and precision {@code precision} (FP8 GEMM tables for the
     * layer GEMMs with FP8 weights, FP8-KV attention tables with an FP8 KV cache); fails if a needed table is missing.
     */
    public TableStepTimer(PerfTables tables, ModelCard model, GpuSku sku, int tp, double speedupRatio,
                          Precision precision) {
        List<int[]> shapes = TableBuilder.shapes(model, tp);
        layerGemms = new Curve[4];
        int scaled = 0;
        for (int i = 0; i < 4; i++) {
            int[] s = shapes.get(i);
            layerGemms[i] = require(tables.gemmOrNearest(s[0], s[1], precision.fp8Weights()), s, model, tp);
            scaled += tables.gemm(s[0], s[1], precision.fp8Weights()) == null ? 1 : 0;
        }
        int[] head = shapes.get(TableBuilder.LM_HEAD);
        lmHead = require(tables.gemmOrNearest(head[0], head[1], false), head, model, tp);
        scaled += tables.gemm(head[0], head[1]) == null ? 1 : 0;
        scaledShapes = scaled;
        int hr = model.heads() / tp;
        int gr = model.kvHeadsPerRank(tp);
        boolean fp8Kv = precision.fp8KvCache();
        int[] layout = closestLayout(tables.headLayouts(fp8Kv), hr, gr);
        if (layout == null) {
            throw new IllegalArgumentException("no " + (fp8Kv ? "FP8-KV " : "") + "attention tables ("
                    + tables.provenance() + ")");
        }
        context = tables.contextAttention(layout[0], layout[1], fp8Kv);
        contextScale = (double) hr / layout[0];
        TreeMap<Double, Curve> gen = tables.generationAttention(layout[0], layout[1], fp8Kv);
        kvLengths = gen.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        generation = gen.values().toArray(new Curve[0]);
        generationScale = (double) gr / layout[1];
        allReduce = tp == 1 ? null : tables.allReduce(tp);
        if (tp > 1 && allReduce == null) {
            throw new IllegalArgumentException("no all-reduce table for TP " + tp + " on " + sku.name());
        }
        layers = model.layers();
        hidden = model.hiddenSize();
        memBytesPerS = sku.memBandwidthBytesPerS() * RooflineStepTimer.MEM_EFFICIENCY;
        normBytesPerToken = 8.0 * model.hiddenSize() * model.dtypeBytes() / 2;
        actBytesPerToken = 3.0 * model.intermediateSize() / tp * model.dtypeBytes();
        speedup = speedupRatio;
        this.precision = precision;
        source = tables.provenance();
        headLayout = layout[0] + "q/" + layout[1] + "kv";
        layerByTokens = new double[TOKEN_LIMIT + 1];
        for (int t = 1; t <= TOKEN_LIMIT; t++) {
            layerByTokens[t] = layerTokenMs(t);
        }
        lmHeadBySeqs = new double[SEQ_LIMIT + 1];
        for (int n = 1; n <= SEQ_LIMIT; n++) {
            lmHeadBySeqs[n] = lmHead.at(n);
        }
        generationByBatch = new Curve[SEQ_LIMIT + 1];
        for (int b = 1; b <= SEQ_LIMIT; b++) {
            double[] ys = new double[kvLengths.length];
            for (int i = 0; i < kvLengths.length; i++) {
                ys[i] = generation[i].at(b) * generationScale;
            }
            generationByBatch[b] = new Curve(kvLengths, ys, 1);
        }
    }

    /** Per-layer ms of everything that depends only on the pass's token count. */
    private double layerTokenMs(long tokens) {
        return gemmMs(tokens) + allReduceMs(tokens) + normsActivationsMs(tokens);
    }

    private double gemmMs(long tokens) {
        double ms = 0;
        for (Curve g : layerGemms) {
            ms += g.at(tokens);
        }
        return ms;
    }

    private double allReduceMs(long tokens) {
        return allReduce == null ? 0 : 2 * allReduce.at((double) tokens * hidden);
    }

    private double normsActivationsMs(long tokens) {
        return 3 * 0.003 + tokens * (2 * normBytesPerToken + actBytesPerToken) / memBytesPerS * 1000;
    }

    /** Per-layer context attention of every prefill chunk of {@code batch}. */
    private double prefillAttentionMs(StepBatch batch) {
        double ms = 0;
        for (int i = 0; i < batch.prefillCount(); i++) {
            ms += contextMs(batch.prefillNewTokens(i), batch.prefillCachedTokens(i));
        }
        return ms;
    }

    /** Per-layer generation attention of {@code decodes} sequences at mean context {@code context}. */
    private double decodeAttentionMs(int decodes, double context) {
        if (decodes == 0) {
            return 0;
        }
        return decodes <= SEQ_LIMIT ? generationByBatch[decodes].at(context)
                : generationMs(decodes, context) * generationScale;
    }

    private double lmHeadMs(int sequences) {
        return sequences <= SEQ_LIMIT ? lmHeadBySeqs[sequences] : lmHead.at(sequences);
    }

    /** Returns true when the tables cover every GEMM shape of {@code model} at TP {@code tp} (16-bit). */
    public static boolean covers(PerfTables tables, ModelCard model, int tp) {
        return covers(tables, model, tp, Precision.BF16);
    }

    /**
     * Returns true when the tables can price every operator of {@code model} at TP {@code tp} and {@code precision}:
     * GEMMs of the dtype (shapes that were not tabulated scale from the nearest tabulated one), attention for the KV
     * cache type, and the all-reduce of that TP.
     */
    public static boolean covers(PerfTables tables, ModelCard model, int tp, Precision precision) {
        List<int[]> shapes = TableBuilder.shapes(model, tp);
        for (int i = 0; i < shapes.size(); i++) {
            boolean fp8 = precision.fp8Weights() && i < TableBuilder.LM_HEAD;
            if (tables.gemmOrNearest(shapes.get(i)[0], shapes.get(i)[1], fp8) == null) {
                return false;
            }
        }
        return !tables.headLayouts(precision.fp8KvCache()).isEmpty() && (tp == 1 || tables.allReduce(tp) != null);
    }

    private static Curve require(Curve c, int[] shape, ModelCard m, int tp) {
        if (c == null) {
            throw new IllegalArgumentException("no GEMM table for shape n=" + shape[0] + ", k=" + shape[1] + " ("
                    + m.id() + " at TP " + tp + "); rebuild the tables with servesim perf build-tables");
        }
        return c;
    }

    static int[] closestLayout(List<int[]> layouts, int heads, int kvHeads) {
        int[] best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int[] l : layouts) {
            double score = 10 * Math.abs(Math.log((double) l[1] / kvHeads)) + Math.abs(Math.log((double) l[0] / heads));
            if (score < bestScore) {
                bestScore = score;
                best = l;
            }
        }
        return best;
    }

    @Override
    public double stepMs(StepBatch batch) {
        int decodes = batch.decodeCount();
        if (batch.prefillCount() == 0 && decodes > 0 && decodes <= SEQ_LIMIT) {
            long contextSum = batch.decodeContextSum();
            double ms = decodePassMemo.get(decodes, contextSum);
            return ms == ms ? ms : decodePassMemo.put(decodes, contextSum, computeStepMs(batch)); // NaN: a miss
        }
        return computeStepMs(batch);
    }

    private double computeStepMs(StepBatch batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        long tokens = batch.totalTokens();
        int prefills = batch.prefillCount();
        int decodes = batch.decodeCount();
        double perLayer = (tokens <= TOKEN_LIMIT ? layerByTokens[(int) tokens] : layerTokenMs(tokens))
                + prefillAttentionMs(batch) + decodeAttentionMs(decodes, batch.decodeMeanContext());
        double ms = perLayer * layers + lmHeadMs(prefills + decodes) + RooflineStepTimer.PASS_OVERHEAD_MS;
        return ms / speedup;
    }

    /**
     * Context attention of a chunk of {@code fresh} new tokens after {@code cached} cached ones: the measured prefill
     * of the full length scaled by (full² − cached²) / full², never less than the same chunk without a prefix (at
     * small sizes the measured curve is launch-bound, and the scaling alone would make a longer prefix cheaper).
     */
    private double contextMs(double fresh, double cached) {
        double full = cached + fresh;
        double scaled = context.at(full) * (full * full - cached * cached) / (full * full);
        return Math.max(scaled, context.at(fresh)) * contextScale;
    }

    private double generationMs(int batchSize, double context) {
        int n = kvLengths.length;
        if (context <= kvLengths[0]) {
            return generation[0].at(batchSize);
        }
        if (context >= kvLengths[n - 1]) {
            return generation[n - 1].at(batchSize) * context / kvLengths[n - 1];
        }
        int i = Arrays.binarySearch(kvLengths, context);
        if (i >= 0) {
            return generation[i].at(batchSize);
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double a = Math.log(generation[lo].at(batchSize));
        double b = Math.log(generation[hi].at(batchSize));
        double t = (Math.log(context) - Math.log(kvLengths[lo])) / (Math.log(kvLengths[hi]) - Math.log(kvLengths[lo]));
        return Math.exp(a + t * (b - a));
    }

    /** Returns the parts of a pass with where each number came from, for {@code perf step}. */
    @Override
    public List<OperatorTime> explain(StepBatch batch) {
        long tokens = batch.totalTokens();
        String gemmTable = (precision.fp8Weights() ? "FP8 GEMM table" : "BF16 GEMM table")
                + (scaledShapes == 0 ? "" : ", " + scaledShapes + " shapes scaled from the nearest tabulated one");
        String attention = (precision.fp8KvCache() ? "FP8-KV" : "BF16-KV") + " attention table " + headLayout;
        return List.of(
                new OperatorTime("gemm_ms", gemmMs(tokens) * layers, source + ", " + gemmTable),
                new OperatorTime("context_attention_ms", prefillAttentionMs(batch) * layers, source + ", " + attention),
                new OperatorTime("generation_attention_ms",
                        decodeAttentionMs(batch.decodeCount(), batch.decodeMeanContext()) * layers,
                        source + ", " + attention),
                new OperatorTime("allreduce_ms", allReduceMs(tokens) * layers, source + ", custom all-reduce table"),
                new OperatorTime("norms_activations_ms", normsActivationsMs(tokens) * layers,
                        "roofline (memory-bound, 80% of HBM bandwidth + 3 µs)"),
                new OperatorTime("lm_head_ms", lmHeadMs(batch.prefillCount() + batch.decodeCount()),
                        source + ", BF16 GEMM table"),
                new OperatorTime("pass_overhead_ms", RooflineStepTimer.PASS_OVERHEAD_MS, "fixed per pass"));
    }

    /** Returns the per-layer parts of a pass (GEMMs, attention, all-reduce, other) in ms, for explanations. */
    public Map<String, Double> breakdown(StepBatch batch) {
        long tokens = batch.totalTokens();
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        out.put("gemm_ms", gemmMs(tokens) * layers);
        out.put("context_attention_ms", prefillAttentionMs(batch) * layers);
        out.put("generation_attention_ms", decodeAttentionMs(batch.decodeCount(), batch.decodeMeanContext()) * layers);
        out.put("allreduce_ms", allReduceMs(tokens) * layers);
        out.put("norms_activations_ms", normsActivationsMs(tokens) * layers);
        out.put("lm_head_ms", lmHeadMs(batch.prefillCount() + batch.decodeCount()));
        out.put("pass_overhead_ms", RooflineStepTimer.PASS_OVERHEAD_MS);
        return out;
    }
}
