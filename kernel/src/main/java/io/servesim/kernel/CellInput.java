package io.servesim.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;

/**
 * {@code System.in} while a cell runs: each read that finds the buffer empty asks the front end for a line (a Jupyter
 * {@code input_request}, answered by the input box under the cell) and hands it over with its line end, so
 * {@code Scanner}, {@code BufferedReader.readLine()} and {@code System.console()}-free code work as in a terminal.
 */
final class CellInput extends InputStream {
    private final ShellReplyEnvironment env;
    private final boolean allowed;
    private byte[] line = new byte[0];
    private int pos;

    CellInput(ShellReplyEnvironment env, boolean allowed) {
        this.env = env;
        this.allowed = allowed;
    }

    @Override
    public synchronized int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return line[pos++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, line.length - pos);
        System.arraycopy(line, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return line.length - pos;
    }

    private boolean fill() throws IOException {
        if (pos < line.length) {
            return true;
        }
        if (!allowed) {
            throw new IOException("this front end does not accept input (the execute request has allow_stdin false);"
                    + " pass values as variables instead");
        }
        String text = env.readFromStdIn("", false);
        if (text == null) {
            return false;
        }
        line = (text + "\n").getBytes(StandardCharsets.UTF_8);
        pos = 0;
        return true;
    }
}
