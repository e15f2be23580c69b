package io.servesim.study;

/** Hears about a study's progress, once per finished cell (on the study's thread). */
@FunctionalInterface
public interface StudyListener {
    /** Called after a cell's results are written. */
    void cellDone(StudyProgress progress);

    /** A listener that ignores everything. */
    StudyListener NONE = p -> { };
}
