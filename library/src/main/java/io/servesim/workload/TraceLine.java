package io.servesim.workload;

/**
 * One line of a Mooncake-style trace as read: arrival {@code timestampMs} as written in the file, token counts, and
 * the trace's own block ids ({@code hashIds}, one per trace block).
 *
 * @param lineNumber 1-based line in the file
 */
public record TraceLine(long lineNumber, double timestampMs, int inputLength, int outputLength, long[] hashIds) {
}
