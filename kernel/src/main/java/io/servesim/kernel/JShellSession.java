package io.servesim.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.execution.LocalExecutionControlProvider;

/**
 * The notebook's Java session: an in-process JShell (so magics, renderers and user code share objects) with the
 * kernel's class path and servesim's packages imported. Evaluates a cell snippet by snippet and returns the value of
 * the last expression as a live object.
 */
public final class JShellSession implements AutoCloseable {
    /** Imports every session starts with. */
    public static final List<String> IMPORTS = List.of("io.servesim.spec.*", "io.servesim.optimize.*",
            "io.servesim.cluster.*", "io.servesim.metrics.*", "io.servesim.workload.*", "io.servesim.perf.*",
            "io.servesim.report.*", "io.servesim.router.*", "tech.tablesaw.api.*", "tech.tablesaw.plotly.components.*",
            "tech.tablesaw.plotly.traces.*", "java.util.*", "java.nio.file.*");

    private final JShell shell;

    /** Starts a session. */
    public JShellSession() {
        shell = JShell.builder().executionEngine(new LocalExecutionControlProvider(), Map.of()).build();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
        for (String i : IMPORTS) {
            shell.eval("import " + i + ";");
        }
    }

    /** Evaluates {@code code}; returns the last expression's value, or {@link #NO_VALUE}. */
    public Object eval(String code) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String rest = code;
        Object result = NO_VALUE;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            String source = info.source();
            if (info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
                    || info.completeness() == SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE
                    || source == null) {
                source = rest;
                rest = "";
            } else {
                rest = info.remaining();
            }
            result = evalSnippet(source);
        }
        return result;
    }

    /** Marker for "the cell has no value to show". */
    public static final Object NO_VALUE = new Object();

    private Object evalSnippet(String source) {
        List<SnippetEvent> events = shell.eval(source);
        Object value = NO_VALUE;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue;
            }
            Snippet s = e.snippet();
            if (e.status() == Snippet.Status.REJECTED) {
                throw compileError(s, source);
            }
            if (e.exception() != null) {
                throw runtimeError(e.exception());
            }
            if (s.kind() == Snippet.Kind.EXPRESSION
                    || (s instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND)) {
                String name = s instanceof VarSnippet v ? v.name() : ((jdk.jshell.ExpressionSnippet) s).name();
                List<SnippetEvent> fetch = shell.eval("io.servesim.kernel.Bindings.setLast(" + name + ");");
                boolean ok = fetch.stream().allMatch(f -> f.status() == Snippet.Status.VALID && f.exception() == null);
                value = ok ? Bindings.takeLast() : e.value();
                if (value instanceof java.io.PrintStream) {
                    value = NO_VALUE; // System.out.printf(...) and friends: the printing is the point
                }
            }
        }
        return value;
    }

    private RuntimeException compileError(Snippet s, String source) {
        List<String> lines = new ArrayList<>();
        for (Diag d : shell.diagnostics(s).collect(Collectors.toList())) {
            int pos = (int) Math.max(0, Math.min(d.getPosition(), source.length()));
            int lineStart = source.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
            int lineEnd = source.indexOf('\n', pos);
            String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
            lines.add(d.getMessage(java.util.Locale.ROOT));
            lines.add("    " + line);
            lines.add("    " + " ".repeat(Math.max(0, pos - lineStart)) + "^");
        }
        if (lines.isEmpty()) {
            lines.add("the snippet could not be compiled: " + source.strip());
        }
        return new CellError("CompilationError", lines);
    }

    private RuntimeException runtimeError(Exception e) {
        List<String> lines = new ArrayList<>();
        if (e instanceof EvalException ee) {
            String message = ee.getMessage();
            lines.add(ee.getExceptionClassName() + (message == null ? "" : ": " + message));
            for (StackTraceElement el : ee.getStackTrace()) {
                if (el.getClassName().startsWith("REPL.")) {
                    break;
                }
                lines.add("    at " + el);
            }
            Throwable cause = ee.getCause();
            while (cause != null) {
                lines.add("Caused by: " + cause);
                cause = cause.getCause();
            }
            return new CellError(simpleName(ee.getExceptionClassName()), lines);
        }
        if (e instanceof UnresolvedReferenceException ure) {
            lines.add("unresolved reference in " + ure.getSnippet().source().strip());
            return new CellError("UnresolvedReference", lines);
        }
        lines.add(e.toString());
        return new CellError(e.getClass().getSimpleName(), lines);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Runs {@code snippet} and fails with a clean error if it does not compile or throws. */
    public void run(String snippet) {
        eval(snippet);
    }

    /** Returns completion candidates at {@code cursor}. */
    public List<String> complete(String code, int cursor, int[] anchor) {
        List<SourceCodeAnalysis.Suggestion> s = shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor);
        return s.stream().map(SourceCodeAnalysis.Suggestion::continuation).distinct().collect(Collectors.toList());
    }

    /** Returns the documentation of the element at {@code cursor}, or an empty string. */
    public String documentation(String code, int cursor) {
        return shell.sourceCodeAnalysis().documentation(code, cursor, true).stream()
                .map(d -> d.signature() + (d.javadoc() == null ? "" : "\n\n" + d.javadoc()))
                .collect(Collectors.joining("\n\n"));
    }

    /** Returns whether {@code code} is a complete cell. */
    public SourceCodeAnalysis.Completeness completeness(String code) {
        return shell.sourceCodeAnalysis().analyzeCompletion(code).completeness();
    }

    /** Stops the running snippet. */
    public void stop() {
        shell.stop();
    }

    @Override
    public void close() {
        shell.close();
    }
}
