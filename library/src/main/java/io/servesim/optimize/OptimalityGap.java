package io.servesim.optimize;

/**
 * How close the budget-focused descent came to the exhaustive optimum: both best scores, the relative gap
 * ({@code (exhaustive − descent) / |exhaustive|}, 0 when the descent found the optimum) and the evaluations each used.
 */
public record OptimalityGap(double descentBestScore, double exhaustiveBestScore, int descentEvaluations,
                            int exhaustiveEvaluations) {
    /** Returns the relative gap in score (0 = the descent found the exhaustive optimum). */
    public double relativeGap() {
        if (Double.isNaN(descentBestScore) || Double.isNaN(exhaustiveBestScore)) {
            return Double.NaN;
        }
        double denom = Math.abs(exhaustiveBestScore);
        return denom == 0 ? 0 : (exhaustiveBestScore - descentBestScore) / denom;
    }
}
