package io.servesim.study;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a study: expands and checks its cells, skips those already complete in the output folder (resume), has the
 * backend search the rest, writes each cell as it finishes, reports progress, then writes the {@code cells} table and
 * a line in {@code runs.jsonl} (backend, parallelism, cells run, wall time, cells/s).
 */
public final class StudyRunner {
    private StudyRunner() {
    }

    /** Runs {@code study} into {@code out} on {@code backend}; returns the results (including resumed cells). */
    public static StudyResult run(StudySpec study, Path out, StudyBackend backend, StudyListener listener) {
        List<StudyCell> cells = study.cells();
        StudyStore store = StudyStore.open(out, study);
        var complete = store.completed();
        List<StudyCell> pending = new ArrayList<>();
        for (StudyCell c : cells) {
            CellSummary s = complete.get(c.index());
            if (s == null) {
                pending.add(c);
            } else if (!s.labels().equals(c.labels())) {
                throw new IllegalStateException(out + ": finished cell " + c.index() + " has labels " + s.labels()
                        + " but the study's cell has " + c.labels() + "; the folder belongs to another study");
            }
        }
        int resumed = cells.size() - pending.size();
        long started = System.nanoTime();
        int[] done = {resumed};
        long[] evaluations = {0};
        backend.run(study, pending, r -> {
            store.write(r);
            done[0]++;
            evaluations[0] += r.result().records().size();
            double elapsed = (System.nanoTime() - started) / 1e9;
            int ranHere = done[0] - resumed;
            double eta = elapsed / ranHere * (cells.size() - done[0]);
            listener.cellDone(new StudyProgress(done[0], cells.size(), resumed, elapsed, eta, r.cell(), r.summary()));
        });
        double wall = (System.nanoTime() - started) / 1e9;
        store.writeCellsTable();
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("finished", Instant.now().toString());
        log.put("backend", backend.describe());
        log.put("parallelism", backend.parallelism());
        log.put("cells_total", cells.size());
        log.put("cells_resumed", resumed);
        log.put("cells_run", pending.size());
        log.put("evaluations", evaluations[0]);
        log.put("wall_s", wall);
        log.put("cells_per_s", pending.isEmpty() ? 0 : pending.size() / wall);
        store.logRun(log);
        return new StudyResult(out, study, resumed, pending.size(), wall);
    }
}
