package io.servesim.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.servesim.optimize.SearchSpace;
import io.servesim.perf.PerfModel;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.SpecException;
import io.servesim.spec.Specs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands a study into its cells: sets each axis's value at its path in the base spec's JSON tree and reads the tree
 * back through the spec validation. A value that gives an invalid spec (or names an unknown model or GPU, or leaves
 * nothing to search) fails with a message naming the axis, its path and the value.
 */
final class CellExpander {
    private CellExpander() {
    }

    static List<StudyCell> expand(StudySpec study) {
        List<StudyAxis> axes = study.axes();
        checkEachValue(study);
        List<int[]> picks = study.combine() == AxisCombination.ZIP ? zipped(axes) : crossed(axes);
        List<StudyCell> cells = new ArrayList<>(picks.size());
        for (int c = 0; c < picks.size(); c++) {
            int[] pick = picks.get(c);
            ObjectNode tree = Specs.jsonMapper().valueToTree(study.base());
            List<String> labels = new ArrayList<>();
            for (int a = 0; a < axes.size(); a++) {
                set(tree, axes.get(a), a, pick[a]);
                labels.add(axes.get(a).labels().get(pick[a]));
            }
            ReplayOptimizeSpec spec;
            try {
                spec = Specs.fromJson(tree.toString());
                new SearchSpace(spec);
            } catch (IllegalArgumentException e) {
                throw SpecException.because("cells[" + c + "]", "", "(" + describe(axes, labels) + ") is not a valid"
                        + " sweep: " + e.getMessage());
            }
            cells.add(new StudyCell(c, labels, spec));
        }
        return cells;
    }

    /** Applies each value alone to the base so that a bad value is blamed on its axis, not on a combination. */
    private static void checkEachValue(StudySpec study) {
        Map<String, Boolean> checkedNames = new HashMap<>();
        for (int a = 0; a < study.axes().size(); a++) {
            StudyAxis axis = study.axes().get(a);
            for (int v = 0; v < axis.size(); v++) {
                ObjectNode tree = Specs.jsonMapper().valueToTree(study.base());
                set(tree, axis, a, v);
                try {
                    ReplayOptimizeSpec spec = Specs.fromJson(tree.toString());
                    String key = spec.engine().model() + "@" + spec.hardware().gpuSku();
                    if (checkedNames.putIfAbsent(key, true) == null) {
                        PerfModel.of(spec.engine().model(), spec.hardware().gpuSku());
                    }
                } catch (IllegalArgumentException e) {
                    throw SpecException.because("axes[" + a + "]", "values[" + v + "]", "(" + axis.path() + " = "
                            + axis.valueNode(v) + ") is not allowed: " + e.getMessage());
                }
            }
        }
    }

    private static void set(ObjectNode tree, StudyAxis axis, int a, int v) {
        String[] parts = axis.path().split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || child.isNull()) {
                child = node.putObject(parts[i]);
            }
            if (!(child instanceof ObjectNode o)) {
                throw SpecException.of("axes[" + a + "]", "path", axis.path(), String.join(".",
                        java.util.Arrays.copyOf(parts, i + 1)) + " is a value, not a mapping; allowed: a path to a"
                        + " spec field such as engine.model");
            }
            node = o;
        }
        node.set(parts[parts.length - 1], axis.valueNode(v));
    }

    private static List<int[]> crossed(List<StudyAxis> axes) {
        List<int[]> out = new ArrayList<>();
        int[] pick = new int[axes.size()];
        int total = axes.stream().mapToInt(StudyAxis::size).reduce(1, Math::multiplyExact);
        for (int n = 0; n < total; n++) {
            int rest = n;
            for (int a = axes.size() - 1; a >= 0; a--) {
                pick[a] = rest % axes.get(a).size();
                rest /= axes.get(a).size();
            }
            out.add(pick.clone());
        }
        return out;
    }

    private static List<int[]> zipped(List<StudyAxis> axes) {
        List<int[]> out = new ArrayList<>();
        for (int n = 0; n < axes.get(0).size(); n++) {
            int[] pick = new int[axes.size()];
            java.util.Arrays.fill(pick, n);
            out.add(pick);
        }
        return out;
    }

    private static String describe(List<StudyAxis> axes, List<String> labels) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < axes.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(axes.get(i).name()).append('=').append(labels.get(i));
        }
        return sb.toString();
    }
}
