package io.servesim.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One bad value per validation rule, applied to the default example spec as a user would edit its YAML: each error
 * must be a single line naming the field's path and the offending value.
 */
class SpecValidationTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Stream<Arguments> badValues() {
        return Stream.of(
                // path to set, YAML value, expected path in the message, expected text (value or reason)
                bad("engine.model", "''", "engine.model", "\"\""),
                bad("engine.backend", "tgi", "engine.backend", "\"tgi\""),
                bad("engine.backend", "sglang", "engine.backend", "not modelled yet"),
                bad("engine.backend", "trtllm", "engine.backend", "not modelled yet"),
                bad("engine.basePrefillEngineArgs.block_size", "0", "block_size", "is 0"),
                bad("engine.basePrefillEngineArgs.max_num_seqs", "-1", "max_num_seqs", "is -1"),
                bad("engine.basePrefillEngineArgs.max_num_batched_tokens", "0", "max_num_batched_tokens", "is 0"),
                bad("engine.basePrefillEngineArgs.num_gpu_blocks", "0", "num_gpu_blocks", "is 0"),
                bad("engine.basePrefillEngineArgs.gpu_memory_utilization", "1.5", "gpu_memory_utilization", "1.5"),
                bad("engine.basePrefillEngineArgs.tensor_parallel_size", "3", "tensor_parallel_size", "3"),
                bad("engine.basePrefillEngineArgs.speedup_ratio", "0", "speedup_ratio", "0"),
                bad("engine.basePrefillEngineArgs.perf_model", "magic", "perf_model", "magic"),
                bad("engine.basePrefillEngineArgs.worker_type", "router", "worker_type", "router"),
                bad("engine.basePrefillEngineArgs.worker_type", "decode", "basePrefillEngineArgs.worker_type", "decode"),
                bad("engine.basePrefillEngineArgs.blocksize", "16", "blocksize", "blocksize"),
                bad("engine.baseDecodeEngineArgs.block_size", "256", "block_size", "256"),
                bad("hardware.gpuSku", "' '", "hardware.gpuSku", "\" \""),
                bad("hardware.totalGpus", "0", "hardware.totalGpus", "is 0"),
                bad("hardware.totalGpus", "many", "hardware.totalGpus", "many"),
                bad("workload.isl", "0", "workload.isl", "is 0"),
                bad("workload.osl", "-5", "workload.osl", "is -5"),
                bad("workload.requestCount", "0", "workload.requestCount", "is 0"),
                bad("workload.concurrency", "0", "workload.concurrency", "is 0"),
                bad("workload.requestRate", "2.0", "workload", "exactly one"),
                bad("workload.sharedPrefixRatio", "1.5", "workload.sharedPrefixRatio", "1.5"),
                bad("workload.sharedPrefixRatio", "-0.1", "workload.sharedPrefixRatio", "-0.1"),
                bad("workload.numPrefixGroups", "0", "workload.numPrefixGroups", "is 0"),
                bad("workload.turnsPerSession", "0", "workload.turnsPerSession", "is 0"),
                bad("workload.interTurnDelayMs", "-1", "workload.interTurnDelayMs", "-1"),
                bad("workload.traceFile", "t.jsonl", "workload", "isl"),
                bad("workload.unknownKnob", "1", "unknownKnob", "unknownKnob"),
                bad("router.mode", "random", "router.mode", "random"),
                bad("router.overlapCredits", "[]", "router.overlapCredits", "non-empty"),
                bad("router.overlapCredits", "[0.5, 1.2]", "router.overlapCredits[1]", "1.2"),
                bad("router.prefillLoadScales", "[-1]", "router.prefillLoadScales[0]", "-1"),
                bad("router.baseRouterConfig.routerTemperature", "-1", "routerTemperature", "-1"),
                bad("sla.ttft", "'soon'", "sla.ttft", "soon"),
                bad("sla.latency", "5", "latency", "latency"),
                bad("objective", "cost", "objective", "cost"),
                bad("maxParallelEvals", "0", "maxParallelEvals", "is 0"),
                bad("extraTopLevel", "true", "extraTopLevel", "extraTopLevel"));
    }

    private static Arguments bad(String path, String yamlValue, String expectedPath, String expectedText) {
        return Arguments.of(path, yamlValue, expectedPath, expectedText);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badValues")
    void badValueNamesFieldAndValue(String path, String yamlValue, String expectedPath, String expectedText)
            throws Exception {
        assertRejected(Specs.DEFAULT_EXAMPLE, path, yamlValue, expectedPath, expectedText);
    }

    /** Sets {@code path} to {@code yamlValue} in an example and expects one clean line naming path and value. */
    private static void assertRejected(String example, String path, String yamlValue, String expectedPath,
                                       String expectedText) throws Exception {
        String text = withValue(Specs.exampleText(example), path, yamlValue);
        assertThatThrownBy(() -> Specs.fromYaml(text))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    String message = e.getMessage();
                    assertThat(message).contains(expectedPath).contains(expectedText);
                    assertThat(message).doesNotContain("\n").doesNotContain("com.fasterxml").doesNotContain("Exception");
                });
    }

    @ParameterizedTest(name = "aggregated {0} = {1}")
    @MethodSource("aggregatedBadValues")
    void aggregatedRules(String path, String yamlValue, String expectedPath, String expectedText) throws Exception {
        assertRejected(Specs.AGGREGATED_EXAMPLE, path, yamlValue, expectedPath, expectedText);
    }

    static Stream<Arguments> aggregatedBadValues() {
        return Stream.of(
                bad("engine.basePrefillEngineArgs", "{block_size: 512}", "baseEngineArgs", "basePrefillEngineArgs"),
                bad("engine.baseEngineArgs.block_size", "-512", "block_size", "-512"));
    }

    @ParameterizedTest(name = "trace {0} = {1}")
    @MethodSource("traceBadValues")
    void traceRules(String path, String yamlValue, String expectedPath, String expectedText) throws Exception {
        assertRejected(Specs.TRACE_EXAMPLE, path, yamlValue, expectedPath, expectedText);
    }

    static Stream<Arguments> traceBadValues() {
        return Stream.of(
                bad("workload.arrivalSpeedupRatio", "0", "workload.arrivalSpeedupRatio", "0"),
                bad("workload.traceReplayConcurrency", "0", "workload.traceReplayConcurrency", "0"),
                bad("workload.traceBlockSize", "0", "workload.traceBlockSize", "0"),
                bad("workload.traceFormat", "csv", "workload.traceFormat", "csv"),
                bad("workload.isl", "1024", "workload", "isl"),
                bad("workload.sharedPrefixRatio", "0.5", "workload", "sharedPrefixRatio"));
    }

    @org.junit.jupiter.api.Test
    void missingRequiredSectionIsNamed() throws Exception {
        ObjectNode root = (ObjectNode) YAML.readTree(Specs.exampleText(Specs.DEFAULT_EXAMPLE));
        root.remove("hardware");
        String text = YAML.writeValueAsString(root);
        assertThatThrownBy(() -> Specs.fromYaml(text)).hasMessageContaining("hardware").hasMessageContaining("missing");
    }

    @org.junit.jupiter.api.Test
    void missingRequiredWorkloadFieldIsNamed() throws Exception {
        ObjectNode root = (ObjectNode) YAML.readTree(Specs.exampleText(Specs.DEFAULT_EXAMPLE));
        ((ObjectNode) root.get("workload")).remove("isl");
        String text = YAML.writeValueAsString(root);
        assertThatThrownBy(() -> Specs.fromYaml(text)).hasMessageContaining("workload.isl").hasMessageContaining("missing");
    }

    @org.junit.jupiter.api.Test
    void malformedYamlGivesOneLine() {
        assertThatThrownBy(() -> Specs.fromYaml("engine: [unclosed"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("com.fasterxml"));
    }

    /** Returns the YAML text with the dotted {@code path} set to the YAML scalar/flow {@code yamlValue}. */
    static String withValue(String yaml, String path, String yamlValue) throws Exception {
        ObjectNode root = (ObjectNode) YAML.readTree(yaml);
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(parts[i]);
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], YAML.readTree(yamlValue));
        return YAML.writeValueAsString(root);
    }
}
