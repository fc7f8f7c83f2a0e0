package dev.m1go.matrix;

import dev.m1go.binary.CFrame;
import dev.m1go.classify.Outcome;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One execution of a cell.
 *
 * @param exitCode  as the JDK reported it (a death by signal n reads as 128+n), or {@code null} if it never started
 * @param timedOut  the time limit ran out
 * @param outcome   what this run was classified as
 * @param signal    signal name, or {@code null}
 * @param stdoutLog path of the full stdout, relative to the report directory
 * @param stderrLog path of the full stderr, relative to the report directory
 * @param observedArch the architecture observed where the binary ran ({@code uname -m} inside a container), or
 *                  {@code null} when the runner does not observe it
 * @param leftoverProcesses how many processes the program left running when it exited, which m1go then killed
 *                  (daemons, background children); {@code null} (left out of report.json) when none
 * @param logTruncated why a log file holds less than the program printed (a full disk); {@code null} when complete
 * @param cFrames   for a crash in C: the faulting PC and C frames symbolized against the cell's own binary,
 *                  innermost first; empty (left out of report.json) otherwise
 * @param cFramesNote why the C frames are missing or how their addresses were translated, or {@code null}
 * @param engine    the Docker engine a container run ran on ({@code tcp://arm64-box:2375}, never a credential);
 *                  {@code null} (left out of report.json) for any other runner
 */
public record RunResult(
        Integer exitCode,
        boolean timedOut,
        Outcome outcome,
        String signal,
        long durationMillis,
        String stdoutLog,
        String stderrLog,
        String observedArch,
        Integer leftoverProcesses,
        String logTruncated,
        List<CFrame> cFrames,
        String cFramesNote,
        String engine) {

    /** A run that was no container's. */
    public RunResult(
            Integer exitCode,
            boolean timedOut,
            Outcome outcome,
            String signal,
            long durationMillis,
            String stdoutLog,
            String stderrLog,
            String observedArch,
            Integer leftoverProcesses,
            String logTruncated,
            List<CFrame> cFrames,
            String cFramesNote) {
        this(
                exitCode,
                timedOut,
                outcome,
                signal,
                durationMillis,
                stdoutLog,
                stderrLog,
                observedArch,
                leftoverProcesses,
                logTruncated,
                cFrames,
                cFramesNote,
                null);
    }

    public RunResult(
            Integer exitCode,
            boolean timedOut,
            Outcome outcome,
            String signal,
            long durationMillis,
            String stdoutLog,
            String stderrLog) {
        this(exitCode, timedOut, outcome, signal, durationMillis, stdoutLog, stderrLog, null);
    }

    public RunResult(
            Integer exitCode,
            boolean timedOut,
            Outcome outcome,
            String signal,
            long durationMillis,
            String stdoutLog,
            String stderrLog,
            String observedArch) {
        this(exitCode, timedOut, outcome, signal, durationMillis, stdoutLog, stderrLog, observedArch, null, null);
    }

    /** A run without C frames. */
    public RunResult(
            Integer exitCode,
            boolean timedOut,
            Outcome outcome,
            String signal,
            long durationMillis,
            String stdoutLog,
            String stderrLog,
            String observedArch,
            Integer leftoverProcesses,
            String logTruncated) {
        this(
                exitCode,
                timedOut,
                outcome,
                signal,
                durationMillis,
                stdoutLog,
                stderrLog,
                observedArch,
                leftoverProcesses,
                logTruncated,
                List.of(),
                null);
    }

    public RunResult {
        Objects.requireNonNull(outcome, "outcome");
        leftoverProcesses = leftoverProcesses == null || leftoverProcesses == 0 ? null : leftoverProcesses;
        cFrames = List.copyOf(cFrames == null ? List.of() : cFrames);
    }

    /** This run with its log paths mapped by {@code paths}. */
    public RunResult relocated(UnaryOperator<String> paths) {
        return new RunResult(
                exitCode,
                timedOut,
                outcome,
                signal,
                durationMillis,
                BuildInfo.mapped(paths, stdoutLog),
                BuildInfo.mapped(paths, stderrLog),
                observedArch,
                leftoverProcesses,
                logTruncated,
                cFrames,
                cFramesNote,
                engine);
    }
}
