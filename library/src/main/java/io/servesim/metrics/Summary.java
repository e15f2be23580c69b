package io.servesim.metrics;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * The statistics of one distribution (percentiles read on demand), written under their column names in
 * {@link Statistic} order. Immutable.
 */
record Summary(double mean, double min, double max, DoubleUnaryOperator percentile, double std) {

    /** Returns the value of {@code s}. */
    double value(Statistic s) {
        return switch (s) {
            case MEAN -> mean;
            case MIN -> min;
            case MAX -> max;
            case STD -> std;
            default -> percentile.applyAsDouble(s.percent());
        };
    }

    /** Writes every statistic into {@code out} under {@code column(statistic)}. */
    void writeTo(Function<Statistic, Metric> column, Map<String, Double> out) {
        for (Statistic s : Statistic.values()) {
            out.put(column.apply(s).name(), value(s));
        }
    }
}
