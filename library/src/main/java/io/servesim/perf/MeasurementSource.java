package io.servesim.perf;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Where the public operator measurements of one GPU are read from: the copy shipped inside servesim
 * ({@link #shipped(String)}) or a folder of CSV extracts ({@link #folder(Path)}, either flat or with a {@code csv/}
 * subfolder as upstream lays it out). A file {@code NAME.csv} may also be stored gzipped as {@code NAME.csv.gz}.
 */
public sealed interface MeasurementSource {
    /** Classpath folder of the shipped measurements. */
    String SHIPPED_ROOT = "/io/servesim/perf/measurements/";

    /** The measurements shipped with servesim for {@code sku} (e.g. {@code h200_sxm}). */
    static MeasurementSource shipped(String sku) {
        return new Shipped(sku);
    }

    /** The CSV extracts in {@code dir} (or {@code dir/csv}). */
    static MeasurementSource folder(Path dir) {
        return new Folder(dir);
    }

    /** Opens {@code name} (plain or gzipped); fails with a message naming what was looked for. */
    InputStream open(String name) throws IOException;

    /** Returns true when {@code name} exists (plain or gzipped). */
    boolean has(String name);

    /** Where the files come from, for messages. */
    String describe();

    /** Reads the data rows of a CSV file (header skipped, blank lines ignored), split on commas. */
    default List<String[]> rows(String name) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    out.add(line.split(","));
                }
            }
        }
        return out;
    }

    /** Measurements shipped as classpath resources. */
    record Shipped(String sku) implements MeasurementSource {
        @Override
        public InputStream open(String name) throws IOException {
            InputStream plain = MeasurementSource.class.getResourceAsStream(SHIPPED_ROOT + sku + "/" + name);
            if (plain != null) {
                return plain;
            }
            InputStream gz = MeasurementSource.class.getResourceAsStream(SHIPPED_ROOT + sku + "/" + name + ".gz");
            if (gz == null) {
                throw new FileNotFoundException(describe() + " has no " + name);
            }
            return new GZIPInputStream(gz);
        }

        @Override
        public boolean has(String name) {
            return MeasurementSource.class.getResource(SHIPPED_ROOT + sku + "/" + name) != null
                    || MeasurementSource.class.getResource(SHIPPED_ROOT + sku + "/" + name + ".gz") != null;
        }

        @Override
        public String describe() {
            return "the shipped " + sku + " measurements";
        }
    }

    /** Measurements in a folder of CSV extracts. */
    record Folder(Path dir) implements MeasurementSource {
        @Override
        public InputStream open(String name) throws IOException {
            for (Path base : new Path[] {dir, dir.resolve("csv")}) {
                if (Files.isRegularFile(base.resolve(name))) {
                    return Files.newInputStream(base.resolve(name));
                }
                if (Files.isRegularFile(base.resolve(name + ".gz"))) {
                    return new GZIPInputStream(Files.newInputStream(base.resolve(name + ".gz")));
                }
            }
            throw new FileNotFoundException(describe() + " has no " + name + " (nor " + name + ".gz, nor csv/" + name + ")");
        }

        @Override
        public boolean has(String name) {
            return Files.isRegularFile(dir.resolve(name)) || Files.isRegularFile(dir.resolve(name + ".gz"))
                    || Files.isRegularFile(dir.resolve("csv").resolve(name))
                    || Files.isRegularFile(dir.resolve("csv").resolve(name + ".gz"));
        }

        @Override
        public String describe() {
            return "folder " + dir;
        }
    }
}
