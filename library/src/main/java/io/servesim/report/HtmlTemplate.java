package io.servesim.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the small HTML templates in {@code templates.html} beside this class, filled by name: {@code {{name}}} is
 * replaced by the value's text, HTML-escaped; {@code {{{name}}}} by HTML that is already rendered (a table, a chart).
 * The file holds one template per {@code <!-- name -->} line; a template's lines are joined with their leading
 * indentation removed, so templates can be indented for reading without changing the output. Other modules keep
 * their own template files in the same format ({@link #named(Class, String, String)}). Immutable.
 */
public final class HtmlTemplate {
    private static final Pattern HEADER = Pattern.compile("<!-- ([a-z][a-z-]*) -->");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\{([a-z][a-zA-Z]*)}}}|\\{\\{([a-z][a-zA-Z]*)}}");
    private static final Map<String, HtmlTemplate> TEMPLATES = load(HtmlTemplate.class, "templates.html");
    private static final Map<String, Map<String, HtmlTemplate>> FILES = new java.util.concurrent.ConcurrentHashMap<>();

    private final String name;
    /** Text between placeholders: one more than {@link #keys}. */
    private final String[] literals;
    private final String[] keys;
    private final boolean[] raw;
    private final Set<String> names;

    private HtmlTemplate(String name, String text) {
        this.name = name;
        List<String> lit = new ArrayList<>();
        List<String> k = new ArrayList<>();
        List<Boolean> r = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int at = 0;
        while (m.find()) {
            lit.add(text.substring(at, m.start()));
            k.add(m.group(1) != null ? m.group(1) : m.group(2));
            r.add(m.group(1) != null);
            at = m.end();
        }
        lit.add(text.substring(at));
        this.literals = lit.toArray(String[]::new);
        this.keys = k.toArray(String[]::new);
        this.raw = new boolean[keys.length];
        for (int i = 0; i < keys.length; i++) {
            raw[i] = r.get(i);
        }
        this.names = Set.copyOf(k);
    }

    /** Returns the template called {@code name}; fails when there is none. */
    static HtmlTemplate named(String name) {
        HtmlTemplate t = TEMPLATES.get(name);
        if (t == null) {
            throw new IllegalStateException("no HTML template named " + name + "; known: " + TEMPLATES.keySet());
        }
        return t;
    }

    /**
     * Returns the template called {@code name} in the template file {@code resource} beside {@code anchor} (a class
     * path resource read once); fails when there is none.
     */
    public static HtmlTemplate named(Class<?> anchor, String resource, String name) {
        Map<String, HtmlTemplate> file = FILES.computeIfAbsent(anchor.getName() + "/" + resource,
                k -> load(anchor, resource));
        HtmlTemplate t = file.get(name);
        if (t == null) {
            throw new IllegalStateException("no HTML template named " + name + " in " + resource + "; known: "
                    + file.keySet());
        }
        return t;
    }

    /** Returns the template filled with {@code values}, which must name every placeholder and nothing else. */
    public String render(Map<String, ?> values) {
        if (!values.keySet().equals(names)) {
            throw new IllegalStateException("template " + name + " takes " + names + ", given " + values.keySet());
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            String v = String.valueOf(values.get(keys[i]));
            b.append(literals[i]).append(raw[i] ? v : Html.escape(v));
        }
        return b.append(literals[keys.length]).toString();
    }

    private static Map<String, HtmlTemplate> load(Class<?> anchor, String resource) {
        String text;
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("HTML templates missing from the class path: " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, HtmlTemplate> out = new HashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : (text + "\n<!-- end -->").split("\n", -1)) {
            Matcher h = HEADER.matcher(line.strip());
            if (h.matches()) {
                if (current != null) {
                    out.put(current, new HtmlTemplate(current, body.toString()));
                }
                current = h.group(1);
                body.setLength(0);
            } else if (current != null) {
                body.append(line.stripLeading());
            }
        }
        return Map.copyOf(out);
    }
}
