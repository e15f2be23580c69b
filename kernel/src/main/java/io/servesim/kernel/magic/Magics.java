package io.servesim.kernel.magic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The registry of servesim magics by name. */
public final class Magics {
    /** One line per magic for {@code %help}. */
    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();
    private static final Map<String, Supplier<Magic>> LINE = new LinkedHashMap<>();
    private static final Map<String, Supplier<Magic>> CELL = new LinkedHashMap<>();

    static {
        CELL.put("spec", SpecMagic::new);
        DESCRIPTIONS.put("%%spec", "NAME — the cell body (YAML/JSON) becomes a validated spec in variable NAME");
        LINE.put("sweep", SweepMagic::new);
        DESCRIPTIONS.put("%sweep", "[NAME|--spec FILE] [--objective --total-gpus --router-mode --exhaustive --as VAR]");
        LINE.put("replay", ReplayMagic::new);
        DESCRIPTIONS.put("%replay", "[NAME] --prefill-tp --decode-tp --prefill-workers --decode-workers (agg: --tp --workers)");
        LINE.put("trace", TraceMagic::new);
        DESCRIPTIONS.put("%trace", "FILE — trace statistics and length histograms");
        LINE.put("perf", PerfMagic::new);
        DESCRIPTIONS.put("%perf", "[--model --tp --prefill-tokens --prefix --decode-batch --context] — step time, KV capacity");
        LINE.put("study", StudyMagic::new);
        DESCRIPTIONS.put("%study", "[NAME|--spec FILE] [--out DIR --spark MASTER --threads N --as VAR] — many sweeps");
        LINE.put("export", ExportMagic::new);
        DESCRIPTIONS.put("%export", "RESULT DIR — write a sweep's CSV, Parquet and JSON files");
        LINE.put("load", LoadMagic::new);
        DESCRIPTIONS.put("%load", "FILE — run a Java/JShell script in this session");
        LINE.put("jars", JarsMagic::new);
        DESCRIPTIONS.put("%jars", "PATH... — add local jars (globs allowed) or class folders to the class path");
        LINE.put("classpath", JarsMagic::new);
        DESCRIPTIONS.put("%classpath", "PATH... — the same as %jars");
        LINE.put("maven", MavenMagic::new);
        DESCRIPTIONS.put("%maven", "GROUP:ARTIFACT:VERSION... [--offline] — add Maven artifacts and their dependencies");
        LINE.put("mavenRepo", MavenRepoMagic::new);
        DESCRIPTIONS.put("%mavenRepo", "ID URL — a Maven repository for %maven to search after Central");
        LINE.put("help", HelpMagic::new);
        DESCRIPTIONS.put("%help", "this list");
    }

    private Magics() {
    }

    /** Returns one line per magic for {@code %help}, in help order (unmodifiable). */
    public static Map<String, String> descriptions() {
        return java.util.Collections.unmodifiableMap(DESCRIPTIONS);
    }

    /** Returns a fresh line magic named {@code name}, or null. */
    public static Magic line(String name) {
        Supplier<Magic> s = LINE.get(name);
        return s == null ? null : s.get();
    }

    /** Returns a fresh cell magic named {@code name}, or null. */
    public static Magic cell(String name) {
        Supplier<Magic> s = CELL.get(name);
        return s == null ? null : s.get();
    }

    /** Returns the names of all magics (for completion). */
    public static Iterable<String> names() {
        var all = new java.util.ArrayList<String>();
        LINE.keySet().forEach(n -> all.add("%" + n));
        CELL.keySet().forEach(n -> all.add("%%" + n));
        return all;
    }
}
