package io.servesim.fidelity;

import java.util.Map;
import java.util.Objects;

/**
 * One measured serving point: a deployment ({@code system} GPU, {@code model}, {@code precision}, {@code mode},
 * tensor parallelism {@code tp}) under closed-loop load ({@code concurrency} requests of {@code isl} prompt and
 * {@code osl} answer tokens) and its measured TTFT and TPOT. Immutable; {@code columns} keeps every input column as
 * read, in file order.
 *
 * @param line    the 1-based line of the row in its file, for messages
 * @param columns every column of the row as read (name to text)
 */
public record MeasuredRow(int line, Map<String, String> columns, String system, String model, String precision,
                          String mode, int isl, int osl, int concurrency, int tp, double ttftMs, double tpotMs) {
    public MeasuredRow {
        Objects.requireNonNull(columns, "columns");
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    }

    /** Returns the (system, model, precision) group this row belongs to, e.g. {@code h100_sxm Qwen/Qwen3-32B bf16}. */
    public String group() {
        return system + " " + model + " " + precision;
    }

    /**
     * Returns the KV-cache dtype the row was served with, from the optional column {@value MeasuredDataset#KV_COLUMN}:
     * {@code auto} (vLLM's default: the checkpoint's 16-bit type), {@code fp8}, or empty when not given.
     */
    public String kvCacheDtype() {
        return columns.getOrDefault(MeasuredDataset.KV_COLUMN, "").strip();
    }

    /** Returns a short label of the load point, e.g. {@code 1024/128 c8 tp2}. */
    public String label() {
        return isl + "/" + osl + " c" + concurrency + " tp" + tp;
    }
}
