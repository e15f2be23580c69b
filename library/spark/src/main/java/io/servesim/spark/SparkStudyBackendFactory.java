package io.servesim.spark;

import io.servesim.study.StudyBackend;
import io.servesim.study.StudyBackendFactory;

/** Registers the Spark backend under the name {@code spark} (found by the CLI's {@code --spark}). */
public final class SparkStudyBackendFactory implements StudyBackendFactory {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public StudyBackend create(String master) {
        return new SparkStudyBackend(master);
    }
}
