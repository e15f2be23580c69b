package io.servesim.study;

import java.util.ServiceLoader;

/** Finds study backends: the in-process one, or one registered by an optional module (Spark). */
public final class StudyBackends {
    private StudyBackends() {
    }

    /** Returns the in-process backend on {@code threads} threads. */
    public static StudyBackend local(int threads) {
        return new LocalStudyBackend(threads);
    }

    /**
     * Returns the Spark backend for {@code master}; fails with a message saying how to get the Spark module when it
     * is not on the class path.
     */
    public static StudyBackend spark(String master) {
        for (StudyBackendFactory f : ServiceLoader.load(StudyBackendFactory.class)) {
            if (f.name().equals("spark")) {
                return f.create(master);
            }
        }
        throw new IllegalArgumentException("--spark " + master + ": the Spark module is not on the class path. Build"
                + " it once with `./mvnw -B -pl library/spark -am -DskipTests package` (downloads Apache Spark) and run"
                + " ./servesim study ... --spark " + master + " (or spark-submit, see README); without --spark the"
                + " study runs in this process");
    }
}
