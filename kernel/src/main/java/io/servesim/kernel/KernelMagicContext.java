package io.servesim.kernel;

import io.servesim.kernel.session.Bindings;
import io.servesim.kernel.session.CellError;
import io.servesim.kernel.session.JShellSession;
import io.servesim.kernel.magic.MagicContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/** The kernel's side of {@link MagicContext}: variables through the JShell session, displays through Jupyter IO. */
final class KernelMagicContext implements MagicContext {
    private static final AtomicInteger KEYS = new AtomicInteger();
    private final JShellSession session;
    private final JupyterIO io;

    KernelMagicContext(JShellSession session, JupyterIO io) {
        this.session = session;
        this.io = io;
    }

    @Override
    public JShellSession session() {
        return session;
    }

    @Override
    public Object variable(String name) {
        String key = "v" + KEYS.incrementAndGet();
        try {
            session.run("io.servesim.kernel.session.Bindings.put(\"" + key + "\", " + name + ");");
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
        session.run("var " + name + " = (" + type + ") io.servesim.kernel.session.Bindings.bound(\"" + key + "\");");
    }

    @Override
    public Consumer<String> liveDisplay(String html) {
        String id = "servesim-live-" + KEYS.incrementAndGet();
        DisplayData d = new DisplayData();
        d.putData(MIMEType.TEXT_HTML, html);
        d.setDisplayId(id);
        io.display.display(d);
        return updated -> {
            DisplayData u = new DisplayData();
            u.putData(MIMEType.TEXT_HTML, updated);
            io.display.updateDisplay(id, u);
        };
    }

    @Override
    public void println(String text) {
        System.out.println(text);
    }

    static String publicType(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (java.lang.reflect.Modifier.isPublic(k.getModifiers()) && k.getCanonicalName() != null) {
                return k.getCanonicalName();
            }
        }
        return "Object";
    }
}
