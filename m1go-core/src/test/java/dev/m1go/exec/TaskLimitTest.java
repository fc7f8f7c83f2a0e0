package dev.m1go.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the cgroup v1 pids hierarchy and reading its counters, on fake /proc files and group directories. */
class TaskLimitTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void theV1PidsHierarchy_isTheCgroupMountNamingPids_atTheProcessesOwnPath() throws IOException {
        Path hierarchy = Files.createDirectories(dir.resolve("fs/pids/ci/job"));
        Path mountinfo = write(
                "mountinfo",
                String.join(
                        "\n",
                        "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755",
                        "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory",
                        "39 31 0:36 / " + dir.resolve("fs/pids") + " rw,relatime - cgroup cgroup rw,pids",
                        "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw",
                        ""));
        Path cgroup = write("cgroup", "8:pids:/ci/job\n4:memory:/elsewhere\n0::/\n");

        assertThat(TaskLimit.v1Own(mountinfo, cgroup)).isEqualTo(hierarchy);
    }

    @Test
    void aPureCgroupV2Host_orNoPidsLine_hasNoV1Hierarchy() throws IOException {
        Path v2only = write("mountinfo", "41 31 0:38 / /sys/fs/cgroup rw,relatime - cgroup2 cgroup2 rw\n");
        assertThat(TaskLimit.v1Own(v2only, write("cgroup", "0::/user.slice\n"))).isNull();

        Path pids = write("mountinfo2", "39 31 0:36 / " + dir + " rw,relatime - cgroup cgroup rw,pids\n");
        assertThat(TaskLimit.v1Own(pids, write("cgroup2", "4:memory:/\n"))).isNull();
        assertThat(TaskLimit.v1Own(dir.resolve("missing"), dir.resolve("missing")))
                .isNull();
    }

    @Test
    void aV1Group_holdsTheLimit_andIsNotMadeWhereTheControllerFilesAreMissing() throws IOException {
        // A real pids group has pids.max as soon as it exists; a directory without it is no pids group.
        assertThat(TaskLimit.createV1(dir, "m1go-1-1", 4096)).isNull();
        assertThat(dir.resolve("m1go-1-1")).doesNotExist();
        assertThat(TaskLimit.createV1(null, "m1go-1-2", 4096)).isNull();
    }

    @Test
    void hits_areTheMaxCounterOfPidsEvents() throws IOException {
        Path group = Files.createDirectories(dir.resolve("g"));
        assertThat(TaskLimit.hits(group)).isZero();
        Files.writeString(group.resolve("pids.events"), "max 17\n");
        assertThat(TaskLimit.hits(group)).isEqualTo(17);
        assertThat(TaskLimit.hits(null)).isZero();
        assertThat(TaskLimit.reached(1)).endsWith("1 fork or clone failed with EAGAIN");
        assertThat(TaskLimit.reached(17)).endsWith("17 forks or clones failed with EAGAIN");
    }
}
