package io.servesim.cluster;

import io.servesim.perf.PerfModel;

/**
 * How long a prompt's KV takes to move from a prefill worker to a decode worker in a disaggregated run:
 * {@code input tokens × KV bytes per token} (the prefill worker's KV cache type) over NVLink inside a node or the
 * network across nodes, or at {@code kv_transfer_bandwidth_gbps} GB/s when either pool pins it (decode's first).
 * Immutable.
 */
final class KvHandoff {
    private final Pool prefill;
    private final Pool decode;
    private final PerfModel perf;
    /** KV bytes one prompt token moves at a prefill→decode handoff (the prefill worker's KV cache type). */
    private final long bytesPerToken;
    /** The pinned bandwidth in bytes/s, or null to use the GPU's links. */
    private final Double pinnedBytesPerS;

    KvHandoff(Pool prefill, Pool decode, PerfModel perf) {
        this.prefill = prefill;
        this.decode = decode;
        this.perf = perf;
        this.bytesPerToken = perf.kvBytesPerToken(prefill.config.args());
        Double pinned = decode.config.args().kvTransferBandwidthGbps();
        if (pinned == null) {
            pinned = prefill.config.args().kvTransferBandwidthGbps();
        }
        this.pinnedBytesPerS = pinned == null ? null : pinned * 1e9;
    }

    /** Returns the transfer time (ms) of {@code inputTokens} prompt tokens' KV between the two workers. */
    double ms(int prefillWorker, int decodeWorker, int inputTokens) {
        double bytesPerS = pinnedBytesPerS != null ? pinnedBytesPerS
                : prefill.nodeOf(prefillWorker) == decode.nodeOf(decodeWorker)
                ? perf.sku().intraNodeBandwidthBytesPerS() : perf.sku().interNodeBandwidthBytesPerS();
        return (double) inputTokens * bytesPerToken / bytesPerS * 1000.0;
    }
}
