package io.servesim.kernel;

import io.servesim.kernel.session.BatchedOutput;
import io.servesim.kernel.session.CellError;
import io.servesim.kernel.session.ExitTrap;
import io.servesim.kernel.session.Interrupts;
import io.servesim.kernel.session.JShellSession;
import io.servesim.kernel.session.MagicArgs;
import io.servesim.Version;
import io.servesim.kernel.magic.Magic;
import io.servesim.kernel.magic.MagicContext;
import io.servesim.kernel.magic.Magics;
import io.servesim.kernel.magic.SweepProgress;
import io.servesim.optimize.ProgressListener;
import io.servesim.optimize.ReplayOptimizer;
import io.servesim.kernel.render.Renderers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import java.util.Set;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import java.util.Collections;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
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

    private final JShellSession session;
    private final KernelIO kernelIO;
    private final KernelHistory history;
    private final StopOnError stopOnError = new StopOnError();
    private volatile Thread running;
    /**
     * Held while an interrupt is delivered and while a cell stops being the running one, so that an interrupt never
     * reaches the shell thread after its cell ended: a leftover interrupt flag would break the thread's next socket
     * write (the reply of the next request).
     */
    private final Object interruptLock = new Object();
    private volatile String startupNotice;
    private final List<SweepProgress> cellProgress = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ServesimKernel(String name, String version, KernelHistory history, KernelIO io, CommManager comms,
                           Renderer renderer, MagicParser parser, MagicsRegistry registry, StringStyler styler) {
        super(name, version,
                new LanguageInfo("java", System.getProperty("java.specification.version"), "text/x-java-source",
                        ".jshell", "java", "java", "script"),
                List.of(), history, io, comms, renderer, parser, registry, false, styler);
        Renderers.install(getRenderer());
        this.kernelIO = io;
        this.history = history;
        this.session = new JShellSession();
        ExitTrap.install();
        startupNotice = runStartupScript(System.getenv(STARTUP_ENV));
        ReplayOptimizer.defaultProgress(() -> {
            if (running == null) {
                return ProgressListener.NONE;
            }
            SweepProgress p = new SweepProgress(context().liveDisplay(SweepProgress.starting()));
            cellProgress.add(p);
            return p;
        });
    }

    /** The environment variable naming a JShell script every session runs first (kernel.json's env). */
    public static final String STARTUP_ENV = "SERVESIM_KERNEL_STARTUP";

    private String runStartupScript(String file) {
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            session.eval(java.nio.file.Files.readString(java.nio.file.Path.of(file)));
            return null;
        } catch (java.io.IOException | RuntimeException e) {
            String why = e instanceof CellError ce ? String.join("\n", ce.lines()) : String.valueOf(e.getMessage());
            String notice = "servesim kernel: the startup script " + file + " (" + STARTUP_ENV + ") failed: " + why;
            System.err.println(notice);
            return notice;
        }
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

    /**
     * Runs one execute request as jjava does, and in addition: names errors after their exception, stops the
     * queue after an error (the requests already queued get an {@code aborted} reply, as IPython does), answers
     * {@code System.in} reads with {@code input_request}s, records history and caps the result's size.
     */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        env.setBusyDeferIdle();
        if (stopOnError.aborts()) {
            env.defer().reply(new AbortedReply());
            return;
        }
        int count = executionCount.getAndIncrement();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        replaceOutputStreams(env);
        java.io.InputStream in = System.in;
        System.setIn(new CellInput(env, request.isStdinEnabled()));
        kernelIO.attach(env, request.isStdinEnabled());
        env.defer(() -> {
            kernelIO.detach(env);
            System.setIn(in);
        });
        if (request.shouldStoreHistory()) {
            history.add(count, request.getCode());
        }
        session.beginCell(count);
        try {
            DisplayData out = eval(request.getCode());
            if (out != null) {
                env.publish(new PublishExecuteResult(count, ResultCap.apply(out)));
            }
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } catch (Exception e) {
            CellError ce = e instanceof CellError c ? c : new CellError(e.getClass().getSimpleName(), formatError(e));
            ErrorReply error = new ErrorReply(ce.name(), ce.value(), ce.lines());
            error.setExecutionCount(count);
            env.publish(new PublishError(ce.name(), ce.value(), ce.lines()));
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
            if (request.shouldStopOnError()) {
                stopOnError.failed();
            }
        }
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        if (connection instanceof KernelConnection k) {
            stopOnError.watch(k::shellPending);
        }
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        List<HistoryEntry> entries;
        if (request instanceof HistoryRequest.Tail t) {
            entries = history.lookupTail(t.getMaxReturnLength(), Set.of());
        } else if (request instanceof HistoryRequest.Range r) {
            entries = history.lookupRange(r.getSessionIndex(), r.getStart(), r.getStop(), Set.of());
        } else if (request instanceof HistoryRequest.Search q) {
            entries = history.search(q.getPattern(), q.getMaxReturnLength(),
                    q.filterUnique() ? Set.of(HistoryManager.ResultFlag.UNIQUE) : Set.of());
        } else {
            entries = List.of();
        }
        env.reply(new HistoryReplyContent(entries));
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
        ExitTrap.armed(true);
        if (startupNotice != null) {
            System.err.println(startupNotice);
            startupNotice = null;
        }
        try {
            Object v = evalCell(code);
            return v == JShellSession.NO_VALUE ? null : ResultCap.value(v);
        } catch (CancellationException e) {
            throw Interrupts.error();
        } finally {
            cellProgress.forEach(SweepProgress::finish);
            cellProgress.clear();
            ExitTrap.armed(false);
            batchedOut.close();
            batchedErr.close();
            System.setOut(out);
            System.setErr(err);
            synchronized (interruptLock) {
                running = null;
                Thread.interrupted();
            }
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
        int lineNo = 0;
        int javaStart = 1;
        for (String line : code.split("\n", -1)) {
            lineNo++;
            Matcher mm = LINE_MAGIC.matcher(line);
            Magic magic = mm.matches() ? Magics.line(mm.group(2)) : null;
            if (magic == null) {
                if (mm.matches() && mm.group(1) == null && line.strip().startsWith("%")) {
                    throw new CellError("UsageError", List.of("unknown magic %" + mm.group(2)
                            + "; %help lists the magics"));
                }
                if (java.length() == 0) {
                    javaStart = lineNo;
                }
                java.append(line).append('\n');
                continue;
            }
            if (!java.toString().isBlank()) {
                result = session.eval(java.toString(), javaStart);
            }
            java.setLength(0);
            result = invoke(magic, MagicArgs.split(mm.group(3)), null);
            if (mm.group(1) != null) {
                context().bind(mm.group(1), result);
            }
        }
        if (!java.toString().isBlank()) {
            result = session.eval(java.toString(), javaStart);
        }
        return result;
    }

    private Object invoke(Magic m, List<String> args, String body) {
        try {
            return m.invoke(context(), args, body);
        } catch (CellError e) {
            throw e;
        } catch (CancellationException e) {
            throw Interrupts.error();
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new CellError(e.getClass().getSimpleName(), List.of(e.getMessage() == null ? e.toString() : e.getMessage()));
        } catch (Exception e) {
            throw new CellError(e.getClass().getSimpleName(), List.of(String.valueOf(e.getMessage())));
        }
    }

    private MagicContext context() {
        return new KernelMagicContext(session, getIO());
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String doc = session.documentation(code, at, extraDetail);
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
        synchronized (interruptLock) {
            Thread t = running;
            if (t != null) {
                session.stop();
                t.interrupt();
            }
        }
    }

    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof CellError ce) {
            return ce.lines();
        }
        if (e instanceof IllegalArgumentException) {
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
            return new ServesimKernel(buildName(), buildVersion(), new KernelHistory(),
                    new KernelIO(buildJupyterIOEncoding()), buildCommManager(), buildRenderer(),
                    new MagicParser("(?<=(?:^|=))\\s*%", "%%", buildMagicTranspiler()), buildMagicsRegistry(),
                    buildErrorStyler());
        }
    }
}
