package io.servesim.fidelity;

import io.servesim.spec.Defaults;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Fits the engine overheads ({@code ttft_overhead_ms}, {@code step_overhead_ms}) to a measured dataset by least
 * squares: Levenberg-Marquardt (commons-math3) on the relative errors (predicted − measured) / measured of TTFT and
 * TPOT over every row the model covers, each residual a full replay of the dataset with {@link FidelityRunner},
 * the Jacobian by forward differences. The overheads are kept &gt;= 0. Deterministic: the same dataset and method
 * give the same fit. Stateless.
 */
public final class OverheadFit {
    /** Forward-difference steps, ms: large enough to move a discrete-event replay measurably. */
    private static final double[] STEP = {5.0, 0.5};
    private static final double[] START = {20.0, 1.0};

    private OverheadFit() {
    }

    /**
     * Returns the method the fit replays with: the standard one with {@value Defaults#FIDELITY_FIT_REQUESTS_PER_CLIENT}
     * measured requests per client, so that the dozen or so full replays a fit takes stay in minutes.
     */
    public static FidelityMethod method() {
        return FidelityMethod.standard().withRequestsPerClient(Defaults.FIDELITY_FIT_REQUESTS_PER_CLIENT);
    }

    /**
     * The fitted overheads and the accuracy they give.
     *
     * @param ttftOverheadMs fitted per-request overhead, ms
     * @param stepOverheadMs fitted host time per pass, ms
     * @param accuracy       the accuracy with the fitted values
     * @param rows           rows the fit used
     * @param replays        full dataset replays it took
     * @param wallMs         wall-clock time of the fit
     */
    public record Result(double ttftOverheadMs, double stepOverheadMs, Accuracy accuracy, int rows, int replays,
                         double wallMs) {
    }

    /** Fits the overheads to {@code data} replayed with {@code method} on {@code threads} threads. */
    public static Result fit(MeasuredDataset data, FidelityMethod method, int threads) {
        long started = System.nanoTime();
        FidelityReport first = FidelityRunner.run(data, method, START[0], START[1], threads);
        List<MeasuredRow> rows = new ArrayList<>();
        for (RowOutcome.Predicted p : first.predicted()) {
            rows.add(p.row());
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(data.name() + ": no row can be modelled, nothing to fit");
        }
        MeasuredDataset covered = new MeasuredDataset(data.name(), rows);
        Map<List<Double>, FidelityReport> cache = new HashMap<>();
        cache.put(List.of(START[0], START[1]), first);
        MultivariateJacobianFunction model = point -> {
            double[] p = clamp(point.toArray());
            RealVector value = residuals(replay(covered, method, p, threads, cache));
            RealMatrix jacobian = new Array2DRowRealMatrix(value.getDimension(), 2);
            for (int k = 0; k < 2; k++) {
                double[] q = p.clone();
                q[k] += STEP[k];
                RealVector shifted = residuals(replay(covered, method, q, threads, cache));
                jacobian.setColumnVector(k, shifted.subtract(value).mapDivide(STEP[k]));
            }
            return new Pair<>(value, jacobian);
        };
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-3).withParameterRelativeTolerance(1e-3)
                .optimize(new LeastSquaresBuilder().model(model).target(new double[2 * rows.size()])
                        .start(START).parameterValidator(v -> new ArrayRealVector(clamp(v.toArray())))
                        .maxEvaluations(40).maxIterations(40).build());
        double[] best = clamp(optimum.getPoint().toArray());
        // report rounded values (what gets stored) and the accuracy they give
        best[0] = Math.round(best[0] * 10) / 10.0;
        best[1] = Math.round(best[1] * 100) / 100.0;
        FidelityReport fitted = replay(covered, method, best, threads, cache);
        return new Result(best[0], best[1], fitted.overall(), rows.size(), cache.size(),
                (System.nanoTime() - started) / 1e6);
    }

    private static FidelityReport replay(MeasuredDataset data, FidelityMethod method, double[] p, int threads,
                                         Map<List<Double>, FidelityReport> cache) {
        return cache.computeIfAbsent(List.of(p[0], p[1]), k -> FidelityRunner.run(data, method, p[0], p[1], threads));
    }

    private static RealVector residuals(FidelityReport report) {
        List<RowOutcome> outcomes = report.outcomes();
        double[] r = new double[2 * outcomes.size()];
        for (int i = 0; i < outcomes.size(); i++) {
            if (!(outcomes.get(i) instanceof RowOutcome.Predicted p)) {
                throw new IllegalStateException("row " + outcomes.get(i).row().line() + " could not be replayed"
                        + " during the fit: " + ((RowOutcome.Skipped) outcomes.get(i)).reason());
            }
            r[2 * i] = (p.predictedTtftMs() - p.row().ttftMs()) / p.row().ttftMs();
            r[2 * i + 1] = (p.predictedTpotMs() - p.row().tpotMs()) / p.row().tpotMs();
        }
        return new ArrayRealVector(r, false);
    }

    private static double[] clamp(double[] p) {
        return new double[] {Math.max(0, p[0]), Math.max(0, p[1])};
    }
}
