package io.servesim.spec;

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

    /** Resource path of the default example spec (also shipped as notebooks/specs/default-disagg.yaml). */
    public static final String DEFAULT_EXAMPLE = "default-disagg.yaml";
    /** Resource path of the aggregated example spec. */
    public static final String AGGREGATED_EXAMPLE = "default-agg.yaml";
    /** Resource path of the trace example spec. */
    public static final String TRACE_EXAMPLE = "trace-disagg.yaml";

    private Specs() {
    }

    private static ObjectMapper configure(ObjectMapper m) {
        return m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Reads a spec from a {@code .json}, {@code .yaml} or {@code .yml} file. */
    public static ReplayOptimizeSpec read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SpecException.FileProblem(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spec " + file, e);
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".json") ? fromJson(text) : fromYaml(text);
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

    /** Returns the mapper used for JSON (for other packages writing spec-like values). */
    public static ObjectMapper jsonMapper() {
        return JSON;
    }

    private static String write(ObjectMapper mapper, Object spec) {
        try {
            return mapper.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write spec: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T parse(ObjectMapper mapper, String text, Class<T> type) {
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
            throw SpecException.because("", "spec", "is not valid YAML/JSON" + where + ": " + e.getOriginalMessage());
        }
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
