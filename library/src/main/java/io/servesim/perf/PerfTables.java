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

    private final Map<Long, Curve> gemm;
    private final Map<Long, Curve> contextAttention;
    private final Map<Long, TreeMap<Double, Curve>> generationAttention;
    private final Map<Integer, Curve> allReduce;

    PerfTables(Map<Long, Curve> gemm, Map<Long, Curve> contextAttention,
               Map<Long, TreeMap<Double, Curve>> generationAttention, Map<Integer, Curve> allReduce) {
        this.gemm = gemm;
        this.contextAttention = contextAttention;
        this.generationAttention = generationAttention;
        this.allReduce = allReduce;
    }

    /** Returns the tables of {@code sku}, or empty when servesim ships none for it. */
    public static Optional<PerfTables> forSku(String sku) {
        return CACHE.computeIfAbsent(sku, PerfTables::load);
    }

    static long key(long a, long b) {
        return (a << 32) | b;
    }

    /** Returns the GEMM curve (latency ms vs m tokens) of shape (n, k), or null if not tabulated. */
    public Curve gemm(int n, int k) {
        return gemm.get(key(n, k));
    }

    /** Returns the context-attention curve (ms per layer vs prompt tokens, batch 1) for a head layout, or null. */
    public Curve contextAttention(int heads, int kvHeads) {
        return contextAttention.get(key(heads, kvHeads));
    }

    /** Returns the generation-attention curves (ms per layer vs batch) by KV length for a head layout, or null. */
    public TreeMap<Double, Curve> generationAttention(int heads, int kvHeads) {
        return generationAttention.get(key(heads, kvHeads));
    }

    /** Returns the all-reduce curve (ms vs elements per rank) for {@code gpus} GPUs, or null. */
    public Curve allReduce(int gpus) {
        return allReduce.get(gpus);
    }

    /** Returns the head layouts (query heads, KV heads per GPU) with attention tables. */
    public List<int[]> headLayouts() {
        List<int[]> out = new ArrayList<>();
        for (long k : contextAttention.keySet()) {
            out.add(new int[] {(int) (k >>> 32), (int) k});
        }
        return out;
    }

    private static Optional<PerfTables> load(String sku) {
        String dir = ROOT + sku + "/";
        if (PerfTables.class.getResource(dir + "gemm.csv") == null) {
            return Optional.empty();
        }
        Map<Long, List<double[]>> gemmRows = new HashMap<>();
        for (String[] r : rows(dir + "gemm.csv")) {
            gemmRows.computeIfAbsent(key(Integer.parseInt(r[0]), Integer.parseInt(r[1])), k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(r[2]), Double.parseDouble(r[3])});
        }
        Map<Long, Curve> gemm = new HashMap<>();
        gemmRows.forEach((k, v) -> gemm.put(k, curve(v, 1)));
        Map<Long, List<double[]>> ctxRows = new HashMap<>();
        for (String[] r : rows(dir + "context_attention.csv")) {
            if (Integer.parseInt(r[3]) == 1) {
                ctxRows.computeIfAbsent(key(Integer.parseInt(r[0]), Integer.parseInt(r[1])), k -> new ArrayList<>())
                        .add(new double[] {Double.parseDouble(r[2]), Double.parseDouble(r[4])});
            }
        }
        Map<Long, Curve> ctx = new HashMap<>();
        ctxRows.forEach((k, v) -> ctx.put(k, curve(v, 2)));
        Map<Long, Map<Double, List<double[]>>> genRows = new HashMap<>();
        for (String[] r : rows(dir + "generation_attention.csv")) {
            genRows.computeIfAbsent(key(Integer.parseInt(r[0]), Integer.parseInt(r[1])), k -> new HashMap<>())
                    .computeIfAbsent(Double.parseDouble(r[3]), k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(r[2]), Double.parseDouble(r[4])});
        }
        Map<Long, TreeMap<Double, Curve>> gen = new HashMap<>();
        genRows.forEach((k, byKv) -> {
            TreeMap<Double, Curve> m = new TreeMap<>();
            byKv.forEach((kv, pts) -> m.put(kv, curve(pts, 1)));
            gen.put(k, m);
        });
        Map<Integer, List<double[]>> arRows = new HashMap<>();
        for (String[] r : rows(dir + "allreduce.csv")) {
            arRows.computeIfAbsent(Integer.parseInt(r[0]), k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(r[1]), Double.parseDouble(r[2])});
        }
        Map<Integer, Curve> ar = new HashMap<>();
        arRows.forEach((k, v) -> ar.put(k, curve(v, 1)));
        return Optional.of(new PerfTables(gemm, ctx, gen, ar));
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

    private static List<String[]> rows(String resource) {
        try (InputStream in = PerfTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("performance table " + resource + " is missing");
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
