package io.servesim.perf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-operator latency tables servesim ships for a GPU SKU (resources {@code io/servesim/perf/tables/<sku>/},
 * built by {@code servesim perf build-tables} from public measurements; see PROVENANCE.md there): GEMM latency vs
 * tokens per (n, k) shape, context attention vs prompt length and generation attention vs (batch, KV length) per
 * (query heads, KV heads) per GPU, and all-reduce vs message size per TP. Immutable and cached per SKU.
 */
public final class PerfTables {
    static final String ROOT = "tables/";
    private static final Map<String, Optional<PerfTables>> CACHE = new ConcurrentHashMap<>();

    /** Table files of one SKU (the FP8 ones are optional). */
    static final String GEMM = "gemm.csv";
    static final String GEMM_FP8 = "gemm_fp8.csv";
    static final String CONTEXT = "context_attention.csv";
    static final String CONTEXT_FP8KV = "context_attention_fp8kv.csv";
    static final String GENERATION = "generation_attention.csv";
    static final String GENERATION_FP8KV = "generation_attention_fp8kv.csv";
    static final String ALLREDUCE = "allreduce.csv";

    private final String provenance;
    private final Map<Long, Curve> gemm;
    private final Map<Long, Curve> gemmFp8;
    private final Map<Long, Curve> contextAttention;
    private final Map<Long, Curve> contextAttentionFp8Kv;
    private final Map<Long, TreeMap<Double, Curve>> generationAttention;
    private final Map<Long, TreeMap<Double, Curve>> generationAttentionFp8Kv;
    private final Map<Integer, Curve> allReduce;

    PerfTables(String provenance, Map<Long, Curve> gemm, Map<Long, Curve> gemmFp8, Map<Long, Curve> contextAttention,
               Map<Long, Curve> contextAttentionFp8Kv, Map<Long, TreeMap<Double, Curve>> generationAttention,
               Map<Long, TreeMap<Double, Curve>> generationAttentionFp8Kv, Map<Integer, Curve> allReduce) {
        this.provenance = provenance;
        this.gemm = gemm;
        this.gemmFp8 = gemmFp8;
        this.contextAttention = contextAttention;
        this.contextAttentionFp8Kv = contextAttentionFp8Kv;
        this.generationAttention = generationAttention;
        this.generationAttentionFp8Kv = generationAttentionFp8Kv;
        this.allReduce = allReduce;
    }

    /** Returns the tables of {@code sku}, or empty when servesim ships none for it. */
    public static Optional<PerfTables> forSku(String sku) {
        return CACHE.computeIfAbsent(sku, PerfTables::load);
    }

    static long key(long a, long b) {
        return (a << 32) | b;
    }

    /** Where the numbers come from, e.g. {@code measured on h200_sxm} or {@code transferred from h200_sxm}. */
    public String provenance() {
        return provenance;
    }

    /** Returns the BF16 GEMM curve (latency ms vs m tokens) of shape (n, k), or null if not tabulated. */
    public Curve gemm(int n, int k) {
        return gemm.get(key(n, k));
    }

    /** Returns the GEMM curve of shape (n, k) in FP8 ({@code fp8}, per-tensor scaled) or BF16, or null. */
    public Curve gemm(int n, int k, boolean fp8) {
        return (fp8 ? gemmFp8 : gemm).get(key(n, k));
    }

    /**
     * Returns the GEMM curve of (n, k), or, when that shape is not tabulated, the curve of the nearest tabulated shape
     * (in log n + log k) scaled by the ratio of n·k, as {@code perf build-tables} does for unmeasured shapes; null
     * only when no GEMM of the dtype is tabulated.
     */
    public Curve gemmOrNearest(int n, int k, boolean fp8) {
        Map<Long, Curve> table = fp8 ? gemmFp8 : gemm;
        Curve exact = table.get(key(n, k));
        if (exact != null || table.isEmpty()) {
            return exact;
        }
        long best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (long s : new TreeMap<>(table).keySet()) {
            double d = Math.abs(Math.log((double) (s >>> 32) / n)) + Math.abs(Math.log((double) (int) s / k));
            if (d < bestDistance) {
                bestDistance = d;
                best = s;
            }
        }
        Curve near = table.get(best);
        double scale = (double) n * k / ((double) (best >>> 32) * (int) best);
        return new Curve(near.xs(), java.util.Arrays.stream(near.ys()).map(y -> y * scale).toArray(), near.exponent());
    }

    /** Returns the context-attention curve (ms per layer vs prompt tokens, batch 1) for a head layout, or null. */
    public Curve contextAttention(int heads, int kvHeads) {
        return contextAttention.get(key(heads, kvHeads));
    }

    /** Returns the context-attention curve with an FP8 ({@code fp8Kv}) or 16-bit KV cache, or null. */
    public Curve contextAttention(int heads, int kvHeads, boolean fp8Kv) {
        return (fp8Kv ? contextAttentionFp8Kv : contextAttention).get(key(heads, kvHeads));
    }

    /** Returns the generation-attention curves (ms per layer vs batch) by KV length for a head layout, or null. */
    public TreeMap<Double, Curve> generationAttention(int heads, int kvHeads) {
        return generationAttention.get(key(heads, kvHeads));
    }

    /** Returns the generation-attention curves with an FP8 ({@code fp8Kv}) or 16-bit KV cache, or null. */
    public TreeMap<Double, Curve> generationAttention(int heads, int kvHeads, boolean fp8Kv) {
        return (fp8Kv ? generationAttentionFp8Kv : generationAttention).get(key(heads, kvHeads));
    }

    /** Returns the all-reduce curve (ms vs elements per rank) for {@code gpus} GPUs, or null. */
    public Curve allReduce(int gpus) {
        return allReduce.get(gpus);
    }

    /** Returns true when FP8 GEMM tables ({@code fp8Weights}) and FP8-KV attention tables ({@code fp8KvCache}) exist. */
    public boolean supports(Precision p) {
        return (!p.fp8Weights() || !gemmFp8.isEmpty()) && (!p.fp8KvCache() || !contextAttentionFp8Kv.isEmpty());
    }

    /** Returns the head layouts (query heads, KV heads per GPU) with attention tables. */
    public List<int[]> headLayouts() {
        return headLayouts(false);
    }

    /** Returns the head layouts with attention tables for an FP8 ({@code fp8Kv}) or 16-bit KV cache. */
    public List<int[]> headLayouts(boolean fp8Kv) {
        List<int[]> out = new ArrayList<>();
        for (long k : new TreeMap<>(fp8Kv ? contextAttentionFp8Kv : contextAttention).keySet()) {
            if ((fp8Kv ? generationAttentionFp8Kv : generationAttention).containsKey(k)) {
                out.add(new int[] {(int) (k >>> 32), (int) k});
            }
        }
        return out;
    }

    /**
     * Returns these tables with every curve's latencies mapped by {@code f} (operator kind, the curve's key, x, y),
     * labelled {@code newProvenance}: how tables move to another GPU ({@link TableTransfer}).
     */
    PerfTables mapped(String newProvenance, PointMap f) {
        return new PerfTables(newProvenance, mapCurves(gemm, Operator.GEMM_BF16, f), mapCurves(gemmFp8, Operator.GEMM_FP8, f),
                mapCurves(contextAttention, Operator.CONTEXT_ATTENTION, f),
                mapCurves(contextAttentionFp8Kv, Operator.CONTEXT_ATTENTION_FP8KV, f),
                mapGen(generationAttention, Operator.GENERATION_ATTENTION, f),
                mapGen(generationAttentionFp8Kv, Operator.GENERATION_ATTENTION_FP8KV, f),
                mapCurves(allReduce, Operator.ALLREDUCE, f));
    }

    /** Returns the curve value of operator {@code op} with key {@code key} (and KV length {@code kv}) at x, or null. */
    Double pointAt(Operator op, long key, double x, double kv) {
        Curve c = switch (op) {
            case GEMM_BF16 -> gemm.get(key);
            case GEMM_FP8 -> gemmFp8.get(key);
            case CONTEXT_ATTENTION -> contextAttention.get(key);
            case CONTEXT_ATTENTION_FP8KV -> contextAttentionFp8Kv.get(key);
            case GENERATION_ATTENTION -> generationAttention.getOrDefault(key, new TreeMap<>()).get(kv);
            case GENERATION_ATTENTION_FP8KV -> generationAttentionFp8Kv.getOrDefault(key, new TreeMap<>()).get(kv);
            case ALLREDUCE -> allReduce.get((int) key);
        };
        return c == null ? null : c.at(x);
    }

    /** The kinds of tabulated operator. */
    enum Operator { GEMM_BF16, GEMM_FP8, CONTEXT_ATTENTION, CONTEXT_ATTENTION_FP8KV, GENERATION_ATTENTION,
        GENERATION_ATTENTION_FP8KV, ALLREDUCE }

    /** Maps one measured point to another latency. */
    @FunctionalInterface
    interface PointMap {
        /**
         * @param key  (n, k) for GEMMs, (heads, KV heads) for attention, GPUs for all-reduce
         * @param x    tokens m (GEMM), prompt tokens (context), batch (generation), elements (all-reduce)
         * @param kv   KV length (generation attention), else 0
         */
        double apply(Operator op, long key, double x, double kv, double latencyMs);
    }

    private static <K extends Comparable<K>> Map<K, Curve> mapCurves(Map<K, Curve> in, Operator op, PointMap f) {
        Map<K, Curve> out = new HashMap<>();
        in.forEach((k, c) -> out.put(k, mapCurve(c, op, ((Number) k).longValue(), 0, f)));
        return out;
    }

    private static Map<Long, TreeMap<Double, Curve>> mapGen(Map<Long, TreeMap<Double, Curve>> in, Operator op,
                                                             PointMap f) {
        Map<Long, TreeMap<Double, Curve>> out = new HashMap<>();
        in.forEach((k, byKv) -> {
            TreeMap<Double, Curve> m = new TreeMap<>();
            byKv.forEach((kv, c) -> m.put(kv, mapCurve(c, op, k, kv, f)));
            out.put(k, m);
        });
        return out;
    }

    private static Curve mapCurve(Curve c, Operator op, long key, double kv, PointMap f) {
        double[] x = c.xs();
        double[] y = c.ys();
        for (int i = 0; i < x.length; i++) {
            y[i] = f.apply(op, key, x[i], kv, y[i]);
        }
        return new Curve(x, y, c.exponent());
    }

    private static Optional<PerfTables> load(String sku) {
        String dir = ROOT + sku + "/";
        if (PerfTables.class.getResource(dir + GEMM) == null) {
            return Optional.empty();
        }
        return Optional.of(new PerfTables("measured on " + sku, gemm(dir + GEMM), gemm(dir + GEMM_FP8),
                context(dir + CONTEXT), context(dir + CONTEXT_FP8KV), generation(dir + GENERATION),
                generation(dir + GENERATION_FP8KV), allReduce(dir + ALLREDUCE)));
    }

    private static Map<Long, Curve> gemm(String resource) {
        Map<Long, List<double[]>> rows = new HashMap<>();
        for (String[] r : rows(resource)) {
            rows.computeIfAbsent(key(Integer.parseInt(r[0]), Integer.parseInt(r[1])), k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(r[2]), Double.parseDouble(r[3])});
        }
        Map<Long, Curve> out = new HashMap<>();
        rows.forEach((k, v) -> out.put(k, curve(v, 1)));
        return out;
    }

    private static Map<Long, Curve> context(String resource) {
        Map<Long, List<double[]>> rows = new HashMap<>();
        for (String[] r : rows(resource)) {
            if (Integer.parseInt(r[3]) == 1) {
                rows.computeIfAbsent(key(Integer.parseInt(r[0]), Integer.parseInt(r[1])), k -> new ArrayList<>())
                        .add(new double[] {Double.parseDouble(r[2]), Double.parseDouble(r[4])});
            }
        }
        Map<Long, Curve> out = new HashMap<>();
        rows.forEach((k, v) -> out.put(k, curve(v, 2)));
        return out;
    }

    private static Map<Long, TreeMap<Double, Curve>> generation(String resource) {
        Map<Long, Map<Double, List<double[]>>> rows = new HashMap<>();
        for (String[] r : rows(resource)) {
            rows.computeIfAbsent(key(Integer.parseInt(r[0]), Integer.parseInt(r[1])), k -> new HashMap<>())
                    .computeIfAbsent(Double.parseDouble(r[3]), k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(r[2]), Double.parseDouble(r[4])});
        }
        Map<Long, TreeMap<Double, Curve>> out = new HashMap<>();
        rows.forEach((k, byKv) -> {
            TreeMap<Double, Curve> m = new TreeMap<>();
            byKv.forEach((kv, pts) -> m.put(kv, curve(pts, 1)));
            out.put(k, m);
        });
        return out;
    }

    private static Map<Integer, Curve> allReduce(String resource) {
        Map<Integer, List<double[]>> rows = new HashMap<>();
        for (String[] r : rows(resource)) {
            rows.computeIfAbsent(Integer.parseInt(r[0]), k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(r[1]), Double.parseDouble(r[2])});
        }
        Map<Integer, Curve> out = new HashMap<>();
        rows.forEach((k, v) -> out.put(k, curve(v, 1)));
        return out;
    }

    /** Builds a curve from (x, y) points, averaging duplicate x values. */
    static Curve curve(List<double[]> points, double exponent) {
        TreeMap<Double, double[]> byX = new TreeMap<>();
        for (double[] p : points) {
            double[] acc = byX.computeIfAbsent(p[0], k -> new double[2]);
            acc[0] += p[1];
            acc[1]++;
        }
        double[] x = new double[byX.size()];
        double[] y = new double[byX.size()];
        int i = 0;
        for (var e : byX.entrySet()) {
            x[i] = e.getKey();
            y[i++] = e.getValue()[0] / e.getValue()[1];
        }
        return new Curve(x, y, exponent);
    }

    /** Reads the rows of a table; a missing optional table (the FP8 ones) has none. */
    private static List<String[]> rows(String resource) {
        try (InputStream in = PerfTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                if (resource.endsWith(GEMM) || resource.endsWith(CONTEXT) || resource.endsWith(GENERATION)
                        || resource.endsWith(ALLREDUCE)) {
                    throw new IllegalStateException("performance table " + resource + " is missing");
                }
                return List.of();
            }
            List<String[]> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && header != null) {
                    out.add(line.split(","));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
