package io.servesim.kernel.session;

import java.nio.file.Path;
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
            "tech.tablesaw.plotly.traces.*", "java.util.*", "java.nio.file.*",
            "static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*");

    private final JShell shell;
    private final Map<String, EvalErrors.Origin> origins = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean stopRequested;
    /** True while {@link #eval} runs: a stop keeps stopping until it returns. */
    private volatile boolean evaluating;
    private volatile int currentCell;
    /** Guards stops against cell starts: a stop only ever reaches the cell it was meant for. */
    private final Object stopLock = new Object();
    /** Counts cells begun, so that a stop's retries end when its cell does. */
    private long cellGeneration;
    private final List<Path> added = new java.util.concurrent.CopyOnWriteArrayList<>();

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

    /** Evaluates {@code code} (cell lines from 1); returns the last expression's value, or {@link #NO_VALUE}. */
    public Object eval(String code) {
        return eval(code, 1);
    }

    /**
     * Evaluates {@code code}, whose first line is line {@code firstLine} of the current cell; returns the last
     * expression's value, or {@link #NO_VALUE}. Stops with an {@code InterruptedException} error once {@link #stop}
     * was called during the cell.
     */
    public Object eval(String code, int firstLine) {
        evaluating = true;
        try {
            return evalSnippets(code, firstLine);
        } finally {
            evaluating = false;
        }
    }

    private Object evalSnippets(String code, int firstLine) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String rest = code;
        int line = firstLine;
        Object result = NO_VALUE;
        while (!rest.isBlank()) {
            int lead = 0;
            while (lead < rest.length() && Character.isWhitespace(rest.charAt(lead))) {
                lead++;
            }
            line += newlines(rest, 0, lead);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            String source = info.source();
            String next;
            if (info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
                    || info.completeness() == SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE
                    || source == null) {
                source = rest;
                next = "";
            } else {
                next = info.remaining();
            }
            if (stopRequested) {
                throw Interrupts.error();
            }
            result = evalSnippet(source, line);
            if (stopRequested) {
                throw Interrupts.error();
            }
            line += newlines(rest, lead, rest.length() - next.length());
            rest = next;
        }
        return result;
    }

    private static int newlines(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Starts cell number {@code count}: positions in error traces refer to it, and earlier stops are forgotten. */
    public void beginCell(int count) {
        synchronized (stopLock) {
            cellGeneration++;
            currentCell = count;
            stopRequested = false;
        }
    }

    private static final long STOP_RETRY_MS = 20;

    /** Marker for "the cell has no value to show". */
    public static final Object NO_VALUE = new Object();

    private Object evalSnippet(String source, int line) {
        List<SnippetEvent> events = shell.eval(source);
        Object value = NO_VALUE;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue;
            }
            Snippet s = e.snippet();
            origins.put(s.id(), new EvalErrors.Origin(currentCell, line));
            if (e.status() == Snippet.Status.REJECTED) {
                throw compileError(s, source, line);
            }
            if (e.exception() != null) {
                throw runtimeError(e.exception());
            }
            if (s.kind() == Snippet.Kind.EXPRESSION
                    || (s instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND)) {
                String name = s instanceof VarSnippet v ? v.name() : ((jdk.jshell.ExpressionSnippet) s).name();
                List<SnippetEvent> fetch = shell.eval("io.servesim.kernel.session.Bindings.setLast(" + name + ");");
                boolean ok = fetch.stream().allMatch(f -> f.status() == Snippet.Status.VALID && f.exception() == null);
                value = ok ? Bindings.takeLast() : e.value();
                if (value instanceof java.io.PrintStream) {
                    value = NO_VALUE; // System.out.printf(...) and friends: the printing is the point
                }
            }
        }
        return value;
    }

    private RuntimeException compileError(Snippet s, String source, int firstLine) {
        List<String> lines = new ArrayList<>();
        for (Diag d : shell.diagnostics(s).collect(Collectors.toList())) {
            int pos = (int) Math.max(0, Math.min(d.getPosition(), source.length()));
            int lineStart = source.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
            int lineEnd = source.indexOf('\n', pos);
            String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
            lines.add("line " + (firstLine + newlines(source, 0, lineStart)) + ": " + d.getMessage(java.util.Locale.ROOT));
            lines.add("    " + line);
            lines.add("    " + " ".repeat(Math.max(0, pos - lineStart)) + "^");
        }
        if (lines.isEmpty()) {
            lines.add("the snippet could not be compiled: " + source.strip());
        }
        return new CellError("CompilationError", lines);
    }

    private RuntimeException runtimeError(Exception e) {
        if (stopRequested) {
            return Interrupts.error();
        }
        if (e instanceof EvalException ee) {
            return EvalErrors.of(ee, origins, currentCell);
        }
        if (e instanceof UnresolvedReferenceException ure) {
            return new CellError("UnresolvedReference", List.of("unresolved reference in "
                    + ure.getSnippet().source().strip()));
        }
        return new CellError(e.getClass().getSimpleName(), List.of(e.toString()));
    }

    /** Runs {@code snippet} and fails with a clean error if it does not compile or throws. */
    public void run(String snippet) {
        eval(snippet);
    }

    /** Adds a jar or class folder to the session's class path (for the cells that follow). */
    public void addToClasspath(Path entry) {
        shell.addToClasspath(entry.toAbsolutePath().toString());
        added.add(entry.toAbsolutePath());
    }

    /** Returns the jars and folders added to the class path during this session. */
    public List<Path> addedClasspath() {
        return List.copyOf(added);
    }

    /** Returns completion candidates at {@code cursor}. */
    public List<String> complete(String code, int cursor, int[] anchor) {
        List<SourceCodeAnalysis.Suggestion> s = shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor);
        return s.stream().map(SourceCodeAnalysis.Suggestion::continuation).distinct().collect(Collectors.toList());
    }

    /**
     * Returns the signatures and javadoc of the element at {@code cursor} (anywhere in an identifier): the javadoc's
     * first sentence, or all of it with {@code detail}; an empty string when there is nothing to show.
     */
    public String documentation(String code, int cursor, boolean detail) {
        int at = Math.max(0, Math.min(cursor, code.length()));
        while (at < code.length() && Character.isJavaIdentifierPart(code.charAt(at))) {
            at++;
        }
        if (at < code.length() && code.charAt(at) == '(') {
            at++; // JShell documents a method from inside its argument list
        }
        return shell.sourceCodeAnalysis().documentation(code, at, true).stream()
                .map(d -> d.signature() + javadoc(d.javadoc(), detail))
                .collect(Collectors.joining("\n\n"));
    }

    private static String javadoc(String doc, boolean all) {
        if (doc == null || doc.isBlank()) {
            return "";
        }
        String text = doc.replaceAll("<[^>]+>", "").replaceAll("\\{@\\w+\\s+([^}]*)}", "$1").strip();
        if (!all) {
            int end = text.indexOf(". ");
            int para = text.indexOf("\n\n");
            end = end < 0 ? para : para < 0 ? end + 1 : Math.min(end + 1, para);
            text = end < 0 ? text : text.substring(0, end);
        }
        return "\n\n" + text.strip();
    }

    /** Returns whether {@code code} is a complete cell. */
    public SourceCodeAnalysis.Completeness completeness(String code) {
        return shell.sourceCodeAnalysis().analyzeCompletion(code).completeness();
    }

    /** Stops the running snippet; the cell then ends with an {@code InterruptedException} error. */
    public void stop() {
        long generation;
        synchronized (stopLock) {
            stopRequested = true;
            generation = cellGeneration;
            shell.stop();
        }
        // A stop can land while JShell compiles a snippet, before its code runs, when there is nothing to stop yet:
        // keep stopping until the evaluation returns. Each retry checks, under the lock beginCell takes, that this
        // cell still runs, so a retry never stops the next cell.
        Thread stopper = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(STOP_RETRY_MS);
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (stopLock) {
                    if (!stopRequested || !evaluating || cellGeneration != generation) {
                        return;
                    }
                    try {
                        shell.stop();
                    } catch (RuntimeException e) {
                        return;
                    }
                }
            }
        }, "servesim-cell-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    @Override
    public void close() {
        shell.close();
    }
}
