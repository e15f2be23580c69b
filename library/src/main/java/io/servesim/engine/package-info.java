/**
 * One simulated vLLM-like worker: continuous batching, chunked prefill, prefix-cached KV blocks, preemption.
 */
package io.servesim.engine;
