package io.servesim.perf;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The GPU SKUs servesim knows, from public spec sheets: HBM capacity, HBM bandwidth, dense BF16 tensor FLOPs, GPUs per
 * node, NVLink bandwidth per GPU per direction, and the inter-node network bandwidth per GPU.
 */
public final class GpuSkus {
    private static final Map<String, GpuSku> KNOWN = new LinkedHashMap<>();

    static {
        // H200 SXM (NVIDIA H200 datasheet; aiconfigurator h200_sxm.yaml): 141 GB HBM3e, 4.8 TB/s, 989 TFLOPS dense
        // BF16, 1,979 TFLOPS dense FP8, NVLink 4 900 GB/s bidirectional, 400 Gb/s NIC
        KNOWN.put("h200_sxm", new GpuSku("h200_sxm", 151_397_597_184L, 4.8e12, 989e12, 8, 450e9, 50e9, 1978e12));
        // H100 SXM (NVIDIA H100 datasheet; aiconfigurator h100_sxm.yaml): 80 GB HBM3, 3.35 TB/s, 989 TFLOPS dense
        // BF16, 1,979 TFLOPS dense FP8, NVLink 4, 400 Gb/s NIC
        KNOWN.put("h100_sxm", new GpuSku("h100_sxm", 85_899_345_920L, 3.35e12, 989e12, 8, 450e9, 50e9, 1978e12));
        // B200 (NVIDIA HGX B200 / DGX B200 datasheets): 180 GB HBM3e usable, 8 TB/s, 2.25 PFLOPS dense BF16,
        // 4.5 PFLOPS dense FP8 (the sheets' 4.5 / 9 PFLOPS are with 2:4 sparsity), NVLink 5 1.8 TB/s
        // bidirectional, 400 Gb/s NIC
        KNOWN.put("b200", new GpuSku("b200", 193_273_528_320L, 8.0e12, 2250e12, 8, 900e9, 50e9, 4500e12));
        // H20 (NVIDIA HGX H20 product brief, as published by OEMs and press, 2024): 96 GB HBM3, 4.0 TB/s,
        // 148 TFLOPS dense BF16, 296 TFLOPS dense FP8, NVLink 900 GB/s bidirectional, 400 Gb/s NIC
        KNOWN.put("h20", new GpuSku("h20", 103_079_215_104L, 4.0e12, 148e12, 8, 450e9, 50e9, 296e12));
    }

    private GpuSkus() {
    }

    /** Returns the SKU named {@code name}; unknown names give an error listing the known ones. */
    public static GpuSku of(String name) {
        GpuSku sku = KNOWN.get(name);
        if (sku == null) {
            throw new IllegalArgumentException("hardware.gpuSku is \"" + name + "\"; known GPU SKUs: "
                    + String.join(", ", KNOWN.keySet()));
        }
        return sku;
    }

    /** Returns the names of the known SKUs. */
    public static Iterable<String> names() {
        return KNOWN.keySet();
    }
}
