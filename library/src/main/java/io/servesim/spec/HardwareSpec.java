package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The GPU budget: which GPU SKU and how many of them a deployment may use. Immutable. The SKU name is checked
 * against the known SKUs when the sweep loads its performance model.
 */
public record HardwareSpec(String gpuSku, int totalGpus) {
    static final String SECTION = "hardware";

    @JsonCreator
    public HardwareSpec(@JsonProperty("gpuSku") String gpuSku, @JsonProperty("totalGpus") Integer totalGpus) {
        this(gpuSku == null ? Defaults.GPU_SKU : gpuSku, Checks.required(SECTION, "totalGpus", totalGpus).intValue());
    }

    public HardwareSpec {
        Checks.required(SECTION, "gpuSku", gpuSku);
        if (gpuSku.isBlank()) {
            throw SpecException.of(SECTION, "gpuSku", gpuSku, "allowed: a GPU SKU name such as h200_sxm");
        }
        Checks.positive(SECTION, "totalGpus", totalGpus);
        Checks.atMost(SECTION, "totalGpus", totalGpus, Limits.MAX_GPUS, "GPUs");
    }

    /** Returns {@code totalGpus} GPUs of SKU {@code gpuSku}. */
    public static HardwareSpec of(String gpuSku, int totalGpus) {
        return new HardwareSpec(gpuSku, totalGpus);
    }

    /** Returns a copy with another GPU budget. */
    public HardwareSpec withTotalGpus(int gpus) {
        return new HardwareSpec(gpuSku, gpus);
    }
}
