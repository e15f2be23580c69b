package io.servesim.study;

/**
 * Creates a {@link StudyBackend} for a master URL; registered in {@code META-INF/services} by optional modules (the
 * {@code servesim-spark} module registers {@code spark}) so the core library never depends on them.
 */
public interface StudyBackendFactory {
    /** Returns the backend's name, e.g. {@code spark}. */
    String name();

    /** Returns a backend connected to {@code master} (for Spark: {@code local[N]}, {@code spark://host:7077}, ...). */
    StudyBackend create(String master);
}
