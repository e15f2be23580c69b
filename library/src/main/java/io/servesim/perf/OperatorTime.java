package io.servesim.perf;

/**
 * One part of an engine pass's time and where the number came from, e.g. {@code measured on h200_sxm, FP8 GEMM table},
 * {@code transferred from h200_sxm, …} or {@code roofline …}.
 *
 * @param name   the part ({@code gemm_ms}, {@code generation_attention_ms}, …)
 * @param ms     milliseconds of the whole pass spent in it (all layers), before {@code speedup_ratio}
 * @param source measured / transferred / roofline, and which table
 */
public record OperatorTime(String name, double ms, String source) {
}
