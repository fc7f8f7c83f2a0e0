package dev.m1go.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory files of a cgroup v2 group, on a directory that looks like one (this machine may have no cgroup v2 at
 * all): the limit is written where the controller is handed down, asked for once where it is not, and the OOM kills
 * are read back.
 */
class CgroupsMemoryTest {

    @TempDir
    Path parent;

    @Test
    void aGroupWithTheMemoryController_getsTheLimit_andNoSwap() throws Exception {
        Path group = Files.createDirectory(parent.resolve("m1go-1-1"));
        Files.writeString(group.resolve("memory.max"), "max\n");
        Files.writeString(group.resolve("memory.swap.max"), "max\n");

        assertThat(Cgroups.limitMemory(group, 64L << 20)).isTrue();

        assertThat(group.resolve("memory.max")).hasContent("67108864");
        assertThat(group.resolve("memory.swap.max")).hasContent("0");
    }

    @Test
    void aGroupWithoutSwapAccounting_stillGetsTheLimit() throws Exception {
        Path group = Files.createDirectory(parent.resolve("m1go-1-2"));
        Files.writeString(group.resolve("memory.max"), "max\n");

        assertThat(Cgroups.limitMemory(group, 16L << 20)).isTrue();
        assertThat(group.resolve("memory.max")).hasContent("16777216");
    }

    @Test
    void aParentThatHasTheControllerButDoesNotHandItDown_isAskedOnce_andWithoutMemoryMaxTheAnswerIsNo()
            throws Exception {
        Files.writeString(parent.resolve("cgroup.controllers"), "cpuset cpu io memory pids\n");
        Files.writeString(parent.resolve("cgroup.subtree_control"), "cpu pids\n");
        Path group = Files.createDirectory(parent.resolve("m1go-1-3"));

        assertThat(Cgroups.limitMemory(group, 64L << 20)).isFalse();
        assertThat(parent.resolve("cgroup.subtree_control")).hasContent("+memory");
        assertThat(group.resolve("memory.max")).doesNotExist();
    }

    @Test
    void whenM1goIsAloneInItsCgroup_itMovesItselfIntoALeaf_beforeAskingForTheController() throws Exception {
        Files.writeString(parent.resolve("cgroup.controllers"), "cpu memory pids\n");
        Files.writeString(parent.resolve("cgroup.subtree_control"), "\n");
        Files.writeString(parent.resolve("cgroup.procs"), "4242\n");

        Cgroups.handDownMemory(parent, 4242);

        assertThat(parent.resolve("m1go-4242-self").resolve("cgroup.procs")).hasContent("4242");
        assertThat(parent.resolve("cgroup.subtree_control")).hasContent("+memory");
    }

    @Test
    void withOtherProcessesInItsCgroup_m1goStaysWhereItIs() throws Exception {
        Files.writeString(parent.resolve("cgroup.controllers"), "cpu memory pids\n");
        Files.writeString(parent.resolve("cgroup.subtree_control"), "\n");
        Files.writeString(parent.resolve("cgroup.procs"), "1\n4242\n");

        Cgroups.handDownMemory(parent, 4242);

        assertThat(parent.resolve("m1go-4242-self")).doesNotExist();
    }

    @Test
    void aParentWithoutTheController_isNotAsked() throws Exception {
        Files.writeString(parent.resolve("cgroup.controllers"), "cpu pids\n");
        Files.writeString(parent.resolve("cgroup.subtree_control"), "cpu\n");
        Path group = Files.createDirectory(parent.resolve("m1go-1-4"));

        assertThat(Cgroups.limitMemory(group, 64L << 20)).isFalse();
        assertThat(parent.resolve("cgroup.subtree_control")).hasContent("cpu");
    }

    @Test
    void oomKills_areReadFromMemoryEvents() throws Exception {
        Path group = Files.createDirectory(parent.resolve("m1go-1-5"));
        assertThat(Cgroups.oomKills(group)).as("no file").isZero();
        Files.writeString(
                group.resolve("memory.events"), "low 0\nhigh 0\nmax 31\noom 1\noom_kill 1\noom_group_kill 0\n");
        assertThat(Cgroups.oomKills(group)).isEqualTo(1);
    }
}
