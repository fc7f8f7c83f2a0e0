package dev.m1go.app;

/**
 * A goal stopped by its environment rather than by a setting: an I/O error, or an interrupt (Ctrl-C, SIGTERM). The
 * message says what failed and what was and was not written; it is shown as it is, without a stack trace.
 */
public final class EnvironmentError extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean interrupted;

    EnvironmentError(String message, Throwable cause, boolean interrupted) {
        super(message, cause);
        this.interrupted = interrupted;
    }

    /** Whether an interrupt stopped the goal (a front end may exit with its own code for that). */
    public boolean interrupted() {
        return interrupted;
    }
}
