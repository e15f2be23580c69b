package io.servesim.router;

/**
 * The terms of the KV router's cost for sending one request to one worker, as {@link KvRouter#costs} computes them
 * (block units, lower total is better). Immutable.
 *
 * @param worker        the worker's index in its pool
 * @param overlapBlocks leading prompt blocks the worker caches (from its KV events)
 * @param prefillBlocks (queued prefill tokens of the worker + prompt tokens) / block size; 0 with prefill tracking off
 * @param creditBlocks  {@code min(credit × decay × overlap blocks, prompt blocks)}
 * @param decay         the overlap credit's decay factor for this worker's extra queued prefill (1 = no decay)
 * @param decodeBlocks  blocks of the worker's active requests plus the prompt blocks it would add; 0 with block
 *                      tracking off
 * @param activeTerm    {@code decode_active_request_weight × active requests}
 * @param total         the cost the router minimises
 */
public record RoutingCost(int worker, int overlapBlocks, double prefillBlocks, double creditBlocks, double decay,
                          double decodeBlocks, double activeTerm, double total) {
}
