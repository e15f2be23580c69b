package io.servesim.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Writing a spec as YAML or JSON and reading it back gives an equal record, over generated valid specs. */
class SpecRoundTripPropertiesTest {

    @Property(tries = 300)
    void yamlRoundTripIsExact(@ForAll("specs") ReplayOptimizeSpec spec) {
        assertThat(Specs.fromYaml(Specs.toYaml(spec))).isEqualTo(spec);
    }

    @Property(tries = 300)
    void jsonRoundTripIsExact(@ForAll("specs") ReplayOptimizeSpec spec) {
        assertThat(Specs.fromJson(Specs.toJson(spec))).isEqualTo(spec);
    }

    @Property(tries = 100)
    void writtenTextIsStable(@ForAll("specs") ReplayOptimizeSpec spec) {
        String once = Specs.toYaml(spec);
        assertThat(Specs.toYaml(Specs.fromYaml(once))).isEqualTo(once);
    }

    @Provide
    Arbitrary<ReplayOptimizeSpec> specs() {
        Arbitrary<EngineSpec> engine = Combinators.combine(engineArgs(), engineArgs(), Arbitraries.of(true, false),
                Arbitraries.of("Qwen/Qwen3-32B", "Qwen/Qwen3-8B", "meta-llama/Llama-3.1-70B-Instruct"))
                .as((prefill, decode, disagg, model) -> disagg
                        ? EngineSpec.disaggregated(model, "vllm").basePrefillEngineArgs(prefill)
                                .baseDecodeEngineArgs(decode.toBuilder().blockSize(prefill.blockSize()).build()).build()
                        : EngineSpec.aggregated(model, "vllm").baseEngineArgs(prefill).build());
        Arbitrary<HardwareSpec> hardware = Arbitraries.integers().between(2, 256).map(n -> HardwareSpec.of("h200_sxm", n));
        return Combinators.combine(engine, hardware, workloads(), slas(), routers(),
                        Arbitraries.of(Objective.values()), Arbitraries.integers().between(1, 16))
                .as((e, h, w, s, r, o, p) -> ReplayOptimizeSpec.builder().engine(e).hardware(h).workload(w).sla(s)
                        .router(r).objective(o).maxParallelEvals(p).build());
    }

    private Arbitrary<EngineArgs> engineArgs() {
        Arbitrary<Integer> blockSize = Arbitraries.of(16, 64, 256, 512);
        Arbitrary<Integer> numBlocks = Arbitraries.integers().between(1, 100_000).injectNull(0.5);
        Arbitrary<Integer> maxSeqs = Arbitraries.integers().between(1, 1024);
        Arbitrary<Integer> budget = Arbitraries.integers().between(1024, 65536);
        Arbitrary<Double> util = Arbitraries.doubles().between(0.05, 1.0);
        Arbitrary<Integer> tp = Arbitraries.of(1, 2, 4, 8).injectNull(0.6);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        Arbitrary<Double> speedup = Arbitraries.doubles().between(0.1, 100);
        return Combinators.combine(blockSize, numBlocks, maxSeqs, budget, util, tp, flag, speedup)
                .as((bs, nb, ms, mbt, u, t, f, sp) -> EngineArgs.builder().blockSize(bs).numGpuBlocks(nb)
                        .maxNumSeqs(ms).maxNumBatchedTokens(Math.max(mbt, ms)).gpuMemoryUtilization(u)
                        .tensorParallelSize(t).enablePrefixCaching(f).enableChunkedPrefill(true)
                        .perfModel(f ? PerfModelKind.TABLES : PerfModelKind.POLYNOMIAL).speedupRatio(sp).build());
    }

    private Arbitrary<WorkloadSpec> workloads() {
        Arbitrary<WorkloadSpec> synthetic = Combinators.combine(Arbitraries.integers().between(1, 200_000),
                        Arbitraries.integers().between(1, 8192), Arbitraries.integers().between(1, 100_000),
                        Arbitraries.integers().between(0, 2), Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(1, 500), Arbitraries.integers().between(1, 5),
                        Arbitraries.longs())
                .as((isl, osl, count, load, ratio, groups, turns, seed) -> {
                    WorkloadSpecBuilder b = WorkloadSpec.synthetic().isl(isl).osl(osl).requestCount(count)
                            .sharedPrefixRatio(ratio).numPrefixGroups(groups).turnsPerSession(turns).arrivalSeed(seed);
                    switch (load) {
                        case 0 -> b.concurrency(1 + count % 512);
                        case 1 -> b.requestRate(0.5 + groups / 7.0);
                        default -> b.arrivalIntervalMs(1 + groups * 3.5);
                    }
                    return b.build();
                });
        Arbitrary<WorkloadSpec> trace = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                        Arbitraries.doubles().between(0.01, 100), Arbitraries.integers().between(1, 1000).injectNull(0.5),
                        Arbitraries.of(16, 512), Arbitraries.of(true, false))
                .as((name, speedup, conc, bs, lenient) -> WorkloadSpec.trace("traces/" + name + ".jsonl")
                        .arrivalSpeedupRatio(speedup).traceReplayConcurrency(conc).traceBlockSize(bs)
                        .lenientTrace(lenient).build());
        return Arbitraries.oneOf(synthetic, trace);
    }

    private Arbitrary<SlaSpec> slas() {
        Arbitrary<Double> bound = Arbitraries.doubles().between(1, 1e6).injectNull(0.6);
        return Combinators.combine(bound, bound, bound, bound, bound, bound)
                .as((a, b, c, d, e, f) -> new SlaSpec(a, b, c, d, e, f));
    }

    private Arbitrary<RouterSpec> routers() {
        Arbitrary<List<Double>> credits = Arbitraries.doubles().between(0, 1).list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<List<Double>> scales = Arbitraries.doubles().between(0, 8).list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<KvRouterConfig> base = Combinators.combine(Arbitraries.doubles().between(0, 2), Arbitraries.of(true, false),
                        Arbitraries.longs())
                .as((t, f, seed) -> KvRouterConfig.builder().routerTemperature(t).routerTrackActiveBlocks(f)
                        .routerSeed(seed).build());
        return Combinators.combine(Arbitraries.of(RouterMode.values()), credits, scales, base)
                .as((mode, c, s, b) -> RouterSpec.kvRouter().mode(mode).overlapCredits(c).prefillLoadScales(s)
                        .baseRouterConfig(b).build());
    }
}
