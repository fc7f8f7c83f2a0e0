package dev.m1go.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real programs that fork without end, where the kernel's pids controller can hold a run's {@link TaskLimit}: the
 * forks past the limit fail, the run says so in its stderr log, and nothing the program started outlives the run.
 * Both programs are bounded in their own right (they stop at 6,000 children, each of which ends by itself within a
 * minute), so a machine without the limit is never filled.
 */
class TaskLimitProcessTest {

    @TempDir
    Path dir;

    private ProcessSpec spec(int seconds, String script) {
        return new ProcessSpec(
                List.of("sh", "-c", script),
                Map.of("PATH", System.getenv("PATH")),
                dir,
                Duration.ofSeconds(seconds),
                Duration.ofMillis(200),
                dir.resolve("out.log"),
                dir.resolve("err.log"));
    }

    private static void assumeTasksLimited() {
        Containment probe = Containment.create();
        boolean limited = probe.limitsTasks();
        probe.close();
        assumeTrue(limited, "a cgroup (v2 with the pids controller, or the v1 pids hierarchy) that m1go may create");
    }

    @Test
    void forksPastTheLimit_fail_theLogSaysSo_andNothingOutlivesTheRun() throws IOException {
        assumeTasksLimited();
        long before = Containment.lastId();
        // 6,000 sleeping children from one shell: the shell's forks past the limit fail (dash: "Cannot fork").
        ProcessResult r = new CommonsExecProcessRunner(null)
                .run(
                        spec(
                                60,
                                "i=0; while [ $i -lt 6000 ]; do sleep 60 & i=$((i+1)); done 2>/dev/null; echo started; exit 0"));

        assertThat(r.stderr())
                .contains("m1go: the run reached its limit of " + TaskLimit.TASKS
                        + " processes and threads (the kernel's pids controller); ")
                .contains("failed with EAGAIN");
        assertThat(Files.readString(dir.resolve("err.log"))).contains("reached its limit of " + TaskLimit.TASKS);
        assertThat(r.leftoverProcesses())
                .as("the sleeping children were killed after the shell exited")
                .isGreaterThan(TaskLimit.TASKS / 2);
        assertThat(Containment.withCookie(
                        Containment.COOKIE + "=" + ProcessHandle.current().pid() + "-" + (before + 1)))
                .isEmpty();
    }

    @Test
    void childrenThatKeepForking_areAllKilledAtTheTimeLimit() throws IOException {
        assumeTasksLimited();
        long before = Containment.lastId();
        // Eight loops of 750 children each, then a wait: the limit is full when m1go kills them all at the time limit.
        ProcessResult r = new CommonsExecProcessRunner(null)
                .run(spec(
                        10,
                        // The shell waits for its first child, so the run lasts until its time limit however the
                        // loops end (a shell whose fork fails may give up at once).
                        "sleep 60 & first=$!; "
                                + "for j in 1 2 3 4 5 6 7 8; do (n=0; while [ $n -lt 750 ]; do sleep 60 & n=$((n+1)); done; wait) & done;"
                                + " wait $first"));

        assertThat(r.timedOut()).isTrue();
        assertThat(r.stderr()).contains("reached its limit of " + TaskLimit.TASKS);
        assertThat(Containment.withCookie(
                        Containment.COOKIE + "=" + ProcessHandle.current().pid() + "-" + (before + 1)))
                .as("no process of the run is left")
                .isEmpty();
    }

    @Test
    void aProgramThatStartsItselfAgainAtOnce_isInTheLimitFromItsFirstInstruction() throws IOException {
        assumeTasksLimited();
        long before = Containment.lastId();
        // Each process starts the next as its first act and waits, 6,000 deep: a fork chain faster than any move of
        // the started process into its group (a reduced self-exec program that lost its guard does this).
        Path chain = dir.resolve("chain.sh");
        Files.writeString(
                chain, "#!/bin/sh\nn=${DEPTH:-0}\nif [ $n -lt 6000 ]; then DEPTH=$((n+1)) \"$0\" & fi\nwait\n");
        chain.toFile().setExecutable(true);
        ProcessResult r = new CommonsExecProcessRunner(null)
                .run(new ProcessSpec(
                        List.of(chain.toString()),
                        Map.of("PATH", System.getenv("PATH")),
                        dir,
                        Duration.ofSeconds(10),
                        Duration.ofMillis(200),
                        dir.resolve("out.log"),
                        dir.resolve("err.log")));

        assertThat(r.stderr())
                .as("the chain ran into the limit, so it was in the group from the start")
                .contains("reached its limit of " + TaskLimit.TASKS);
        assertThat(Containment.withCookie(
                        Containment.COOKIE + "=" + ProcessHandle.current().pid() + "-" + (before + 1)))
                .as("no process of the run is left")
                .isEmpty();
    }

    @Test
    void anOrdinaryRun_saysNothingAboutTheLimit() throws IOException {
        ProcessResult r = new CommonsExecProcessRunner(null).run(spec(20, "sleep 0.1 & wait; echo ok"));
        assertThat(r.stdout().trim()).isEqualTo("ok");
        assertThat(r.stderr()).doesNotContain("limit");
    }
}
