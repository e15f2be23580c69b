package io.servesim.kernel;

import io.servesim.Version;
import io.servesim.kernel.magic.Magic;
import io.servesim.kernel.magic.MagicContext;
import io.servesim.kernel.magic.Magics;
import io.servesim.kernel.render.PlotlyHtml;
import io.servesim.kernel.render.Renderers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

/**
 * servesim's Jupyter kernel: Java 17 cells run in an in-process JShell with servesim on the class path, servesim's
 * magics ({@code %sweep}, {@code %%spec}, …) run in the kernel itself, and results render as HTML tables, metric cards
 * and offline Plotly charts. Errors in a cell show a clean message and never stop the kernel; the stop button
 * cancels a running sweep.
 */
public final class ServesimKernel extends BaseKernel {
    private static final Pattern LINE_MAGIC =
            Pattern.compile("^\\s*(?:(?:var|[A-Za-z_][\\w.<>]*)\\s+([A-Za-z_$][\\w$]*)\\s*=\\s*)?%([A-Za-z]\\w*)(.*?);?\\s*$");
    private static final AtomicInteger KEYS = new AtomicInteger();

    private final JShellSession session;
    private volatile Thread running;

    private ServesimKernel(String name, String version, HistoryManager history, JupyterIO io, CommManager comms,
                           Renderer renderer, MagicParser parser, MagicsRegistry registry, StringStyler styler) {
        super(name, version,
                new LanguageInfo("java", System.getProperty("java.specification.version"), "text/x-java-source",
                        ".jshell", "java", "java", "script"),
                List.of(), history, io, comms, renderer, parser, registry, false, styler);
        Renderers.install(getRenderer());
        PlotlyHtml.resetSession();
        this.session = new JShellSession();
    }

    /** Returns a kernel builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String getBanner() {
        return "servesim " + Version.current() + " on Java " + System.getProperty("java.version")
                + " — %help lists the magics";
    }

    @Override
    public Object evalRaw(String code) {
        running = Thread.currentThread();
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        java.io.PrintStream batchedOut = BatchedOutput.around(out);
        java.io.PrintStream batchedErr = BatchedOutput.around(err);
        System.setOut(batchedOut);
        System.setErr(batchedErr);
        try {
            Object v = evalCell(code);
            return v == JShellSession.NO_VALUE ? null : v;
        } catch (CancellationException e) {
            throw new CellError("Interrupted", List.of("interrupted: " + e.getMessage()));
        } finally {
            batchedOut.close();
            batchedErr.close();
            System.setOut(out);
            System.setErr(err);
            running = null;
            Thread.interrupted();
        }
    }

    private Object evalCell(String code) {
        String trimmed = code.stripLeading();
        if (trimmed.startsWith("%%")) {
            int nl = trimmed.indexOf('\n');
            String header = nl < 0 ? trimmed.substring(2) : trimmed.substring(2, nl);
            String body = nl < 0 ? "" : trimmed.substring(nl + 1);
            List<String> parts = MagicArgs.split(header);
            String name = parts.isEmpty() ? "" : parts.get(0);
            Magic m = Magics.cell(name);
            if (m == null) {
                throw new CellError("UsageError", List.of("unknown cell magic %%" + name + "; %help lists the magics"));
            }
            return invoke(m, parts.subList(1, parts.size()), body);
        }
        Object result = JShellSession.NO_VALUE;
        StringBuilder java = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            Matcher mm = LINE_MAGIC.matcher(line);
            Magic magic = mm.matches() ? Magics.line(mm.group(2)) : null;
            if (magic == null) {
                if (mm.matches() && mm.group(1) == null && line.strip().startsWith("%")) {
                    throw new CellError("UsageError", List.of("unknown magic %" + mm.group(2)
                            + "; %help lists the magics"));
                }
                java.append(line).append('\n');
                continue;
            }
            if (!java.toString().isBlank()) {
                result = session.eval(java.toString());
            }
            java.setLength(0);
            result = invoke(magic, MagicArgs.split(mm.group(3)), null);
            if (mm.group(1) != null) {
                context().bind(mm.group(1), result);
            }
        }
        if (!java.toString().isBlank()) {
            result = session.eval(java.toString());
        }
        return result;
    }

    private Object invoke(Magic m, List<String> args, String body) {
        try {
            return m.invoke(context(), args, body);
        } catch (CellError | CancellationException e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new CellError(e.getClass().getSimpleName(), List.of(e.getMessage() == null ? e.toString() : e.getMessage()));
        } catch (Exception e) {
            throw new CellError(e.getClass().getSimpleName(), List.of(String.valueOf(e.getMessage())));
        }
    }

    private MagicContext context() {
        return new MagicContext() {
            @Override
            public JShellSession session() {
                return session;
            }

            @Override
            public Object variable(String name) {
                String key = "v" + KEYS.incrementAndGet();
                try {
                    session.run("io.servesim.kernel.Bindings.put(\"" + key + "\", " + name + ");");
                } catch (CellError e) {
                    throw new CellError("NameError", List.of("no variable named " + name + " in this notebook"));
                }
                return Bindings.take(key);
            }

            @Override
            public void bind(String name, Object value) {
                String key = "b" + KEYS.incrementAndGet();
                Bindings.put(key, value);
                String type = value == null ? "Object" : publicType(value.getClass());
                session.run("var " + name + " = (" + type + ") io.servesim.kernel.Bindings.bound(\"" + key + "\");");
            }

            @Override
            public Consumer<String> liveDisplay(String html) {
                String id = "servesim-live-" + KEYS.incrementAndGet();
                DisplayData d = new DisplayData();
                d.putData(MIMEType.TEXT_HTML, html);
                d.setDisplayId(id);
                getIO().display.display(d);
                return updated -> {
                    DisplayData u = new DisplayData();
                    u.putData(MIMEType.TEXT_HTML, updated);
                    getIO().display.updateDisplay(id, u);
                };
            }

            @Override
            public void println(String text) {
                System.out.println(text);
            }
        };
    }

    private static String publicType(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (java.lang.reflect.Modifier.isPublic(k.getModifiers()) && k.getCanonicalName() != null) {
                return k.getCanonicalName();
            }
        }
        return "Object";
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String doc = session.documentation(code, at);
        return doc.isBlank() ? null : new DisplayData(doc);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int start = at;
        while (start > 0 && (Character.isJavaIdentifierPart(code.charAt(start - 1)) || code.charAt(start - 1) == '%')) {
            start--;
        }
        String word = code.substring(start, at);
        if (word.startsWith("%")) {
            List<String> names = new ArrayList<>();
            Magics.names().forEach(n -> {
                if (n.startsWith(word)) {
                    names.add(n);
                }
            });
            return new ReplacementOptions(names, start, at);
        }
        int[] anchor = new int[1];
        List<String> options = session.complete(code, at, anchor);
        return new ReplacementOptions(options, anchor[0], at);
    }

    @Override
    public String isComplete(String code) {
        if (code.stripLeading().startsWith("%")) {
            return IS_COMPLETE_YES;
        }
        SourceCodeAnalysis.Completeness c = session.completeness(code);
        return switch (c) {
            case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> IS_COMPLETE_YES;
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "    ";
            default -> IS_COMPLETE_MAYBE;
        };
    }

    @Override
    public void interrupt() {
        Thread t = running;
        if (t != null) {
            t.interrupt();
        }
        session.stop();
    }

    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof CellError ce) {
            return ce.lines();
        }
        if (e instanceof IllegalArgumentException || e instanceof CancellationException) {
            return List.of(String.valueOf(e.getMessage()));
        }
        return super.formatError(e);
    }

    @Override
    public void onShutdown(boolean restarting) {
        session.close();
        super.onShutdown(restarting);
    }

    /** Builds the kernel from jjava's defaults. */
    public static final class Builder extends BaseKernelBuilder<Builder, ServesimKernel> {
        Builder() {
            name("servesim");
            version(Version.current());
        }

        @Override
        public ServesimKernel build() {
            return new ServesimKernel(buildName(), buildVersion(), buildHistoryManager(),
                    buildJupyterIO(buildJupyterIOEncoding()), buildCommManager(), buildRenderer(),
                    new MagicParser("(?<=(?:^|=))\\s*%", "%%", buildMagicTranspiler()), buildMagicsRegistry(),
                    buildErrorStyler());
        }
    }
}
