package io.servesim.kernel.session;

import java.util.List;

/** The error an interrupted cell ends with (Jupyter's stop button), named like Java's own exception. */
public final class Interrupts {
    static final String NAME = "InterruptedException";

    private Interrupts() {
    }

    /** Returns the interrupted-cell error. */
    public static CellError error() {
        return new CellError(NAME, List.of(NAME + ": the cell was interrupted; variables it was assigning may be"
                + " unset, and the cells queued after it were not run"));
    }
}
