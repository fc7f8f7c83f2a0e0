package dev.m1go.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One process to start: an argv list (never a shell string), the complete environment (nothing is inherited), a
 * working directory, a time limit, and the files that receive the full stdout and stderr.
 *
 * @param quitGrace how long to wait after SIGQUIT (the Go runtime then prints every goroutine) before the whole
 *                  process tree is killed
 * @param stdin     a file fed to the process's standard input, or {@code null}: stdin closed
 * @param memoryLimit how much memory the process and its descendants may use ({@code m1go.memoryLimitMb});
 *                  {@link MemoryLimit#NONE} when unlimited
 */
public record ProcessSpec(
        List<String> argv,
        Map<String, String> environment,
        Path workingDirectory,
        Duration timeout,
        Duration quitGrace,
        Path stdoutLog,
        Path stderrLog,
        Path stdin,
        MemoryLimit memoryLimit) {

    public ProcessSpec {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv is empty");
        }
        environment = java.util.Collections.unmodifiableMap(new TreeMap<>(environment));
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(quitGrace, "quitGrace");
        Objects.requireNonNull(stdoutLog, "stdoutLog");
        Objects.requireNonNull(stderrLog, "stderrLog");
        memoryLimit = memoryLimit == null ? MemoryLimit.NONE : memoryLimit;
    }

    /** A process without a memory limit. */
    public ProcessSpec(
            List<String> argv,
            Map<String, String> environment,
            Path workingDirectory,
            Duration timeout,
            Duration quitGrace,
            Path stdoutLog,
            Path stderrLog,
            Path stdin) {
        this(argv, environment, workingDirectory, timeout, quitGrace, stdoutLog, stderrLog, stdin, MemoryLimit.NONE);
    }

    /** A process whose standard input is closed. */
    public ProcessSpec(
            List<String> argv,
            Map<String, String> environment,
            Path workingDirectory,
            Duration timeout,
            Duration quitGrace,
            Path stdoutLog,
            Path stderrLog) {
        this(argv, environment, workingDirectory, timeout, quitGrace, stdoutLog, stderrLog, null, MemoryLimit.NONE);
    }

    /** This process with {@code limit} as its memory limit. */
    public ProcessSpec withMemoryLimit(MemoryLimit limit) {
        return new ProcessSpec(
                argv, environment, workingDirectory, timeout, quitGrace, stdoutLog, stderrLog, stdin, limit);
    }

    /** The command line as a person would type it, for logs only (never executed). */
    public String display() {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(
                    a.isEmpty() || a.chars().anyMatch(c -> " \t\"'$\\".indexOf(c) >= 0)
                            ? "'" + a.replace("'", "'\\''") + "'"
                            : a);
        }
        return sb.toString();
    }
}
