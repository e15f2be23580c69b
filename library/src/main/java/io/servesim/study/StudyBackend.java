package io.servesim.study;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where a study's cells are searched: in this process ({@link LocalStudyBackend}) or on Apache Spark (the optional
 * {@code servesim-spark} module, found through {@link StudyBackendFactory}). Implementations hand each finished cell to
 * the sink as soon as it is done, in any order but one at a time; a cell's result must not depend on the backend.
 */
public interface StudyBackend extends AutoCloseable {
    /** Returns a short description for progress lines and the run log, e.g. {@code in-process, 8 threads}. */
    String describe();

    /** Returns how many evaluations run at once. */
    int parallelism();

    /** Searches {@code pending} cells of {@code study}, handing each finished cell to {@code done}. */
    void run(StudySpec study, List<StudyCell> pending, Consumer<CellResult> done);

    /** Releases the backend's resources (threads, a Spark session it started). */
    @Override
    default void close() {
    }
}
