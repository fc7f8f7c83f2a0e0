package dev.m1go.core;

/**
 * Something the user must change: a parameter, a file, a field, a missing install. The message names what to change
 * and is shown as it is, without a stack trace.
 */
public final class UserError extends Exception {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }
}
