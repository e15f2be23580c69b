package io.servesim.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Reads and writes specs as JSON or YAML. Every problem in a spec becomes one {@link SpecException} whose message
 * names the path ({@code workload.sharedPrefixRatio}), the value and what is allowed; never a parser stack trace.
 */
public final class Specs {
    private static final ObjectMapper JSON = configure(JsonMapper.builder().build());
    private static final ObjectMapper YAML = configure(YAMLMapper.builder(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build()).build());

    private static final java.util.regex.Pattern DUPLICATE =
            java.util.regex.Pattern.compile("Duplicate field '([^']*)'");

    /** Resource path of the default example spec (also shipped as notebooks/specs/default-disagg.yaml). */
    public static final String DEFAULT_EXAMPLE = "default-disagg.yaml";
    /** Resource path of the aggregated example spec. */
    public static final String AGGREGATED_EXAMPLE = "default-agg.yaml";
    /** Resource path of the trace example spec. */
    public static final String TRACE_EXAMPLE = "trace-disagg.yaml";

    private Specs() {
    }

    private static ObjectMapper configure(ObjectMapper m) {
        // a key given twice is an error naming it, not "last one wins"
        m.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * Reads a spec from a {@code .json}, {@code .yaml} or {@code .yml} file. A relative {@code workload.traceFile}
     * is resolved against the spec file's folder, and must exist.
     */
    public static ReplayOptimizeSpec read(Path file) {
        String text = readText(file);
        String name = String.valueOf(file.getFileName()).toLowerCase(java.util.Locale.ROOT);
        ReplayOptimizeSpec spec = name.endsWith(".json") ? fromJson(text) : fromYaml(text);
        Path folder = file.toAbsolutePath().getParent();
        ReplayOptimizeSpec resolved = resolvePaths(spec, file.getParent() == null ? Path.of("") : file.getParent());
        checkTraceFile(resolved.workload(), "workload.traceFile", folder);
        return resolved;
    }

    /**
     * Returns the spec a {@code --spec FILE} flag names, as the command line and the notebook kernel load it: the file
     * as {@link #read(Path)} reads it or, when {@code file} is null, the built-in default example
     * ({@link #DEFAULT_EXAMPLE}). A file that does not exist fails with a message naming the flag.
     */
    public static ReplayOptimizeSpec readOrDefault(Path file) {
        if (file == null) {
            return example(DEFAULT_EXAMPLE);
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("--spec: file " + file + " does not exist");
        }
        return read(file);
    }

    /** Returns {@code spec} with a relative trace path made relative to {@code folder} (the spec file's folder). */
    public static ReplayOptimizeSpec resolvePaths(ReplayOptimizeSpec spec, Path folder) {
        if (!(spec.workload() instanceof WorkloadSpec.Trace w) || Path.of(w.traceFile()).isAbsolute()) {
            return spec;
        }
        String resolved = folder.resolve(w.traceFile()).normalize().toString();
        return spec.withWorkload(w.toBuilder().traceFile(resolved.isEmpty() ? "." : resolved).build());
    }

    /** Fails with a spec error naming {@code field} when the workload's trace file does not exist or is a folder. */
    public static void checkTraceFile(WorkloadSpec workload, String field, Path relativeTo) {
        if (!(workload instanceof WorkloadSpec.Trace w)) {
            return;
        }
        Path p = Path.of(w.traceFile());
        String where = relativeTo == null ? "" : " (relative paths are resolved against " + relativeTo + ")";
        if (Files.isDirectory(p)) {
            throw SpecException.of("", field, w.traceFile(), "it is a folder; allowed: a Mooncake JSONL trace file");
        }
        if (!Files.isRegularFile(p)) {
            throw SpecException.of("", field, w.traceFile(), "no such file" + where);
        }
    }

    /**
     * Returns the text of a spec-like file (a spec or a study), checked as {@link #read(Path)} checks it: a folder, a
     * file over {@link Limits#MAX_SPEC_BYTES}, a binary, missing or unreadable file fails in one line naming it.
     */
    public static String readText(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new SpecException.FileProblem(file + ": is a folder; expected a spec file (.yaml, .yml, .json)");
            }
            long size = Files.size(file);
            if (size > Limits.MAX_SPEC_BYTES) {
                throw new SpecException.FileProblem(file + ": is " + size + " bytes; allowed: a spec of at most "
                        + Limits.MAX_SPEC_BYTES + " bytes");
            }
            byte[] bytes = Files.readAllBytes(file);
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                if (text.indexOf('\0') >= 0) {
                    throw new java.nio.charset.CharacterCodingException();
                }
                return text;
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new SpecException.FileProblem(file + ": is not a text file (not UTF-8); expected a YAML or"
                        + " JSON spec");
            }
        } catch (NoSuchFileException e) {
            throw new SpecException.FileProblem(file + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new SpecException.FileProblem(file + ": permission denied");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spec " + file, e);
        }
    }

    /** Parses a spec from YAML text (JSON is valid YAML, so this reads both). */
    public static ReplayOptimizeSpec fromYaml(String text) {
        return parse(YAML, text, ReplayOptimizeSpec.class);
    }

    /** Parses a spec from JSON text. */
    public static ReplayOptimizeSpec fromJson(String text) {
        return parse(JSON, text, ReplayOptimizeSpec.class);
    }

    /** Parses any spec part (e.g. {@link WorkloadSpec}) from YAML or JSON text. */
    public static <T> T parse(String text, Class<T> type) {
        return parse(YAML, text, type);
    }

    /** Returns the spec as YAML with every default filled in. */
    public static String toYaml(Object spec) {
        return write(YAML, spec);
    }

    /** Returns the spec as pretty-printed JSON with every default filled in. */
    public static String toJson(Object spec) {
        return write(JSON, spec);
    }

    /** Returns a bundled example spec by resource name (see {@link #DEFAULT_EXAMPLE}). */
    public static ReplayOptimizeSpec example(String resource) {
        return fromYaml(exampleText(resource));
    }

    /** Returns a bundled example spec's YAML text. */
    public static String exampleText(String resource) {
        try (InputStream in = Specs.class.getResourceAsStream("/io/servesim/spec/examples/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled example spec named " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns a copy of the mapper used for JSON (for other packages writing spec-like values): configuring the copy
     * cannot change how servesim reads and writes specs.
     */
    public static ObjectMapper jsonMapper() {
        return JSON.copy();
    }

    private static String write(ObjectMapper mapper, Object spec) {
        try {
            return mapper.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write spec: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T parse(ObjectMapper mapper, String text, Class<T> type) {
        if (text.length() > Limits.MAX_SPEC_BYTES) {
            throw SpecException.because("", "spec", "is " + text.length() + " characters long; allowed: at most "
                    + Limits.MAX_SPEC_BYTES);
        }
        if (text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#") || l.equals("---"))) {
            throw SpecException.because("", "spec", "is empty; expected a mapping with engine, hardware, workload");
        }
        if (mapper == YAML && severalDocuments(text)) {
            throw SpecException.because("", "spec", "holds several YAML documents (a line \"---\" after content);"
                    + " allowed: one spec per file");
        }
        try {
            T value = mapper.readValue(text, type);
            if (value == null) {
                throw SpecException.because("", "spec", "is empty; expected a mapping with engine, hardware, workload");
            }
            return value;
        } catch (JsonMappingException e) {
            throw translate(e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            String msg = String.valueOf(e.getOriginalMessage());
            java.util.regex.Matcher dup = DUPLICATE.matcher(msg);
            if (dup.find()) {
                throw SpecException.because("", "spec", "has the key \"" + SpecException.echo(dup.group(1))
                        + "\" twice in one mapping" + where + "; allowed: each key once");
            }
            throw SpecException.because("", "spec", "is not valid YAML/JSON" + where + ": "
                    + SpecException.echo(msg.replaceAll("\\s+", " ")));
        } catch (SpecException e) {
            throw e;
        } catch (RuntimeException e) {
            // YAML parser limits (nesting depth, document size) and other parser failures end as one line too
            throw SpecException.because("", "spec", "cannot be parsed: " + SpecException.echo(String.valueOf(
                    e.getMessage()).replaceAll("\\s+", " ")));
        }
    }

    /** Returns true when a YAML document separator ("---") follows content, i.e. the text holds several documents. */
    private static boolean severalDocuments(String text) {
        boolean content = false;
        for (String line : text.split("\\R")) {
            String t = line.strip();
            boolean separator = line.startsWith("---") && (t.equals("---") || t.startsWith("--- "));
            if (separator && content) {
                return true;
            }
            if (!separator && !t.isEmpty() && !t.startsWith("#") && !t.startsWith("%")) {
                content = true;
            }
        }
        return false;
    }

    private static SpecException translate(JsonMappingException e) {
        String path = pathOf(e);
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof SpecException se) {
                boolean pointsAtField = path.equals(se.field()) || path.endsWith("." + se.field());
                return se.relocate(pointsAtField ? parentPath(path) : path);
            }
            cause = cause.getCause();
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return SpecException.because(parentPath(path), String.valueOf(u.getPropertyName()),
                    "is not a known field; allowed here: " + known(u.getKnownPropertyIds()));
        }
        if (e instanceof InvalidFormatException f) {
            return SpecException.of(parentPath(path), lastSegment(path), f.getValue(),
                    "allowed: a value of type " + typeName(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException m) {
            return SpecException.because(parentPath(path), lastSegment(path),
                    "has the wrong type; expected " + typeName(m.getTargetType()));
        }
        return SpecException.because(parentPath(path), lastSegment(path), "is invalid: " + e.getOriginalMessage());
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String parentPath(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    private static String lastSegment(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "?" : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "integer";
        }
        if (type == Double.class || type == double.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true/false)";
        }
        if (type == String.class) {
            return "string";
        }
        if (type.isEnum() || type.isRecord() || type.getSimpleName().endsWith("Builder")) {
            return type.isEnum() ? "name" : "mapping";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "list";
        }
        return type.getSimpleName();
    }
}
