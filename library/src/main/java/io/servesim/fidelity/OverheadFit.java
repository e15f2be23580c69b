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
 * squares on the relative errors (predicted − measured) / measured of TTFT and TPOT over every row the model covers:
 * Gauss-Newton steps, each from a forward-difference Jacobian (one full replay of the dataset per parameter, with
 * {@link FidelityRunner}) and solved with commons-math3's Levenberg-Marquardt under the bound overheads &gt;= 0. The
 * overheads enter the predictions almost linearly, so a few steps suffice and the fit costs a handful of replays. Deterministic: the same dataset and method
 * give the same fit. Stateless.
 */
public final class OverheadFit {
    /** Forward-difference steps, ms: large enough to move a discrete-event replay measurably. */
    private static final double[] STEP = {5.0, 0.5};
    private static final double[] START = {20.0, 1.0};
    private static final int ITERATIONS = 10;

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
        return fit(data, method, threads, line -> { });
    }

    /**
     * Fits the overheads, telling {@code progress} about every full replay. Gauss-Newton: at most
     * {@value #ITERATIONS} linearisations (a forward-difference Jacobian each, two replays), each solved as a bounded
     * linear least-squares problem by Levenberg-Marquardt, stopping early when the step is below 0.1 ms.
     */
    public static Result fit(MeasuredDataset data, FidelityMethod method, int threads,
                             java.util.function.Consumer<String> progress) {
        long started = System.nanoTime();
        Map<List<Double>, FidelityReport> cache = new HashMap<>();
        double[] p = START.clone();
        FidelityReport first = replay(data, method, p, threads, cache, progress);
        List<MeasuredRow> rows = new ArrayList<>();
        for (RowOutcome.Predicted pr : first.predicted()) {
            rows.add(pr.row());
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(data.name() + ": no row can be modelled, nothing to fit");
        }
        MeasuredDataset covered = data;
        if (rows.size() < data.rows().size()) {
            covered = new MeasuredDataset(data.name(), rows);
            cache.clear();
        }
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            RealVector r0 = residuals(replay(covered, method, p, threads, cache, progress));
            RealMatrix jacobian = new Array2DRowRealMatrix(r0.getDimension(), 2);
            for (int k = 0; k < 2; k++) {
                double[] q = p.clone();
                q[k] += STEP[k];
                jacobian.setColumnVector(k, residuals(replay(covered, method, q, threads, cache, progress))
                        .subtract(r0).mapDivide(STEP[k]));
            }
            double[] next = solveLinear(r0, jacobian, p);
            boolean small = Math.abs(next[0] - p[0]) < 0.1 && Math.abs(next[1] - p[1]) < 0.01;
            p = next;
            if (small) {
                break;
            }
        }
        // the objective is a staircase in the overheads (a request waits for the running pass to end), so the last
        // step need not be the best point: keep the replayed point with the least squared error
        double best = cost(replay(covered, method, p, threads, cache, progress));
        for (Map.Entry<List<Double>, FidelityReport> e : cache.entrySet()) {
            double c = cost(e.getValue());
            if (c < best) {
                best = c;
                p = new double[] {e.getKey().get(0), e.getKey().get(1)};
            }
        }
        // report rounded values (what gets stored) and the accuracy they give
        p[0] = Math.round(p[0] * 10) / 10.0;
        p[1] = Math.round(p[1] * 100) / 100.0;
        FidelityReport fitted = replay(covered, method, p, threads, cache, progress);
        return new Result(p[0], p[1], fitted.overall(), rows.size(), cache.size() + 1,
                (System.nanoTime() - started) / 1e6);
    }

    /** Returns the point minimising |r0 + J (x − p)|² with x &gt;= 0 (the linearised problem). */
    private static double[] solveLinear(RealVector r0, RealMatrix jacobian, double[] p) {
        MultivariateJacobianFunction linear = x -> {
            RealVector d = new ArrayRealVector(new double[] {x.getEntry(0) - p[0], x.getEntry(1) - p[1]});
            return new Pair<>(r0.add(jacobian.operate(d)), jacobian);
        };
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer()
                .optimize(new LeastSquaresBuilder().model(linear).target(new double[r0.getDimension()])
                        .start(p).parameterValidator(v -> new ArrayRealVector(clamp(v.toArray())))
                        .maxEvaluations(1000).maxIterations(1000).build());
        return clamp(optimum.getPoint().toArray());
    }

    private static FidelityReport replay(MeasuredDataset data, FidelityMethod method, double[] p, int threads,
                                         Map<List<Double>, FidelityReport> cache,
                                         java.util.function.Consumer<String> progress) {
        return cache.computeIfAbsent(List.of(p[0], p[1]), k -> {
            FidelityReport r = FidelityRunner.run(data, method, p[0], p[1], threads);
            progress.accept(String.format(java.util.Locale.ROOT, "replayed %d rows with ttft_overhead_ms %.2f,"
                    + " step_overhead_ms %.3f in %.0f s: MAPE TTFT %.1f%%, TPOT %.1f%%", r.outcomes().size(), p[0],
                    p[1], r.wallMs() / 1000, r.overall().mapeTtftPct(), r.overall().mapeTpotPct()));
            return r;
        });
    }

    private static double cost(FidelityReport report) {
        RealVector r = residuals(report);
        return r.dotProduct(r);
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
