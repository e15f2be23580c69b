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
 * back through the spec validation. A cell whose spec is invalid (or names an unknown model or GPU, or leaves nothing
 * to search) fails with a message naming the axis, its path and the value when that value is invalid on its own, else
 * naming the cell and its combination of values.
 */
final class CellExpander {
    private CellExpander() {
    }

    static List<StudyCell> expand(StudySpec study) {
        List<StudyAxis> axes = study.axes();
        List<int[]> picks = study.combine() == AxisCombination.ZIP ? zipped(axes) : crossed(axes);
        Map<String, Boolean> checkedNames = new HashMap<>();
        List<StudyCell> cells = new ArrayList<>(picks.size());
        for (int c = 0; c < picks.size(); c++) {
            int[] pick = picks.get(c);
            List<String> labels = new ArrayList<>();
            for (int a = 0; a < axes.size(); a++) {
                labels.add(axes.get(a).labels().get(pick[a]));
            }
            ReplayOptimizeSpec spec;
            try {
                spec = specOf(study, pick);
                if (checkedNames.putIfAbsent(spec.engine().model() + "@" + spec.hardware().gpuSku(), true) == null) {
                    PerfModel.of(spec.engine().model(), spec.hardware().gpuSku());
                }
                new SearchSpace(spec);
            } catch (IllegalArgumentException e) {
                throw blame(study, pick, c, labels, e);
            }
            cells.add(new StudyCell(c, labels, spec));
        }
        return cells;
    }

    private static ReplayOptimizeSpec specOf(StudySpec study, int[] pick) {
        ObjectNode tree = Specs.jsonMapper().valueToTree(study.base());
        for (int a = 0; a < study.axes().size(); a++) {
            set(tree, study.axes().get(a), a, pick[a]);
        }
        return Specs.fromJson(tree.toString());
    }

    /**
     * Returns the error for a cell whose spec is invalid: blamed on one axis value when that value alone (on the base
     * spec) is invalid too, else on the combination.
     */
    private static SpecException blame(StudySpec study, int[] pick, int c, List<String> labels,
                                       IllegalArgumentException cellError) {
        for (int a = 0; a < study.axes().size(); a++) {
            StudyAxis axis = study.axes().get(a);
            ObjectNode tree = Specs.jsonMapper().valueToTree(study.base());
            set(tree, axis, a, pick[a]);
            try {
                ReplayOptimizeSpec alone = Specs.fromJson(tree.toString());
                PerfModel.of(alone.engine().model(), alone.hardware().gpuSku());
            } catch (IllegalArgumentException e) {
                return SpecException.because("axes[" + a + "]", "values[" + pick[a] + "]", "(" + axis.path() + " = "
                        + axis.valueNode(pick[a]) + ") is not allowed: " + e.getMessage());
            }
        }
        return SpecException.because("cells[" + c + "]", "", "(" + describe(study.axes(), labels) + ") is not a"
                + " valid sweep: " + cellError.getMessage());
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
