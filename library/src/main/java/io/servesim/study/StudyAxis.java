package io.servesim.study;

import com.fasterxml.jackson.databind.JsonNode;
import io.servesim.spec.SpecException;
import io.servesim.spec.Specs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One axis of a study: the values one spec field takes, by its path in the sweep spec ({@code engine.model},
 * {@code hardware.gpuSku}, {@code hardware.totalGpus}, {@code workload}, {@code sla}, {@code objective}, ...).
 * A value is a scalar or a whole mapping (a workload or SLA variant), which then needs a label. {@code name} is the
 * axis's column in the results (default: the path's last segment in snake case, e.g. {@code gpu_sku}; a study
 * prefixes {@code axis_} to a default name that would clash with a result column, e.g. {@code axis_objective}).
 * Immutable.
 */
public record StudyAxis(String path, List<Object> values, List<String> labels, String name) {
    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public StudyAxis {
        if (path == null || !PATH.matcher(path).matches()) {
            throw SpecException.of("", "path", path, "allowed: a dotted field path such as engine.model");
        }
        if (values == null || values.isEmpty()) {
            throw SpecException.because("", "values", "is missing or empty; an axis needs at least one value");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw SpecException.because("", "values[" + i + "]", "is empty (null); every value needs a value");
            }
        }
        values = List.copyOf(values);
        if (labels != null) {
            if (labels.size() != values.size()) {
                throw SpecException.because("", "labels", "has " + labels.size() + " entries for " + values.size()
                        + " values; give one label per value");
            }
            labels = List.copyOf(labels);
        } else {
            labels = defaultLabels(values);
        }
        if (new HashSet<>(labels).size() != labels.size()) {
            throw SpecException.of("", "labels", labels, "allowed: distinct labels (one per value)");
        }
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i) == null || labels.get(i).isBlank()) {
                throw SpecException.of("", "labels[" + i + "]", labels.get(i), "allowed: a non-blank label");
            }
        }
        if (name == null) {
            name = snake(path.substring(path.lastIndexOf('.') + 1));
        } else if (!NAME.matcher(name).matches()) {
            throw SpecException.of("", "name", name, "allowed: lower-case letters, digits and _ (a column name)");
        }
    }

    /** Returns an axis over {@code path} with scalar values (labels are their text). */
    public static StudyAxis of(String path, Object... values) {
        return new StudyAxis(path, List.of(values), null, null);
    }

    /** Returns a copy with labels for the values (required for mapping values such as workload variants). */
    public StudyAxis withLabels(String... l) {
        return new StudyAxis(path, values, List.of(l), name);
    }

    /** Returns a copy whose result column is {@code n}. */
    public StudyAxis withName(String n) {
        return new StudyAxis(path, values, labels, n);
    }

    /** Returns the value at {@code i} as a JSON tree. */
    public JsonNode valueNode(int i) {
        return Specs.jsonMapper().valueToTree(values.get(i));
    }

    /** Returns the number of values. */
    public int size() {
        return values.size();
    }

    private static List<String> defaultLabels(List<Object> values) {
        List<String> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            JsonNode v = Specs.jsonMapper().valueToTree(values.get(i));
            if (v.isContainerNode()) {
                throw SpecException.because("", "labels", "is missing; values[" + i + "] is a mapping or list, so "
                        + "the axis needs one label per value (e.g. labels: [chat, batch])");
            }
            out.add(v.asText());
        }
        return out;
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
