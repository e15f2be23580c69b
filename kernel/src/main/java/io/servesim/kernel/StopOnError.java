package io.servesim.kernel;

import java.util.function.BooleanSupplier;

/**
 * IPython's {@code stop_on_error}: after a cell fails, the execute requests already queued behind it (Run All) are
 * answered {@code aborted} instead of run; requests sent after the failure run normally. Used from the shell thread.
 */
final class StopOnError {
    private BooleanSupplier queuePending = () -> false;
    private boolean aborting;

    /** Tells how to see whether more requests wait in the queue. */
    void watch(BooleanSupplier pending) {
        this.queuePending = pending;
    }

    /** Records a failure: the requests queued now will be aborted. */
    void failed() {
        aborting = queuePending.getAsBoolean();
    }

    /** Returns true when the current request must be aborted. */
    boolean aborts() {
        if (!aborting) {
            return false;
        }
        aborting = queuePending.getAsBoolean();
        return true;
    }
}
