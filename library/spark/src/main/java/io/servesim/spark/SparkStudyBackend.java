package io.servesim.spark;

import io.servesim.optimize.DeploymentState;
import io.servesim.optimize.LocalEvaluator;
import io.servesim.optimize.SearchSpace;
import io.servesim.spec.Specs;
import io.servesim.study.CellResult;
import io.servesim.study.CellSearch;
import io.servesim.study.MemoEvaluator;
import io.servesim.study.SearchMode;
import io.servesim.study.StudyBackend;
import io.servesim.study.StudyCell;
import io.servesim.study.StudySpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Searches study cells as Spark jobs. The unit of distribution depends on the search: a descent cell is one task
 * (each descent step needs the previous step's results, so splitting it would put a Spark job barrier between
 * steps), and a study keeps a cluster busy by running many cells at once; an exhaustive cell knows all its states up
 * front, so its evaluations are spread over up to 4 × parallelism tasks, which keeps a cluster busy even for a study
 * of a few big cells. Up to 2 × parallelism cells are in flight as concurrent jobs. The driver collects each cell's
 * reports and rebuilds the cell's result with {@link CellSearch} over them, so results equal the in-process run's.
 */
public final class SparkStudyBackend implements StudyBackend {
    private final SparkSession session;
    private final JavaSparkContext jsc;
    private final boolean ownsSession;
    private final String master;

    /** Connects to {@code master} ({@code local[N]}, {@code spark://...}); null or empty: the spark-submit master. */
    public SparkStudyBackend(String master) {
        boolean existing = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
        SparkSession.Builder b = SparkSession.builder().appName("servesim study");
        if (master != null && !master.isBlank()) {
            b.master(master);
            if (master.startsWith("local")) {
                b.config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                        .config("spark.driver.bindAddress", "127.0.0.1");
            }
        }
        try {
            this.session = b.getOrCreate();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--spark " + master + ": cannot start Spark: " + e.getMessage(), e);
        }
        this.ownsSession = !existing;
        this.jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
        this.master = session.sparkContext().master();
        if (ownsSession) {
            jsc.setLogLevel("WARN");
        }
    }

    @Override
    public String describe() {
        return "Spark " + jsc.version() + " " + master + " (" + parallelism() + " cores)";
    }

    @Override
    public int parallelism() {
        return jsc.defaultParallelism();
    }

    @Override
    public void run(StudySpec study, List<StudyCell> pending, Consumer<CellResult> done) {
        Deque<StudyCell> queue = new ArrayDeque<>(pending);
        List<InFlight> running = new ArrayList<>();
        int window = Math.max(2, 2 * parallelism());
        try {
            while (!queue.isEmpty() || !running.isEmpty()) {
                while (running.size() < window && !queue.isEmpty()) {
                    running.add(submit(queue.poll(), study.search()));
                }
                boolean progressed = false;
                for (Iterator<InFlight> it = running.iterator(); it.hasNext(); ) {
                    InFlight f = it.next();
                    if (f.job().isDone()) {
                        it.remove();
                        done.accept(rebuild(f.cell(), study.search(), f.job().get()));
                        progressed = true;
                    }
                }
                if (!progressed) {
                    Thread.sleep(10);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("study interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("a Spark task failed: " + cause.getMessage(), cause);
        } finally {
            running.forEach(f -> f.job().cancel(true));
        }
    }

    private record InFlight(StudyCell cell, JavaFutureAction<List<WireRecord>> job) {
    }

    private InFlight submit(StudyCell cell, SearchMode mode) {
        String json = Specs.toJson(cell.spec().withMaxParallelEvals(1));
        jsc.setJobDescription("servesim study cell " + cell.index() + " " + cell.labels());
        if (mode == SearchMode.DESCENT) {
            return new InFlight(cell, jsc.parallelize(List.of(0), 1)
                    .flatMap(i -> SparkTasks.descentCell(json).iterator()).collectAsync());
        }
        int states = new SearchSpace(cell.spec()).allStates().size();
        List<Integer> indices = IntStream.range(0, states).boxed().collect(Collectors.toList());
        int slices = Math.max(1, Math.min(states, 4 * parallelism()));
        return new InFlight(cell, jsc.parallelize(indices, slices).map(i -> SparkTasks.evaluate(json, i))
                .collectAsync());
    }

    /**
     * Replays the cell's search over the collected reports. A state the search asks for that no task evaluated (the
     * exhaustive cell's descent may visit one outside the exhaustive list) is evaluated here on the driver.
     */
    private static CellResult rebuild(StudyCell cell, SearchMode mode, List<WireRecord> records) {
        Map<DeploymentState, Map<String, Double>> reports = new HashMap<>();
        for (WireRecord r : records) {
            reports.put(r.state(), r.metrics());
        }
        return CellSearch.run(cell, mode, new MemoEvaluator(new LocalEvaluator(cell.spec()), reports), 1);
    }

    @Override
    public void close() {
        if (ownsSession) {
            session.stop();
        }
    }
}
