package io.servesim.perf;

import io.servesim.perf.PerfTables.Operator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Moves measured tables to a GPU that has none, scaling every measured point by the hardware ratio that bounds it.
 * A point's latency is split into the kernel's floor (the fastest measured point of the same kernel: any GEMM of the
 * dtype, attention of the same head layout, all-reduce over the same GPU count; launch and synchronisation latency,
 * which no FLOPs or bandwidth change) and the rest, which scales:
 * <ul>
 *   <li>GEMMs and decode (generation) attention: {@code max(memory × bandwidth ratio, compute × FLOPs ratio, rest ×
 *   the smaller ratio)}. Memory is the time the bytes moved need at the streaming efficiency seen in the measurements
 *   (80% of HBM bandwidth for GEMMs, 85% for decode attention), compute the time the FLOPs need at the best FLOPs
 *   efficiency measured for that GEMM dtype on the source GPU, each at most the rest. Compute-bound shapes scale with
 *   dense FLOPs for the dtype, weight-streaming shapes and decode attention with HBM bandwidth, and time neither
 *   resource explains (FP8-KV decode attention reaches only ~60% of H200's bandwidth) changes by the smaller ratio;</li>
 *   <li>prefill (context) attention: by dense BF16 FLOPs;</li>
 *   <li>all-reduce: by NVLink bandwidth.</li>
 * </ul>
 * The source is the measured SKU nearest in HBM bandwidth, BF16 FLOPs and NVLink bandwidth (sum of absolute log
 * ratios).
 */
public final class TableTransfer {
    private static final Map<String, Optional<PerfTables>> CACHE = new ConcurrentHashMap<>();

    private TableTransfer() {
    }

    /** Returns the tables of {@code to}: its own measured ones, else those of the nearest measured SKU transferred. */
    public static Optional<PerfTables> tablesFor(GpuSku to) {
        Optional<PerfTables> own = PerfTables.forSku(to.name());
        if (own.isPresent()) {
            return own;
        }
        return CACHE.computeIfAbsent(to.name(), k -> nearestMeasured(to)
                .map(from -> transfer(PerfTables.forSku(from.name()).orElseThrow(), from, to)));
    }

    /** Returns the measured SKU nearest to {@code to} in bandwidth, FLOPs and NVLink, or empty if none is measured. */
    public static Optional<GpuSku> nearestMeasured(GpuSku to) {
        GpuSku best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (String name : GpuSkus.names()) {
            if (name.equals(to.name()) || PerfTables.forSku(name).isEmpty()) {
                continue;
            }
            GpuSku s = GpuSkus.of(name);
            double d = Math.abs(Math.log(s.memBandwidthBytesPerS() / to.memBandwidthBytesPerS()))
                    + Math.abs(Math.log(s.bf16Flops() / to.bf16Flops()))
                    + Math.abs(Math.log(s.intraNodeBandwidthBytesPerS() / to.intraNodeBandwidthBytesPerS()));
            if (d < bestDistance) {
                bestDistance = d;
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Returns {@code tables}, measured on {@code from}, scaled to {@code to}. */
    public static PerfTables transfer(PerfTables tables, GpuSku from, GpuSku to) {
        Map<String, Double> floors = floors(tables);
        double[] gemmEfficiency = {bestGemmEfficiency(tables, false, from), bestGemmEfficiency(tables, true, from)};
        return tables.mapped("transferred from " + from.name(), (op, key, x, kv, ms) -> point(op, key, x, kv, ms,
                floors.get(floorKey(op, key)), gemmEfficiency[op == Operator.GEMM_FP8 ? 1 : 0], from, to));
    }

    /**
     * Returns the latency on {@code to} of a point measured at {@code ms} on {@code from}, given its kernel's floor
     * and the best FLOPs efficiency measured for GEMMs of its dtype.
     */
    static double point(Operator op, long key, double x, double kv, double ms, double floor, double gemmEfficiency,
                        GpuSku from, GpuSku to) {
        double rest = ms - floor;
        double bandwidth = from.memBandwidthBytesPerS() / to.memBandwidthBytesPerS();
        boolean fp8 = op == Operator.GEMM_FP8;
        double flops = from.flops(fp8) / to.flops(fp8);
        double smaller = Math.min(bandwidth, flops);
        return floor + switch (op) {
            case GEMM_BF16, GEMM_FP8 -> {
                double memoryMs = gemmBytes(fp8, key, x) / (from.memBandwidthBytesPerS()
                        * RooflineStepTimer.MEM_EFFICIENCY) * 1000;
                double computeMs = 2 * x * (key >>> 32) * (int) key / (from.flops(fp8) * gemmEfficiency) * 1000;
                yield Math.max(Math.max(Math.min(rest, memoryMs) * bandwidth, Math.min(rest, computeMs) * flops),
                        rest * smaller);
            }
            case GENERATION_ATTENTION, GENERATION_ATTENTION_FP8KV -> {
                double kvBytes = op == Operator.GENERATION_ATTENTION_FP8KV ? 1 : 2;
                // K and V of every sequence: batch × KV length × 2 × KV heads × head_dim (128 in the tables)
                double bytes = x * kv * 2 * (int) key * HEAD_DIM * kvBytes;
                double memoryMs = bytes / (from.memBandwidthBytesPerS()
                        * RooflineStepTimer.DECODE_ATTENTION_EFFICIENCY) * 1000;
                yield Math.max(Math.min(rest, memoryMs) * bandwidth, rest * smaller);
            }
            case CONTEXT_ATTENTION, CONTEXT_ATTENTION_FP8KV -> rest * from.bf16Flops() / to.bf16Flops();
            case ALLREDUCE -> rest * from.intraNodeBandwidthBytesPerS() / to.intraNodeBandwidthBytesPerS();
        };
    }

    /** The best FLOPs efficiency (FLOPs / (latency × peak)) of any measured GEMM point of the dtype, at most 1. */
    static double bestGemmEfficiency(PerfTables tables, boolean fp8, GpuSku sku) {
        Operator gemm = fp8 ? Operator.GEMM_FP8 : Operator.GEMM_BF16;
        double[] best = {0};
        tables.mapped("efficiency", (op, key, x, kv, ms) -> {
            if (op == gemm) {
                best[0] = Math.max(best[0], 2 * x * (key >>> 32) * (int) key / (ms / 1000) / sku.flops(fp8));
            }
            return ms;
        });
        return best[0] > 0 ? Math.min(best[0], 1) : 1;
    }

    /** Head dimension of every measured attention table. */
    static final int HEAD_DIM = 128;

    /** Bytes an (m, n, k) GEMM moves: 16-bit activations in and out, weights of 1 (FP8) or 2 bytes. */
    static double gemmBytes(boolean fp8, long key, double m) {
        double n = key >>> 32;
        double k = (int) key;
        return 2 * m * k + 2 * m * n + (fp8 ? 1 : 2) * n * k;
    }

    /** The fastest measured point of each kernel: the latency that does not scale. */
    static Map<String, Double> floors(PerfTables tables) {
        Map<String, Double> floors = new HashMap<>();
        tables.mapped("floors", (op, key, x, kv, ms) -> {
            floors.merge(floorKey(op, key), ms, Math::min);
            return ms;
        });
        return floors;
    }

    /** GEMMs share one floor per dtype; attention has one per head layout, all-reduce one per GPU count. */
    static String floorKey(Operator op, long key) {
        return op == Operator.GEMM_BF16 || op == Operator.GEMM_FP8 ? op.name() : op.name() + "@" + key;
    }
}
