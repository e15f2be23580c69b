package io.servesim.fidelity;

import io.servesim.perf.MeasurementSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file of measured serving results with the columns of the shipped {@code silicon_vllm.csv}: {@value #COLUMNS}
 * (further columns are kept and passed through). Immutable. A missing column or a value that is not a number gives
 * one {@link IllegalArgumentException} naming the file, line, column and value.
 *
 * @param name where the rows came from
 * @param rows the data rows in file order
 */
public record MeasuredDataset(String name, List<MeasuredRow> rows) {
    /** The columns every row must have. */
    public static final String COLUMNS = "system, model, precision, mode, isl, osl, concurrency, tp, ttft_ms, tpot_ms";
    /** Optional column: the KV-cache dtype of the deployment, {@code auto} or {@code fp8} (empty: not given). */
    public static final String KV_COLUMN = "kv_cache_dtype";
    /** The shipped dataset: public measured vLLM serving results (see its SOURCE.md). */
    public static final String SHIPPED = "silicon/silicon_vllm.csv";

    public MeasuredDataset {
        rows = List.copyOf(rows);
    }

    /** Returns the dataset shipped with servesim. */
    public static MeasuredDataset shipped() {
        try (InputStream in = MeasurementSource.shipped("silicon").open("silicon_vllm.csv")) {
            return parse(in, "shipped " + SHIPPED);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the shipped " + SHIPPED + " failed", e);
        }
    }

    /** Reads {@code file}. */
    public static MeasuredDataset read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--measured " + file + ": no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " failed", e);
        }
    }

    /** Parses CSV text (header line first) read from {@code name}. */
    public static MeasuredDataset parse(InputStream in, String name) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = r.readLine();
        if (header == null) {
            throw new IllegalArgumentException(name + ": empty file; expected a header with " + COLUMNS);
        }
        String[] names = header.strip().split(",", -1);
        for (String required : COLUMNS.split(", ")) {
            if (!List.of(names).contains(required)) {
                throw new IllegalArgumentException(name + ":1: column " + required + " is missing; required: "
                        + COLUMNS);
            }
        }
        List<MeasuredRow> rows = new ArrayList<>();
        int lineNo = 1;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.strip().split(",", -1);
            if (cells.length != names.length) {
                throw new IllegalArgumentException(name + ":" + lineNo + ": " + cells.length + " cells; the header has "
                        + names.length);
            }
            Map<String, String> c = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                c.put(names[i], cells[i]);
            }
            String at = name + ":" + lineNo;
            String kv = c.getOrDefault(KV_COLUMN, "").strip();
            if (!kv.isEmpty() && !kv.equals("auto") && !kv.equals("fp8")) {
                throw new IllegalArgumentException(at + ": column " + KV_COLUMN + " is \"" + kv
                        + "\"; allowed: auto, fp8 or empty");
            }
            rows.add(new MeasuredRow(lineNo, c, c.get("system"), c.get("model"), c.get("precision"), c.get("mode"),
                    positiveInt(at, "isl", c), positiveInt(at, "osl", c), positiveInt(at, "concurrency", c),
                    positiveInt(at, "tp", c), positive(at, "ttft_ms", c), positive(at, "tpot_ms", c)));
        }
        return new MeasuredDataset(name, rows);
    }

    private static int positiveInt(String at, String column, Map<String, String> c) {
        try {
            int v = Integer.parseInt(c.get(column).strip());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(at + ": column " + column + " is \"" + c.get(column)
                + "\"; allowed: an integer > 0");
    }

    private static double positive(String at, String column, Map<String, String> c) {
        try {
            double v = Double.parseDouble(c.get(column).strip());
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(at + ": column " + column + " is \"" + c.get(column)
                + "\"; allowed: a number > 0 (milliseconds)");
    }
}
