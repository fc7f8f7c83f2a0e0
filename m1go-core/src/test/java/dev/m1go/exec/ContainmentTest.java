package dev.m1go.exec;

import static dev.m1go.testing.HostComponents.onlyOn;
import static dev.m1go.testing.HostComponents.require;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and killing what a process left behind, with and without a cgroup. */
class ContainmentTest {

    @TempDir
    Path dir;

    private long startDaemon(Containment box) throws Exception {
        List<String> env = new ArrayList<>();
        box.environment(java.util.Map.of("PATH", System.getenv("PATH"))).forEach((k, v) -> env.add(k + "=" + v));
        ProcessBuilder pb = new ProcessBuilder(
                        "sh",
                        "-c",
                        "setsid sh -c 'echo $$ > daemon.pid; exec sleep 300' </dev/null >/dev/null 2>&1 &"
                                + " while [ ! -s daemon.pid ]; do sleep 0.05; done")
                .directory(dir.toFile());
        pb.environment().clear();
        box.environment(java.util.Map.of("PATH", System.getenv("PATH"))).forEach(pb.environment()::put);
        Process p = pb.start();
        box.adopt(p);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return Long.parseLong(Files.readString(dir.resolve("daemon.pid")).trim());
    }

    @Test
    void withoutCgroup_theCookieFindsASetsidDaemon_andKillsIt() throws Exception {
        onlyOn(Files.isDirectory(Path.of("/proc/self")), "Linux (/proc)");
        Containment box = Containment.withoutCgroup();
        long daemon = startDaemon(box);
        assertThat(box.members()).containsExactly(daemon);
        assertThat(box.close()).isEqualTo(1);
        assertThat(box.members()).isEmpty();
        assertThat(Containment.zombie(daemon)).isTrue();
    }

    @Test
    void withCgroup_theKernelKeepsTheDaemon_inTheGroup() throws Exception {
        Containment box = Containment.create();
        require(box.hasCgroup(), "a writable cgroup v2 (as on the CI machine, where m1go runs as root)");
        long daemon = startDaemon(box);
        assertThat(box.members()).contains(daemon);
        assertThat(box.close()).isEqualTo(1);
        assertThat(Containment.zombie(daemon)).isTrue();
    }

    @Test
    void aProcessAdoptedAfterItsContainmentWasClosed_doesNotGetToRun() throws Exception {
        // The JVM's shutdown hook closed the containment while a worker was starting the process: before, the
        // process ran on after m1go was gone (a go build reparented to init).
        Containment box = Containment.withoutCgroup();
        box.close();
        Process p = new ProcessBuilder("sleep", "60").start();
        try {
            box.adopt(p);
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("killed at adoption").isTrue();
        } finally {
            p.destroyForcibly();
        }
    }
}
