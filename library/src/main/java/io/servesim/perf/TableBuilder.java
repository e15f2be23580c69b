package io.servesim.perf;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds servesim's performance tables of a GPU SKU from its public aiconfigurator measurements (shipped with
 * servesim for every SKU in {@link #shippedSkus()}, see {@link MeasurementSource}: {@code gemm_perf.bfloat16.csv},
 * {@code gemm_perf.fp8.csv}, {@code context_attention_perf.<family>_<kv>.csv},
 * {@code generation_attention_perf.<family>_<kv>.csv} for the Qwen3-32B and Llama-3.1-8B head layouts with BF16 and
 * FP8 KV cache, {@code custom_allreduce_perf.vllm_0.24.0.csv}).
 *
 * <p>GEMM: for every linear layer shape (n, k) of the shipped models at TP 1, 2, 4 and 8 (qkv, o, gate/up, down,
 * LM head), the measured curve over m when the shape was measured, else the curve of the nearest measured shape
 * (in log n + log k) scaled by the ratio of n·k (weights streamed and FLOPs both scale with it); the same for the
 * per-tensor FP8 GEMMs of the layer shapes (the LM head stays BF16). Attention: the measured per-GPU head layouts
 * (64/8, 32/4, 16/2, 8/1 and 32/8, 16/4, 8/2, 4/1), BF16 KV in {@code context_attention.csv} and
 * {@code generation_attention.csv}, FP8 KV in the {@code *_fp8kv.csv} twins. All-reduce: the CUDA-graph custom
 * all-reduce rows (what vLLM uses).
 */
public final class TableBuilder {
    /** The file every set of measurements must hold. */
    static final String GEMM_BF16 = "gemm_perf.bfloat16.csv";
    /** Per-tensor FP8 GEMM measurements (optional). */
    static final String GEMM_FP8 = "gemm_perf.fp8.csv";
    /** Measured attention head-layout families: Qwen3-32B / Llama-3.1-70B (64q/8kv) and Llama-3.1-8B (32q/8kv). */
    static final List<String> HEAD_LAYOUT_FILES = List.of("qwen3_32b", "llama31_8b");
    /** Index of the LM head in {@link #shapes}: it stays BF16 in FP8 checkpoints, so has no FP8 table. */
    static final int LM_HEAD = 4;

    private TableBuilder() {
    }

    /** Returns the GPU SKUs whose measurements ship with servesim (in {@link GpuSkus} order). */
    public static List<String> shippedSkus() {
        List<String> out = new ArrayList<>();
        for (String sku : GpuSkus.names()) {
            if (MeasurementSource.shipped(sku).has(GEMM_BF16)) {
                out.add(sku);
            }
        }
        return out;
    }

    /** Builds the tables of every SKU in {@link #shippedSkus()} into {@code root/<sku>}; returns one line per SKU. */
    public static List<String> buildShipped(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        for (String sku : shippedSkus()) {
            out.add(sku + ": " + build(MeasurementSource.shipped(sku), root.resolve(sku)));
        }
        return out;
    }

    /** Reads the measurements in folder {@code from} and writes the tables into {@code out}; returns a summary. */
    public static String build(Path from, Path out) throws IOException {
        return build(MeasurementSource.folder(from), out);
    }

    /** Reads the measurements of {@code from} and writes the tables into {@code out}; returns a one-line summary. */
    public static String build(MeasurementSource from, Path out) throws IOException {
        if (!from.has(GEMM_BF16)) {
            throw new IllegalArgumentException("--from: " + from.describe() + " has no gemm_perf.bfloat16.csv (or .gz);"
                    + " point it at a folder of aiconfigurator CSV extracts, or leave --from out to use the shipped data");
        }
        Files.createDirectories(out);
        Set<Long> shapes = new LinkedHashSet<>();
        Set<Long> layerShapes = new LinkedHashSet<>();
        for (String id : ModelCard.KNOWN) {
            ModelCard m = ModelCard.of(id);
            for (int tp : new int[] {1, 2, 4, 8}) {
                List<int[]> all = shapes(m, tp);
                for (int i = 0; i < all.size(); i++) {
                    shapes.add(PerfTables.key(all.get(i)[0], all.get(i)[1]));
                    if (i < LM_HEAD) {
                        layerShapes.add(PerfTables.key(all.get(i)[0], all.get(i)[1]));
                    }
                }
            }
        }
        int measured = writeGemm(from.rows(GEMM_BF16), shapes, out.resolve(PerfTables.GEMM));
        String fp8 = "";
        if (from.has(GEMM_FP8)) {
            int fp8Measured = writeGemm(from.rows(GEMM_FP8), layerShapes, out.resolve(PerfTables.GEMM_FP8));
            fp8 = String.format(Locale.ROOT, ", %d FP8 GEMM shapes (%d measured)", layerShapes.size(), fp8Measured);
        }
        int layouts = 0;
        for (String kv : new String[] {"bf16", "fp8kv"}) {
            List<String[]> context = new ArrayList<>();
            List<String[]> generation = new ArrayList<>();
            for (String family : HEAD_LAYOUT_FILES) {
                String name = "context_attention_perf." + family + "_" + kv + ".csv";
                if (from.has(name)) {
                    context.addAll(from.rows(name));
                    generation.addAll(from.rows("generation_attention_perf." + family + "_" + kv + ".csv"));
                }
            }
            if (context.isEmpty()) {
                continue;
            }
            String suffix = kv.equals("bf16") ? "" : "_fp8kv";
            copy(context, out.resolve("context_attention" + suffix + ".csv"),
                    "num_heads,num_key_value_heads,isl,batch_size,latency_ms", new int[] {0, 1, 2, 3, 4}, null);
            copy(generation, out.resolve("generation_attention" + suffix + ".csv"),
                    "num_heads,num_key_value_heads,batch_size,kv_seq_tokens,latency_ms", new int[] {0, 1, 2, 5, 6}, null);
            layouts = Math.max(layouts, (int) context.stream().map(r -> r[0] + "/" + r[1]).distinct().count());
        }
        copy(from.rows("custom_allreduce_perf.vllm_0.24.0.csv"), out.resolve(PerfTables.ALLREDUCE),
                "num_gpus,message_size,latency_ms", new int[] {0, 1, 5}, r -> "vllm_graph".equals(r[2]));
        return String.format(Locale.ROOT, "wrote %d GEMM shapes (%d measured, %d scaled from the nearest measured"
                        + " shape)%s, attention for %d head layouts and all-reduce tables to %s", shapes.size(), measured,
                shapes.size() - measured, fp8, layouts, out);
    }

    /**
     * Writes the GEMM table of {@code shapes} from the measured rows ({@code m,n,k,latency_ms}); a shape that was not
     * measured gets the curve of the nearest measured one scaled by the ratio of n·k. Returns the measured count.
     */
    private static int writeGemm(List<String[]> rows, Set<Long> shapes, Path file) throws IOException {
        Map<Long, TreeMap<Integer, Double>> sites = new TreeMap<>();
        for (String[] r : rows) {
            sites.computeIfAbsent(PerfTables.key(Integer.parseInt(r[1]), Integer.parseInt(r[2])), k -> new TreeMap<>())
                    .merge(Integer.parseInt(r[0]), Double.parseDouble(r[3]), (a, b) -> (a + b) / 2);
        }
        int measured = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("n,k,m,latency_ms,source\n");
            for (long shape : shapes) {
                int n = (int) (shape >>> 32);
                int k = (int) shape;
                long site = sites.containsKey(shape) ? shape : nearest(sites.keySet(), n, k);
                double scale = (double) n * k / ((double) (site >>> 32) * (int) site);
                String source = site == shape ? "measured" : "scaled from " + (site >>> 32) + "x" + (int) site;
                measured += site == shape ? 1 : 0;
                for (var e : sites.get(site).entrySet()) {
                    w.write(n + "," + k + "," + e.getKey() + "," + fmt(e.getValue() * scale) + "," + source + "\n");
                }
            }
        }
        return measured;
    }

    /** Returns the (n, k) of each linear layer of {@code m} at TP {@code tp}: qkv, o, gate/up, down, LM head. */
    public static List<int[]> shapes(ModelCard m, int tp) {
        int d = m.headDim();
        int qkv = m.heads() / tp * d + 2 * m.kvHeadsPerRank(tp) * d;
        return List.of(new int[] {qkv, m.hiddenSize()}, new int[] {m.hiddenSize(), m.heads() * d / tp},
                new int[] {2 * m.intermediateSize() / tp, m.hiddenSize()},
                new int[] {m.hiddenSize(), m.intermediateSize() / tp},
                new int[] {(m.vocabSize() + tp - 1) / tp, m.hiddenSize()});
    }

    private static long nearest(Set<Long> sites, int n, int k) {
        long best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (long s : sites) {
            double dist = Math.abs(Math.log((double) (s >>> 32) / n)) + Math.abs(Math.log((double) (int) s / k));
            if (dist < bestDistance) {
                bestDistance = dist;
                best = s;
            }
        }
        return best;
    }

    private static void copy(List<String[]> rows, Path file, String header, int[] columns,
                             java.util.function.Predicate<String[]> keep) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write(header + "\n");
            for (String[] r : rows) {
                if (keep != null && !keep.test(r)) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int c : columns) {
                    cells.add(r[c]);
                }
                w.write(String.join(",", cells) + "\n");
            }
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
