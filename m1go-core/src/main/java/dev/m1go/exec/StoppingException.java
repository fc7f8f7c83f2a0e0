package dev.m1go.exec;

import java.io.IOException;

/**
 * m1go is stopping (the JVM shuts down: Ctrl-C, SIGTERM) and refused to start, or removed, the process or container
 * the caller asked for. Not a failure of the program under test: a cell that meets it was not measured.
 */
public final class StoppingException extends IOException {

    private static final long serialVersionUID = 1L;

    public StoppingException(String message) {
        super(message);
    }

    public StoppingException(String message, Throwable cause) {
        super(message, cause);
    }
}
