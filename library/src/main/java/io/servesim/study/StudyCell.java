package io.servesim.study;

import io.servesim.spec.ReplayOptimizeSpec;
import java.util.List;

/**
 * One cell of a study: its index in the study's cell order, the label of each axis's value (in axis order) and the
 * sweep spec those values give. Immutable.
 */
public record StudyCell(int index, List<String> labels, ReplayOptimizeSpec spec) {
    public StudyCell {
        labels = List.copyOf(labels);
    }

    /** Returns a short description such as {@code cell 3 (model=Qwen/Qwen3-8B, total_gpus=16)}. */
    public String describe(List<StudyAxis> axes) {
        StringBuilder sb = new StringBuilder("cell ").append(index).append(" (");
        for (int i = 0; i < axes.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(axes.get(i).name()).append('=').append(labels.get(i));
        }
        return sb.append(')').toString();
    }
}
