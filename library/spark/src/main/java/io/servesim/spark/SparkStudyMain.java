package io.servesim.spark;

import io.servesim.cli.Main;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The servesim command line with the Spark backend on the class path: {@code ./servesim study ... --spark local[N]}
 * runs through it, and so does {@code spark-submit --class io.servesim.spark.SparkStudyMain ... study --spec F}. Under
 * spark-submit, a {@code study} without {@code --spark} uses the master spark-submit was given.
 */
public final class SparkStudyMain {
    private SparkStudyMain() {
    }

    /** Runs the CLI and exits with its status. */
    public static void main(String[] args) {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        String submitted = System.getProperty("spark.master");
        if (!a.isEmpty() && a.get(0).equals("study") && submitted != null && !a.contains("--spark")
                && a.stream().noneMatch(s -> s.startsWith("--spark="))) {
            a.add("--spark");
            a.add(submitted);
        }
        System.exit(Main.run(a.toArray(new String[0])));
    }
}
