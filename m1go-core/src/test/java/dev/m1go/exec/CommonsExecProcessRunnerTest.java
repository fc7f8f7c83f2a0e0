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
        return new ProcessSpec(List.of(argv), Map.of("PATH", System.getenv("PATH")), dir, timeout, Duration.ofSeconds(1),
                dir.resolve("out.log"), dir.resolve("err.log"));
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
    void environment_isExactlyTheGivenOne() throws IOException {
        ProcessSpec s = new ProcessSpec(List.of("/usr/bin/env"), Map.of("ONLY", "this"), dir, Duration.ofSeconds(20),
                Duration.ofSeconds(1), dir.resolve("o"), dir.resolve("e"));
        assertThat(runner.run(s).stdout().trim()).isEqualTo("ONLY=this");
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
        ProcessResult r = runner.run(spec(Duration.ofMillis(500), "sh", "-c",
                "trap '' QUIT; sleep 300 & echo $! > child.pid; wait"));
        assertThat(r.timedOut()).isTrue();
        long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).trim());
        assertThat(goneWithin(child, 10_000)).as("grandchild sleep %d is gone", child).isTrue();
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
        ProcessResult r = runner.run(spec(Duration.ofMillis(500), "sh", "-c",
                "trap 'echo goroutine dump >&2; exit 2' QUIT; while :; do sleep 0.1; done"));
        assertThat(r.timedOut()).isTrue();
        assertThat(r.stderr()).contains("goroutine dump");
    }

    @Test
    void missingProgram_isAStartFailure_notAnException() throws IOException {
        ProcessResult r = runner.run(spec(Duration.ofSeconds(5), dir.resolve("no-such-binary").toString()));
        assertThat(r.started()).isFalse();
        assertThat(r.exitCode()).isNull();
        assertThat(r.startFailure()).contains("no-such-binary");
        assertThat(r.stderr()).contains("no-such-binary");
    }

    @Test
    void hugeOutput_keepsHeadAndTail_andLogsEverything() throws IOException {
        ProcessResult r = runner.run(spec(Duration.ofSeconds(60), "sh", "-c",
                "echo FIRST; yes filler | head -c 3000000; echo; echo LAST"));
        assertThat(r.stdout()).startsWith("FIRST").endsWith("LAST\n").contains("bytes omitted");
        assertThat(r.stdout().length()).isLessThan(CommonsExecProcessRunner.HEAD_BYTES + CommonsExecProcessRunner.TAIL_BYTES + 200);
        assertThat(Files.size(dir.resolve("out.log"))).isGreaterThan(3_000_000);
    }
}
