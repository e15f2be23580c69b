package io.servesim.perf;

import io.servesim.spec.EngineArgs;
import io.servesim.spec.PerfModelKind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The performance model of one (model, GPU SKU) pair: step timers per TP, KV capacity per TP shape, KV bytes moved
 * per prompt token. Thread-safe; instances are cached by {@link #of(String, String)}.
 */
public final class PerfModel {
    private static final Map<String, PerfModel> CACHE = new ConcurrentHashMap<>();
    private static final List<Integer> TP_SHAPES = List.of(1, 2, 4, 8);

    private final ModelCard model;
    private final GpuSku sku;
    private final Map<String, StepTimer> timers = new ConcurrentHashMap<>();

    private PerfModel(ModelCard model, GpuSku sku) {
        this.model = model;
        this.sku = sku;
    }

    /** Returns the model for {@code modelId} on {@code gpuSku}; unknown names give an error listing the known ones. */
    public static PerfModel of(String modelId, String gpuSku) {
        return CACHE.computeIfAbsent(modelId + "@" + gpuSku,
                k -> new PerfModel(ModelCard.of(modelId), GpuSkus.of(gpuSku)));
    }

    /** Returns the model id. */
    public String modelId() {
        return model.id();
    }

    /** Returns the model card. */
    public ModelCard model() {
        return model;
    }

    /** Returns the GPU SKU. */
    public GpuSku sku() {
        return sku;
    }

    /**
     * Returns the step timer for workers of {@code tp} GPUs at the precision of {@code args}: for
     * {@code perf_model: tables} (the default) the per-operator tables of the SKU (measured, or transferred from the
     * nearest measured SKU, see {@link TableTransfer}) when they cover the model's shapes and precision, else the
     * roofline × efficiency model; for {@code perf_model: polynomial} the reference mocker's TP-agnostic polynomial.
     * The decode part of a pass is further divided by {@code decode_speedup_ratio} ({@link DecodeSpeedupStepTimer}).
     */
    public StepTimer stepTimer(int tp, EngineArgs args) {
        if (args.perfModel() == PerfModelKind.POLYNOMIAL) {
            return DecodeSpeedupStepTimer.of(new PolynomialStepTimer(args.speedupRatio()), args.decodeSpeedupRatio());
        }
        Precision precision = precision(args);
        // timers are immutable: build each (TP, speed-ups, precision) once per JVM
        return timers.computeIfAbsent(tp + "@" + args.speedupRatio() + "@" + args.decodeSpeedupRatio() + "@"
                + precision.label(), k -> {
            var tables = tables();
            StepTimer base = tables.isPresent() && TableStepTimer.covers(tables.get(), model, tp, precision)
                    ? new TableStepTimer(tables.get(), model, sku, tp, args.speedupRatio(), precision)
                    : new RooflineStepTimer(model, sku, tp, args.speedupRatio(), precision);
            return DecodeSpeedupStepTimer.of(base, args.decodeSpeedupRatio());
        });
    }

    /** Returns the SKU's performance tables: its own measured ones, or the nearest measured SKU's transferred. */
    public java.util.Optional<PerfTables> tables() {
        return TableTransfer.tablesFor(sku);
    }

    /** Returns the precision a worker runs at with {@code args} (engine args and the checkpoint). */
    public Precision precision(EngineArgs args) {
        return Precision.of(model, args);
    }

    /** Returns the KV bytes per token held on one TP rank (16-bit KV cache). */
    public long kvBytesPerTokenPerRank(int tp) {
        return model.kvBytesPerTokenPerRank(tp);
    }

    /** Returns the KV bytes per token held on one TP rank with the KV cache type of {@code args}. */
    public long kvBytesPerTokenPerRank(int tp, EngineArgs args) {
        return model.kvBytesPerTokenPerRank(tp, precision(args));
    }

    /** Returns the KV bytes of one prompt token across all ranks (what a prefill→decode handoff moves), 16-bit. */
    public long kvBytesPerToken() {
        return model.kvBytesPerToken();
    }

    /** Returns the KV bytes of one prompt token across all ranks with the KV cache type of {@code args}. */
    public long kvBytesPerToken(EngineArgs args) {
        return model.kvBytesPerToken(precision(args));
    }

    /** Returns the KV capacity model of a worker of {@code tp} GPUs. */
    public KvCapacity capacity(int tp, EngineArgs args) {
        return new KvCapacity(model, sku, tp, args);
    }

    /** Returns true when the weights fit on {@code tp} GPUs with room for KV cache. */
    public boolean fits(int tp, EngineArgs args) {
        return args.numGpuBlocks() != null ? capacity(tp, args).weightBytesPerGpu() < sku.hbmBytes()
                : capacity(tp, args).fits();
    }

    /** Returns the TP shapes (1, 2, 4, 8) whose weights fit. */
    public List<Integer> tpCandidates(EngineArgs args) {
        return TP_SHAPES.stream().filter(tp -> fits(tp, args)).toList();
    }

    /** Returns {@code num_gpu_blocks} for a worker of {@code tp} GPUs (a pinned value in {@code args} wins). */
    public int numGpuBlocks(int tp, EngineArgs args) {
        return capacity(tp, args).numGpuBlocks();
    }
}
