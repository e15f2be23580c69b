/**
 * Requests as a stream: the synthetic generator and Mooncake-style trace replay, with trace statistics.
 */
package io.servesim.workload;
