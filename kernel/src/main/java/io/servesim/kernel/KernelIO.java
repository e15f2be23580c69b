package io.servesim.kernel;

import java.nio.charset.Charset;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

/** jjava's Jupyter streams, with attaching to a request opened to the kernel's own execute handler. */
final class KernelIO extends JupyterIO {
    KernelIO(Charset encoding) {
        super(encoding);
    }

    /** Routes output, displays and stdin to the request of {@code env}. */
    void attach(ShellReplyEnvironment env, boolean stdinAllowed) {
        setEnv(env);
        setJupyterInEnabled(stdinAllowed);
    }

    /** Stops routing to the request of {@code env}. */
    void detach(ShellReplyEnvironment env) {
        retractEnv(env);
    }
}
