/**
 * Requests as a stream: the synthetic generator and trace replay, with trace statistics. Each
 * {@link io.servesim.workload.TraceFormat} owns its format's reader and writer.
 */
package io.servesim.workload;
