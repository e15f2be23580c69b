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
 * @param fp8Flops                    dense FP8 tensor-core peak, FLOP/s
 */
public record GpuSku(String name, long hbmBytes, double memBandwidthBytesPerS, double bf16Flops, int gpusPerNode,
                     double intraNodeBandwidthBytesPerS, double interNodeBandwidthBytesPerS, double fp8Flops) {
    /** A SKU whose FP8 peak is twice its BF16 peak (Hopper and Blackwell). */
    public GpuSku(String name, long hbmBytes, double memBandwidthBytesPerS, double bf16Flops, int gpusPerNode,
                  double intraNodeBandwidthBytesPerS, double interNodeBandwidthBytesPerS) {
        this(name, hbmBytes, memBandwidthBytesPerS, bf16Flops, gpusPerNode, intraNodeBandwidthBytesPerS,
                interNodeBandwidthBytesPerS, 2 * bf16Flops);
    }

    /** Returns the dense tensor-core peak for FP8 ({@code fp8}) or 16-bit GEMMs. */
    public double flops(boolean fp8) {
        return fp8 ? fp8Flops : bf16Flops;
    }
}
