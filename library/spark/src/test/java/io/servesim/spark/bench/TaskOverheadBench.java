package io.servesim.spark.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Measures Spark's cost per task on a master (default local[2]): jobs of N empty tasks, after a warm-up, reported as
 * ms per task. Run: java [Spark JVM flags] -cp ... io.servesim.spark.bench.TaskOverheadBench [MASTER] [TASKS]
 */
public final class TaskOverheadBench {
    private TaskOverheadBench() {
    }

    public static void main(String[] args) {
        String master = args.length > 0 ? args[0] : "local[2]";
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        SparkSession s = SparkSession.builder().master(master).appName("task overhead")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(s.sparkContext());
        List<Integer> data = IntStream.range(0, tasks).boxed().collect(Collectors.toList());
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            long n = jsc.parallelize(data, tasks).map(i -> i + 1).count();
            double ms = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "round %d: %d tasks in %.0f ms = %.2f ms per task (wall, %d cores)%n",
                    round, n, ms, ms / tasks, jsc.defaultParallelism());
        }
        s.stop();
    }
}
