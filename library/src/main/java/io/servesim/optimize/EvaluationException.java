package io.servesim.optimize;

/** An evaluation that failed, naming the state it was for; a sweep reports it instead of swallowing it. */
public final class EvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient DeploymentState state;

    /** Wraps {@code cause} for {@code state}. */
    public EvaluationException(DeploymentState state, Throwable cause) {
        super("evaluating " + state.label() + " failed: " + cause.getMessage(), cause);
        this.state = state;
    }

    /** Returns the state whose evaluation failed. */
    public DeploymentState state() {
        return state;
    }
}
