package io.servesim.study;

import io.servesim.spec.Defaults;
import io.servesim.spec.ReplayOptimizeSpec;
import io.servesim.spec.SpecException;
import io.servesim.spec.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Many sweeps at once: a base sweep spec plus axes of values for its fields, crossed (every combination) or zipped
 * (the i-th values together). Each combination is a {@link StudyCell}, searched by the descent or exhaustively.
 * Immutable; build with {@link #builder()} or read YAML/JSON with {@link #read(Path)}. A value that does not make a
 * valid spec fails when the cells are expanded, naming the axis, the value and what is allowed.
 */
public record StudySpec(ReplayOptimizeSpec base, List<StudyAxis> axes, AxisCombination combine, SearchMode search) {

    public StudySpec {
        if (base == null) {
            throw SpecException.because("", "base", "is missing; a study needs a base sweep spec (engine, hardware,"
                    + " workload, ...)");
        }
        if (axes == null || axes.isEmpty()) {
            throw SpecException.because("", "axes", "is missing or empty; a study needs at least one axis");
        }
        axes = List.copyOf(axes);
        combine = combine == null ? AxisCombination.named(Defaults.STUDY_COMBINE) : combine;
        search = search == null ? SearchMode.named(Defaults.STUDY_SEARCH) : search;
        Set<String> names = new HashSet<>();
        Set<String> reserved = StudyColumns.reserved();
        for (int i = 0; i < axes.size(); i++) {
            StudyAxis a = axes.get(i);
            if (reserved.contains(a.name())) {
                a = a.withName("axis_" + a.name());
                axes = replace(axes, i, a);
            }
            if (!names.add(a.name())) {
                throw SpecException.of("", "axes[" + i + "].name", a.name(), "allowed: a column name no other axis"
                        + " uses; set name: on one of the two axes over " + a.path());
            }
        }
        if (combine == AxisCombination.ZIP) {
            for (int i = 1; i < axes.size(); i++) {
                if (axes.get(i).size() != axes.get(0).size()) {
                    throw SpecException.because("", "axes[" + i + "].values", "has " + axes.get(i).size()
                            + " values but axes[0] has " + axes.get(0).size() + "; zipped axes need equal lengths");
                }
            }
        }
    }

    private static List<StudyAxis> replace(List<StudyAxis> axes, int i, StudyAxis a) {
        List<StudyAxis> out = new ArrayList<>(axes);
        out.set(i, a);
        return List.copyOf(out);
    }

    /** Returns a builder with the defaults (cross, descent). */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the cells in study order (first axis outermost), each with a validated spec. */
    public List<StudyCell> cells() {
        return CellExpander.expand(this);
    }

    /** Returns the number of cells without building their specs. */
    public int cellCount() {
        if (combine == AxisCombination.ZIP) {
            return axes.get(0).size();
        }
        return axes.stream().mapToInt(StudyAxis::size).reduce(1, Math::multiplyExact);
    }

    /** Returns the study as YAML with every default filled in. */
    public String toYaml() {
        return Specs.toYaml(this);
    }

    /** Reads a study from a {@code .yaml}, {@code .yml} or {@code .json} file and checks every cell. */
    public static StudySpec read(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("--spec: " + file + ": no such file");
        }
        return fromYaml(Specs.readText(file));
    }

    /** Parses a study from YAML (or JSON) text and checks every cell. */
    public static StudySpec fromYaml(String text) {
        StudySpec s = Specs.parse(text, StudySpec.class);
        s.cells();
        return s;
    }

    /** Fluent builder for {@link StudySpec}. */
    public static final class Builder {
        private ReplayOptimizeSpec base;
        private final List<StudyAxis> axes = new ArrayList<>();
        private AxisCombination combine = AxisCombination.named(Defaults.STUDY_COMBINE);
        private SearchMode search = SearchMode.named(Defaults.STUDY_SEARCH);

        private Builder() {
        }

        /** Sets the base sweep spec every cell starts from. */
        public Builder base(ReplayOptimizeSpec v) { base = v; return this; }

        /** Adds an axis of scalar values over {@code path}. */
        public Builder axis(String path, Object... values) { return axis(StudyAxis.of(path, values)); }

        /** Adds an axis. */
        public Builder axis(StudyAxis a) { axes.add(a); return this; }

        /** Crosses the axes (every combination; the default). */
        public Builder cross() { combine = AxisCombination.CROSS; return this; }

        /** Zips the axes (the i-th values together). */
        public Builder zip() { combine = AxisCombination.ZIP; return this; }

        /** Sets how each cell is searched. */
        public Builder search(SearchMode v) { search = v; return this; }

        /** Returns the validated study (every cell's spec is checked). */
        public StudySpec build() {
            StudySpec s = new StudySpec(base, axes, combine, search);
            s.cells();
            return s;
        }
    }
}
