package io.servesim.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.servesim.Version;
import io.servesim.spec.Specs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A study's output folder: {@code study.yaml} (the spec, defaults filled in), {@code versions.json},
 * {@code states/<axis>=<value>/.../part-<cell>.parquet} (every evaluated state, partitioned by the axes),
 * {@code cells/cell-<n>.json} (a cell's summary, written last: the mark that the cell is complete),
 * {@code cells.parquet} + {@code cells.csv} (one row per cell) and {@code runs.jsonl} (one line per invocation).
 * A cell's files keep fixed names, so a rerun after a kill overwrites a half-written cell instead of adding to it.
 */
final class StudyStore {
    static final String SPEC = "study.yaml";
    static final String STATES = "states";
    static final String MARKERS = "cells";

    private final Path dir;
    private final StudySpec study;

    private StudyStore(Path dir, StudySpec study) {
        this.dir = dir;
        this.study = study;
    }

    /** Opens (or creates) {@code dir} for {@code study}; fails if it holds a different study. */
    static StudyStore open(Path dir, StudySpec study) {
        try {
            Files.createDirectories(dir.resolve(MARKERS));
            Path specFile = dir.resolve(SPEC);
            String yaml = study.toYaml();
            if (Files.exists(specFile)) {
                if (!Files.readString(specFile, StandardCharsets.UTF_8).equals(yaml)) {
                    throw new IllegalArgumentException("--out " + dir + " holds another study (its " + SPEC
                            + " differs from this spec); choose another --out, or delete the folder to start over");
                }
            } else {
                writeAtomically(specFile, yaml);
            }
            ObjectMapper m = Specs.jsonMapper();
            var versions = m.createObjectNode();
            versions.put("servesim", Version.current());
            versions.put("java", System.getProperty("java.version"));
            versions.put("duckdb", duckdbVersion());
            writeAtomically(dir.resolve("versions.json"), m.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(versions));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open study folder " + dir, e);
        }
        return new StudyStore(dir, study);
    }

    Path dir() {
        return dir;
    }

    /** Returns the summaries of the cells already complete, by cell index. */
    Map<Integer, CellSummary> completed() {
        Map<Integer, CellSummary> out = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.resolve(MARKERS), "cell-*.json")) {
            for (Path f : files) {
                CellSummary s = Specs.jsonMapper().readValue(f.toFile(), CellSummary.class);
                out.put(s.cell(), s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the finished cells of " + dir, e);
        }
        return out;
    }

    /** Writes a finished cell: its states, then its summary (the completion mark). */
    void write(CellResult r) {
        ParquetTables.write(r.states(), partition(r.cell()).resolve(String.format(Locale.ROOT, "part-%05d.parquet",
                r.cell().index())));
        try {
            writeAtomically(marker(r.cell().index()), Specs.jsonMapper().writeValueAsString(r.summary()));
        } catch (IOException e) {
            throw new UncheckedIOException("writing cell " + r.cell().index() + " of " + dir + " failed", e);
        }
    }

    /** Rewrites {@code cells.parquet} and {@code cells.csv} from every complete cell. */
    void writeCellsTable() {
        var table = CellsTable.of(study, completed().values());
        ParquetTables.write(table, dir.resolve("cells.parquet"));
        table.write().csv(dir.resolve("cells.csv").toFile());
    }

    /** Appends one line to {@code runs.jsonl}. */
    void logRun(Map<String, Object> entry) {
        try {
            Files.writeString(dir.resolve("runs.jsonl"), Specs.jsonMapper().writer().without(
                            com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(entry) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the run log of " + dir + " failed", e);
        }
    }

    private Path marker(int cell) {
        return dir.resolve(MARKERS).resolve(String.format(Locale.ROOT, "cell-%05d.json", cell));
    }

    private Path partition(StudyCell cell) {
        Path p = dir.resolve(STATES);
        for (int i = 0; i < study.axes().size(); i++) {
            p = p.resolve(study.axes().get(i).name() + "=" + escape(cell.labels().get(i)));
        }
        return p;
    }

    /** Escapes a partition value the way Hive and Spark do ({@code /} becomes {@code %2F}). */
    static String escape(String label) {
        StringBuilder sb = new StringBuilder();
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
                    || c == '_') {
                sb.append(c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String duckdbVersion() {
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:")) {
            return c.getMetaData().getDatabaseProductVersion();
        } catch (java.sql.SQLException e) {
            return "unknown";
        }
    }
}
