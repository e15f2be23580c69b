package io.servesim.perf;

/**
 * A GPU model and the node it sits in: memory, bandwidths, peak math and interconnect. Immutable.
 *
 * @param hbmBytes                    device memory in bytes
 * @param memBandwidthBytesPerS       HBM bandwidth
 * @param bf16Flops                   dense BF16 tensor-core peak, FLOP/s
 * @param gpusPerNode                 GPUs sharing one NVLink domain
 * @param intraNodeBandwidthBytesPerS NVLink bandwidth per GPU per direction
 * @param interNodeBandwidthBytesPerS network bandwidth per GPU per direction
 */
public record GpuSku(String name, long hbmBytes, double memBandwidthBytesPerS, double bf16Flops, int gpusPerNode,
                     double intraNodeBandwidthBytesPerS, double interNodeBandwidthBytesPerS) {
}
