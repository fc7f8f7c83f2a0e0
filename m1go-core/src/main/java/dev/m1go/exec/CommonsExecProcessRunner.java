package dev.m1go.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteResultHandler;
import org.apache.commons.exec.ProcessDestroyer;
import org.apache.commons.exec.PumpStreamHandler;

/**
 * Runs processes with commons-exec: argv without a shell, an explicit environment, stdin closed, stdout and stderr
 * drained on their own threads into {@link BoundedCapture}s that also write the full text to the log files, every
 * exit value accepted as data.
 *
 * <p>Each process runs in its own {@link Containment}. On timeout the process gets SIGQUIT (a Go program answers with
 * a dump of every goroutine), then, after the grace period, everything in the containment is killed. After <em>every</em>
 * exit (normal, crash, timeout) whatever the program left behind is killed before the output pumps are joined, so a
 * background child holding the pipe can neither hide the real exit status nor outlive the run; how many had to be
 * killed is {@link ProcessResult#leftoverProcesses()}. Processes still running when the JVM exits are killed the same
 * way by {@link ChildProcesses}.
 *
 * <p>A process's {@link MemoryLimit} is held by its cgroup where it can be, else by {@code prlimit} before its argv
 * ({@link MemoryEnforcement}); a run that reached it says so in {@link ProcessResult#memoryLimitHit()}.
 */
public final class CommonsExecProcessRunner implements ProcessRunner {

    static final int HEAD_BYTES = 64 * 1024;
    static final int TAIL_BYTES = 256 * 1024;

    private final Path prlimit;

    /** The runner of this machine: {@code prlimit} from util-linux where it is installed. */
    public CommonsExecProcessRunner() {
        this(MemoryEnforcement.findPrlimit());
    }

    /** @param prlimit the {@code prlimit} program, or {@code null}: no address-space limit (tests) */
    CommonsExecProcessRunner(Path prlimit) {
        this.prlimit = prlimit;
    }

    @Override
    public ProcessResult run(ProcessSpec spec) throws IOException {
        Files.createDirectories(spec.stdoutLog().toAbsolutePath().getParent());
        Files.createDirectories(spec.stderrLog().toAbsolutePath().getParent());
        Containment box = Containment.create(spec.memoryLimit());
        ChildProcesses.add(box);
        MemoryEnforcement memory = MemoryEnforcement.of(spec.memoryLimit(), box.limitsMemory(), prlimit);
        try (BoundedCapture out = capture(spec.stdoutLog());
                BoundedCapture err = capture(spec.stderrLog());
                java.io.InputStream in = spec.stdin() == null ? null : Files.newInputStream(spec.stdin())) {
            ReapingStreams streams = new ReapingStreams(new PumpStreamHandler(out, err, in), box);
            Outcome o = execute(spec, memory.argv(spec.argv()), box, streams);
            out.flush();
            err.flush();
            String startFailure = o.startFailure;
            Integer exit = o.exitCode;
            String behindPrlimit = memory.startFailure(spec.argv(), exit, err.text());
            if (behindPrlimit != null) {
                startFailure = behindPrlimit;
                exit = null;
            }
            if (startFailure != null) {
                err.write((startFailure + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            long forksRefused = box.taskLimitHits();
            if (forksRefused > 0) {
                err.write(("\n" + TaskLimit.reached(forksRefused) + "\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            String truncated = java.util.stream.Stream.of(out.logFailure(), err.logFailure(), streams.abandoned())
                    .filter(java.util.Objects::nonNull)
                    .reduce((a, b) -> a + "; " + b)
                    .orElse(null);
            String hit = memory.hit(exit, o.timedOut, out.text(), err.text(), box.oomKills());
            return new ProcessResult(
                    exit,
                    startFailure,
                    o.timedOut,
                    out.text(),
                    err.text(),
                    o.millis,
                    null,
                    streams.leftovers(),
                    truncated,
                    hit);
        } finally {
            box.close();
            ChildProcesses.remove(box);
        }
    }

    private record Outcome(Integer exitCode, String startFailure, boolean timedOut, long millis) {}

    private static BoundedCapture capture(Path log) throws IOException {
        return BoundedCapture.toFile(log);
    }

    private Outcome execute(ProcessSpec spec, List<String> argv, Containment box, ReapingStreams streams)
            throws IOException {
        CompletableFuture<Process> started = new CompletableFuture<>();
        // The thread that starts the process joins the pids group for the moment of the start (Containment).
        DefaultExecutor executor = DefaultExecutor.builder()
                .setWorkingDirectory(spec.workingDirectory().toFile())
                .setThreadFactory(task -> new Thread(() -> {
                    box.enterForStart();
                    try {
                        task.run();
                    } finally {
                        box.leaveAfterStart();
                    }
                }))
                .get();
        executor.setExitValues(null);
        executor.setStreamHandler(streams);
        executor.setProcessDestroyer(new Tracker(started, box));

        CommandLine command = new CommandLine(argv.get(0));
        argv.subList(1, argv.size()).forEach(a -> command.addArgument(a, false));

        Completion result = new Completion();
        long t0 = System.nanoTime();
        executor.execute(command, box.environment(spec.environment()), result);

        boolean timedOut = false;
        try {
            result.waitFor(spec.timeout());
            if (!result.hasResult()) {
                timedOut = true;
                Process p = started.getNow(null);
                if (p != null) {
                    sendQuit(p.pid());
                    result.waitFor(spec.quitGrace());
                    if (!result.hasResult()) {
                        box.killAll();
                    }
                }
                result.waitFor(Duration.ofSeconds(30));
            }
        } catch (InterruptedException e) {
            box.killAll();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + spec.display(), e);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        if (!result.hasResult()) {
            return new Outcome(null, null, true, millis);
        }
        ExecuteException failure = result.failure;
        Process process = started.getNow(null);
        if (process == null && failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            return new Outcome(null, "cannot start " + argv.get(0) + ": " + cause.getMessage(), false, millis);
        }
        return new Outcome(result.exitValue, null, timedOut, millis);
    }

    /**
     * Learns of the exit the moment commons-exec does. Its {@code DefaultExecuteResultHandler.waitFor} looks every 50
     * ms, which added 25 ms on average to every run and made a short program's duration a multiple of that.
     */
    private static final class Completion implements ExecuteResultHandler {
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile Integer exitValue;
        private volatile ExecuteException failure;

        @Override
        public void onProcessComplete(int exit) {
            exitValue = exit;
            done.countDown();
        }

        @Override
        public void onProcessFailed(ExecuteException e) {
            failure = e;
            exitValue = e.getExitValue();
            done.countDown();
        }

        void waitFor(Duration limit) throws InterruptedException {
            done.await(limit.toNanos(), TimeUnit.NANOSECONDS);
        }

        boolean hasResult() {
            return done.getCount() == 0;
        }
    }

    /** SIGQUIT through the system's kill program: the JDK has no API for any signal but TERM and KILL. */
    private static void sendQuit(long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // No kill program: the tree kill that follows still ends the process.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Learns the Process commons-exec started, and keeps it on the kill-at-exit list while it runs. */
    private static final class Tracker implements ProcessDestroyer {
        private final CompletableFuture<Process> started;
        private final Containment box;

        Tracker(CompletableFuture<Process> started, Containment box) {
            this.started = started;
            this.box = box;
        }

        @Override
        public boolean add(Process process) {
            box.adopt(process);
            started.complete(process);
            return true;
        }

        @Override
        public boolean remove(Process process) {
            return true;
        }

        @Override
        public int size() {
            return started.isDone() ? 1 : 0;
        }
    }
}
