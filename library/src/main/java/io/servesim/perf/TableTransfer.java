package io.servesim.perf;

import io.servesim.perf.PerfTables.Operator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Moves measured tables to a GPU that has none: every measured point is scaled by the hardware ratio that bounds it
 * on the source GPU. GEMMs by the ratio of their speed-of-light times, {@code max(2mnk / peak FLOPs for the dtype,
 * bytes / HBM bandwidth)}, so compute-bound shapes scale with dense FLOPs and weight-streaming shapes with bandwidth;
 * prefill (context) attention by dense FLOPs; decode (generation) attention by HBM bandwidth; all-reduce by NVLink
 * bandwidth. No point becomes faster than the fastest kernel of its family measured on the source GPU (launch and
 * synchronisation latency do not shrink with bandwidth). The source is the measured SKU nearest in HBM bandwidth,
 * BF16 FLOPs and NVLink bandwidth (sum of absolute log ratios).
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
        Map<Operator, Double> floors = floors(tables);
        return tables.mapped("transferred from " + from.name(), (op, key, x, kv, ms) ->
                Math.max(ms * ratio(op, key, x, from, to), Math.min(ms, floors.get(op))));
    }

    /** Returns the bounding-hardware ratio (target time / source time) of one measured point. */
    static double ratio(Operator op, long key, double x, GpuSku from, GpuSku to) {
        return switch (op) {
            case GEMM_BF16, GEMM_FP8 -> gemmSol(op == Operator.GEMM_FP8, key, x, to)
                    / gemmSol(op == Operator.GEMM_FP8, key, x, from);
            case CONTEXT_ATTENTION, CONTEXT_ATTENTION_FP8KV -> from.bf16Flops() / to.bf16Flops();
            case GENERATION_ATTENTION, GENERATION_ATTENTION_FP8KV ->
                    from.memBandwidthBytesPerS() / to.memBandwidthBytesPerS();
            case ALLREDUCE -> from.intraNodeBandwidthBytesPerS() / to.intraNodeBandwidthBytesPerS();
        };
    }

    /**
     * Speed-of-light seconds of an (m, n, k) GEMM: max(FLOPs / peak, bytes / bandwidth), with 16-bit activations
     * in and out and weights of 1 (FP8) or 2 bytes.
     */
    static double gemmSol(boolean fp8, long key, double m, GpuSku sku) {
        double n = key >>> 32;
        double k = (int) key;
        double compute = 2 * m * n * k / sku.flops(fp8);
        double bytes = 2 * m * k + 2 * m * n + (fp8 ? 1 : 2) * n * k;
        return Math.max(compute, bytes / sku.memBandwidthBytesPerS());
    }

    /** The fastest measured point of each operator family: the latency floor no transfer goes below. */
    private static Map<Operator, Double> floors(PerfTables tables) {
        Map<Operator, Double> floors = new EnumMap<>(Operator.class);
        for (Operator op : Operator.values()) {
            floors.put(op, Double.POSITIVE_INFINITY);
        }
        tables.mapped("floors", (op, key, x, kv, ms) -> {
            floors.merge(op, ms, Math::min);
            return ms;
        });
        return floors;
    }
}
