package dev.m1go.classify;

import java.util.Objects;

/**
 * Everything observed about one build or one run, as the classifier's input.
 *
 * @param phase        build or run
 * @param os           the operating system the process ran on: {@code linux} or {@code darwin}; signal numbers
 *                     depend on it (SIGBUS is 7 on Linux, 10 on macOS)
 * @param exitCode     the exit status the JDK reported; {@code null} when the process was killed by m1go after a
 *                     timeout or never started
 * @param signaled     {@code Boolean.TRUE} when death by signal is known, {@code FALSE} when a normal exit is
 *                     known, {@code null} when it cannot be told (the JDK reports a signal as 128+n)
 * @param timedOut     the time limit ran out and m1go stopped the process
 * @param translated   the binary ran under a translator (qemu, binfmt, Rosetta, an emulated container)
 * @param stdout       captured standard output (possibly trimmed in the middle)
 * @param stderr       captured standard error (possibly trimmed in the middle)
 * @param successMarker the line a passing case prints as its last act, or {@code null} when any exit 0 passes
 * @param markerOnStderr the marker is looked for on stderr instead of stdout
 */
public record Evidence(
        Phase phase,
        String os,
        Integer exitCode,
        Boolean signaled,
        boolean timedOut,
        boolean translated,
        String stdout,
        String stderr,
        String successMarker,
        boolean markerOnStderr) {

    public Evidence {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(os, "os");
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    /** Evidence whose success marker, if any, is looked for on stdout. */
    public Evidence(
            Phase phase,
            String os,
            Integer exitCode,
            Boolean signaled,
            boolean timedOut,
            boolean translated,
            String stdout,
            String stderr,
            String successMarker) {
        this(phase, os, exitCode, signaled, timedOut, translated, stdout, stderr, successMarker, false);
    }

    /** Evidence from a pasted log with no process facts: only the text and the OS. */
    public static Evidence ofLog(String os, String text) {
        return new Evidence(Phase.RUN, os, null, null, false, false, "", text, null);
    }
}
