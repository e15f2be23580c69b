package io.servesim.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;

/**
 * Everything a sweep needs: the engine, the GPU budget, the workload, optional SLA bounds, the router space, the
 * objective and how many evaluations may run at once. Immutable; build with {@link #builder()} or read with
 * {@link Specs}.
 */
@JsonDeserialize(builder = ReplayOptimizeSpec.Builder.class)
public record ReplayOptimizeSpec(EngineSpec engine, HardwareSpec hardware, WorkloadSpec workload, SlaSpec sla,
                                 RouterSpec router, Objective objective, int maxParallelEvals) {

    public ReplayOptimizeSpec {
        Checks.required("", "engine", engine);
        Checks.required("", "hardware", hardware);
        Checks.required("", "workload", workload);
        Checks.required("", "sla", sla);
        Checks.required("", "router", router);
        Checks.required("", "objective", objective);
        Checks.positive("", "maxParallelEvals", maxParallelEvals);
        Checks.atMost("", "maxParallelEvals", maxParallelEvals, Limits.MAX_PARALLEL_EVALS, "threads");
        if (engine.isDisaggregated() && hardware.totalGpus() < 2) {
            throw SpecException.of("hardware", "totalGpus", hardware.totalGpus(),
                    "allowed: >= 2 for a disaggregated engine (one prefill and one decode worker at least)");
        }
    }

    /** Returns a builder with the defaults (no SLA, default router, throughput objective, min(8, cores) evals). */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this spec's values. */
    public Builder toBuilder() {
        return new Builder().engine(engine).hardware(hardware).workload(workload).sla(sla).router(router)
                .objective(objective).maxParallelEvals(maxParallelEvals);
    }

    /** Returns a copy with another workload. */
    public ReplayOptimizeSpec withWorkload(WorkloadSpec w) {
        return toBuilder().workload(w).build();
    }

    /** Returns a copy with another router space. */
    public ReplayOptimizeSpec withRouter(RouterSpec r) {
        return toBuilder().router(r).build();
    }

    /** Returns a copy with another GPU budget. */
    public ReplayOptimizeSpec withTotalGpus(int gpus) {
        return toBuilder().hardware(hardware.withTotalGpus(gpus)).build();
    }

    /** Returns a copy with another objective. */
    public ReplayOptimizeSpec withObjective(Objective o) {
        return toBuilder().objective(o).build();
    }

    /** Returns a copy with another evaluation parallelism. */
    public ReplayOptimizeSpec withMaxParallelEvals(int n) {
        return toBuilder().maxParallelEvals(n).build();
    }

    /** Returns true for prefill/decode disaggregation. */
    @JsonIgnore
    public boolean isDisaggregated() {
        return engine.isDisaggregated();
    }

    /** Fluent builder for {@link ReplayOptimizeSpec}; also the JSON/YAML reader's entry point. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private EngineSpec engine;
        private HardwareSpec hardware;
        private WorkloadSpec workload;
        private SlaSpec sla = SlaSpec.none();
        private RouterSpec router = RouterSpec.defaults();
        private Objective objective = Defaults.OBJECTIVE;
        private int maxParallelEvals = Defaults.maxParallelEvals();

        private Builder() {
        }

        @JsonProperty("engine")
        public Builder engine(EngineSpec v) { engine = v; return this; }

        public Builder engine(EngineSpec.Builder v) { return engine(v.build()); }

        @JsonProperty("hardware")
        public Builder hardware(HardwareSpec v) { hardware = v; return this; }

        @JsonProperty("workload")
        public Builder workload(WorkloadSpec v) { workload = v; return this; }

        public Builder workload(WorkloadSpecBuilder v) { return workload(v.build()); }

        @JsonProperty("sla")
        public Builder sla(SlaSpec v) { sla = v == null ? SlaSpec.none() : v; return this; }

        public Builder sla(SlaSpec.Builder v) { return sla(v.build()); }

        @JsonProperty("router")
        public Builder router(RouterSpec v) { router = v == null ? RouterSpec.defaults() : v; return this; }

        public Builder router(RouterSpec.Builder v) { return router(v.build()); }

        @JsonProperty("objective")
        public Builder objective(Objective v) { objective = v; return this; }

        @JsonProperty("maxParallelEvals")
        public Builder maxParallelEvals(int v) { maxParallelEvals = v; return this; }

        /** Returns the validated spec. */
        public ReplayOptimizeSpec build() {
            return new ReplayOptimizeSpec(engine, hardware, workload, sla, router, objective, maxParallelEvals);
        }
    }
}
