package dev.m1go.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes (sh, sleep): exit codes are data, timeouts kill the tree, output is bounded but logged in full. */
class CommonsExecProcessRunnerTest {

    @TempDir
    Path dir;

    private final CommonsExecProcessRunner runner = new CommonsExecProcessRunner();

    private ProcessSpec spec(Duration timeout, String... argv) {
        return new ProcessSpec(
                List.of(argv),
                Map.of("PATH", System.getenv("PATH")),
                dir,
                timeout,
                Duration.ofSeconds(1),
                dir.resolve("out.log"),
                dir.resolve("err.log"));
    }

    @Test
    void nonZeroExit_isData_withBothStreams() throws IOException {
        ProcessResult r = runner.run(spec(Duration.ofSeconds(20), "sh", "-c", "echo out; echo err >&2; exit 3"));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.timedOut()).isFalse();
        assertThat(r.stdout()).isEqualTo("out\n");
        assertThat(r.stderr()).isEqualTo("err\n");
        assertThat(Files.readString(dir.resolve("err.log"))).isEqualTo("err\n");
    }

    @Test
    void environment_isExactlyTheGivenOne_plusTheContainmentCookie() throws IOException {
        ProcessSpec s = new ProcessSpec(
                List.of("/usr/bin/env"),
                Map.of("ONLY", "this"),
                dir,
                Duration.ofSeconds(20),
                Duration.ofSeconds(1),
                dir.resolve("o"),
                dir.resolve("e"));
        assertThat(runner.run(s).stdout().trim().split("\n"))
                .containsExactly(
                        Containment.COOKIE + "=" + ProcessHandle.current().pid() + "-" + Containment.lastId(),
                        "ONLY=this");
    }

    @Test
    void stdin_isClosed_soAReaderSeesEndOfFile() throws IOException {
        ProcessResult r = runner.run(spec(Duration.ofSeconds(20), "sh", "-c", "cat; echo done"));
        assertThat(r.stdout()).isEqualTo("done\n");
        assertThat(r.timedOut()).isFalse();
    }

    @Test
    void signalDeath_readsAs128PlusN() throws IOException {
        ProcessResult r = runner.run(spec(Duration.ofSeconds(20), "sh", "-c", "kill -SEGV $$"));
        assertThat(r.exitCode()).isEqualTo(128 + 11);
    }

    @Test
    void timeout_sendsQuitThenKillsTheWholeTree() throws IOException {
        // The shell ignores SIGQUIT and leaves a grandchild behind: only a tree kill ends both.
        ProcessResult r = runner.run(
                spec(Duration.ofMillis(500), "sh", "-c", "trap '' QUIT; sleep 300 & echo $! > child.pid; wait"));
        assertThat(r.timedOut()).isTrue();
        long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).trim());
        assertThat(goneWithin(child, 10_000))
                .as("grandchild sleep %d is gone", child)
                .isTrue();
        assertThat(r.durationMillis()).isLessThan(30_000);
    }

    /** Whether the process has died (or is a zombie: killed, waiting for its new parent to reap it). */
    private static boolean goneWithin(long pid, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (!alive(pid)) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    @Test
    void timeout_keepsWhatTheProcessPrintedOnQuit() throws IOException {
        ProcessResult r = runner.run(spec(
                Duration.ofMillis(500),
                "sh",
                "-c",
                "trap 'echo goroutine dump >&2; exit 2' QUIT; while :; do sleep 0.1; done"));
        assertThat(r.timedOut()).isTrue();
        assertThat(r.stderr()).contains("goroutine dump");
    }

    @Test
    void missingProgram_isAStartFailure_notAnException() throws IOException {
        ProcessResult r = runner.run(
                spec(Duration.ofSeconds(5), dir.resolve("no-such-binary").toString()));
        assertThat(r.started()).isFalse();
        assertThat(r.exitCode()).isNull();
        assertThat(r.startFailure()).contains("no-such-binary");
        assertThat(r.stderr()).contains("no-such-binary");
    }

    @Test
    void hugeOutput_keepsHeadAndTail_andLogsEverything() throws IOException {
        ProcessResult r = runner.run(
                spec(Duration.ofSeconds(60), "sh", "-c", "echo FIRST; yes filler | head -c 3000000; echo; echo LAST"));
        assertThat(r.stdout()).startsWith("FIRST").endsWith("LAST\n").contains("bytes omitted");
        assertThat(r.stdout().length())
                .isLessThan(CommonsExecProcessRunner.HEAD_BYTES + CommonsExecProcessRunner.TAIL_BYTES + 200);
        assertThat(Files.size(dir.resolve("out.log"))).isGreaterThan(3_000_000);
    }

    @Test
    void normalExit_killsWhatTheProgramLeftBehind_evenASetsidDaemon_andCountsIt() throws IOException {
        // The daemon leaves the run's session and process group and closes the pipes: only containment finds it.
        ProcessResult r = runner.run(spec(
                Duration.ofSeconds(20),
                "sh",
                "-c",
                "setsid sh -c 'echo $$ > daemon.pid; exec sleep 300' </dev/null >/dev/null 2>&1 &"
                        + " sleep 300 </dev/null >/dev/null 2>&1 & echo $! > child.pid;"
                        + " while [ ! -s daemon.pid ]; do sleep 0.05; done; echo M1GO_OK"));
        assertThat(r.exitCode()).isZero();
        long daemon = Long.parseLong(Files.readString(dir.resolve("daemon.pid")).trim());
        long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).trim());
        assertThat(goneWithin(daemon, 5_000))
                .as("setsid daemon %d is gone", daemon)
                .isTrue();
        assertThat(goneWithin(child, 5_000))
                .as("background child %d is gone", child)
                .isTrue();
        assertThat(r.leftoverProcesses()).isEqualTo(2);
    }

    @Test
    void backgroundChildHoldingStdout_doesNotHideTheRealExitStatus() throws IOException {
        ProcessResult r = runner.run(spec(Duration.ofSeconds(60), "sh", "-c", "sleep 300 & echo M1GO_OK; exit 0"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.timedOut()).isFalse();
        assertThat(r.stdout()).isEqualTo("M1GO_OK\n");
        assertThat(r.leftoverProcesses()).isEqualTo(1);
        assertThat(r.durationMillis()).isLessThan(4_000);
    }

    @Test
    void quitWithinTheGrace_stillKillsTheChildren() throws IOException {
        ProcessResult r = runner.run(spec(
                Duration.ofMillis(500),
                "sh",
                "-c",
                "sleep 300 </dev/null >/dev/null 2>&1 & echo $! > child.pid; trap 'exit 2' QUIT;"
                        + " while :; do sleep 0.1; done"));
        assertThat(r.timedOut()).isTrue();
        long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).trim());
        assertThat(goneWithin(child, 5_000)).as("child %d is gone", child).isTrue();
    }

    @Test
    void cleanExit_leavesNothing_andCountsNothing() throws IOException {
        ProcessResult r = runner.run(spec(Duration.ofSeconds(20), "sh", "-c", "sleep 0.1; echo ok"));
        assertThat(r.leftoverProcesses()).isZero();
        assertThat(r.logTruncated()).isNull();
    }

    @Test
    void unwritableLog_keepsDraining_andTheRunKeepsItsRealStatus() throws IOException {
        // /dev/full fails every write with ENOSPC, as a full disk does.
        ProcessSpec s = new ProcessSpec(
                List.of("sh", "-c", "yes line | head -c 2000000; echo; echo M1GO_OK; exit 4"),
                Map.of("PATH", System.getenv("PATH")),
                dir,
                Duration.ofSeconds(20),
                Duration.ofSeconds(1),
                Path.of("/dev/full"),
                dir.resolve("err.log"));
        ProcessResult r = runner.run(s);
        assertThat(r.timedOut()).isFalse();
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.stdout()).endsWith("M1GO_OK\n");
        assertThat(r.logTruncated()).contains("/dev/full").contains("No space left on device");
        assertThat(r.durationMillis()).isLessThan(10_000);
    }
}
