package dev.m1go.exec;

import java.util.Objects;

/**
 * What one process did. A non-zero exit is data, never an exception.
 *
 * @param exitCode       the exit status as the JDK reports it (a death by signal n reads as 128+n on Unix), or
 *                       {@code null} if the process never started
 * @param startFailure   why the process could not be started ("error=8, Exec format error"), or {@code null}
 * @param timedOut       the time limit ran out; m1go sent SIGQUIT and then killed the process tree
 * @param stdout         captured standard output, trimmed in the middle when it was large
 * @param stderr         captured standard error, trimmed in the middle when it was large
 * @param durationMillis wall time from start to exit
 * @param observedArch   the CPU architecture the program saw ({@code uname -m} inside a container), when the runner
 *                       observed it; else {@code null}
 * @param leftoverProcesses how many processes the program left behind that m1go had to kill after it exited
 *                       (daemons, background children, {@code setsid} escapes); 0 when it left nothing
 * @param logTruncated   why a log file holds less than the program printed (a write error such as a full disk), or
 *                       {@code null} when the logs are complete; the program was drained to its end either way
 * @param memoryLimitHit why the run is known to have reached its {@link MemoryLimit} ("memory limit of 64 MiB
 *                       (m1go.memoryLimitMb) reached: …"), or {@code null} when it did not or nothing says so
 * @param engine         the Docker engine a container run ran on, as reports name it ({@code tcp://arm64-box:2375},
 *                       never a credential); {@code null} for a run that was no container's
 */
public record ProcessResult(
        Integer exitCode,
        String startFailure,
        boolean timedOut,
        String stdout,
        String stderr,
        long durationMillis,
        String observedArch,
        int leftoverProcesses,
        String logTruncated,
        String memoryLimitHit,
        String engine) {

    public ProcessResult(
            Integer exitCode,
            String startFailure,
            boolean timedOut,
            String stdout,
            String stderr,
            long durationMillis,
            String observedArch,
            int leftoverProcesses,
            String logTruncated,
            String memoryLimitHit) {
        this(
                exitCode,
                startFailure,
                timedOut,
                stdout,
                stderr,
                durationMillis,
                observedArch,
                leftoverProcesses,
                logTruncated,
                memoryLimitHit,
                null);
    }

    public ProcessResult(
            Integer exitCode,
            String startFailure,
            boolean timedOut,
            String stdout,
            String stderr,
            long durationMillis) {
        this(exitCode, startFailure, timedOut, stdout, stderr, durationMillis, null);
    }

    public ProcessResult(
            Integer exitCode,
            String startFailure,
            boolean timedOut,
            String stdout,
            String stderr,
            long durationMillis,
            String observedArch) {
        this(exitCode, startFailure, timedOut, stdout, stderr, durationMillis, observedArch, 0, null);
    }

    public ProcessResult(
            Integer exitCode,
            String startFailure,
            boolean timedOut,
            String stdout,
            String stderr,
            long durationMillis,
            String observedArch,
            int leftoverProcesses,
            String logTruncated) {
        this(
                exitCode,
                startFailure,
                timedOut,
                stdout,
                stderr,
                durationMillis,
                observedArch,
                leftoverProcesses,
                logTruncated,
                null);
    }

    public ProcessResult {
        stdout = Objects.requireNonNullElse(stdout, "");
        stderr = Objects.requireNonNullElse(stderr, "");
    }

    /** This result, known to have reached its memory limit for {@code reason}. */
    public ProcessResult withMemoryLimitHit(String reason) {
        return new ProcessResult(
                exitCode,
                startFailure,
                timedOut,
                stdout,
                stderr,
                durationMillis,
                observedArch,
                leftoverProcesses,
                logTruncated,
                reason,
                engine);
    }

    /** This result of a run on the Docker engine {@code label}. */
    public ProcessResult withEngine(String label) {
        return new ProcessResult(
                exitCode,
                startFailure,
                timedOut,
                stdout,
                stderr,
                durationMillis,
                observedArch,
                leftoverProcesses,
                logTruncated,
                memoryLimitHit,
                label);
    }

    public boolean started() {
        return startFailure == null;
    }

    /** Exited by itself with status 0. */
    public boolean succeeded() {
        return started() && !timedOut && exitCode != null && exitCode == 0;
    }

    /** stdout and stderr together, stderr last (where compilers and the Go runtime write). */
    public String combinedOutput() {
        String start = startFailure == null ? "" : startFailure + "\n";
        return start + stdout + (stdout.isEmpty() || stdout.endsWith("\n") ? "" : "\n") + stderr;
    }
}
