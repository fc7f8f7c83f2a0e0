package dev.m1go.exec;

/** Starts processes. The engine receives one so that tests can check the exact argv and environment. */
@FunctionalInterface
public interface ProcessRunner {

    /**
     * Runs the process to completion or to its time limit. Never throws for a non-zero exit, a crash or a process
     * that cannot start: those are results. Throws only for m1go's own I/O failures (the log files).
     */
    ProcessResult run(ProcessSpec spec) throws java.io.IOException;

    /**
     * True once m1go is stopping (the JVM shuts down: Ctrl-C, SIGTERM): every process it started is being killed and
     * none starts any more, so a result that ends now was cut short by m1go, not by the program.
     */
    default boolean stopping() {
        return ChildProcesses.stopping();
    }
}
