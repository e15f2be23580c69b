package io.servesim.kernel;

import java.security.GeneralSecurityException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.ZMQ;

/** jjava's connection to the front end, able to tell whether requests wait on the shell channel. */
public final class KernelConnection extends JupyterConnection {
    /** Opens the sockets of {@code props} (not yet connected). */
    public KernelConnection(KernelConnectionProperties props) throws GeneralSecurityException {
        super(props);
    }

    /** Returns true when at least one more request is queued on the shell channel (call from the shell thread). */
    boolean shellPending() {
        return (shell.getEvents() & ZMQ.Poller.POLLIN) != 0;
    }
}
