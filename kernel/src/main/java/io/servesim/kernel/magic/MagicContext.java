package io.servesim.kernel.magic;

import io.servesim.kernel.session.JShellSession;
import java.util.function.Consumer;

/**
 * What a magic may use: the notebook's Java session (to read and bind variables), a way to show and update a live
 * display (progress), and printing.
 */
public interface MagicContext {
    /** Returns the notebook's Java session. */
    JShellSession session();

    /** Returns the value of the notebook variable {@code name}, failing with a clear message when it is undefined. */
    Object variable(String name);

    /** Binds {@code value} to the notebook variable {@code name} (declared with its runtime class). */
    void bind(String name, Object value);

    /** Shows {@code html} in a display that later calls can replace; returns the updater. */
    Consumer<String> liveDisplay(String html);

    /** Prints a line of text output. */
    void println(String text);
}
