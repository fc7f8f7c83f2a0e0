package dev.m1go.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A cap on the tasks (processes and threads) of one run, held by the kernel's pids controller, so that a program that
 * forks without end (a fork bomb, a self-exec loop that lost its guard) fails to fork instead of filling the machine:
 * {@code fork}, {@code clone} and thread creation fail with {@code EAGAIN} once the group holds {@link #TASKS} tasks.
 *
 * <p>Two places can hold it, tried in this order: the run's cgroup v2 group ({@code pids.max}, when m1go's cgroup
 * hands the pids controller down), and a group of its own in the cgroup v1 pids hierarchy (hosts on cgroup v1 or
 * hybrid, as root). The v1 group also lets {@link Containment} find every descendant, as the v2 group does. Where
 * neither can be made (macOS, an unprivileged user without delegation) nothing caps the tasks; the containment still
 * kills what is left when the run ends.
 *
 * <p>In the cgroup v1 pids hierarchy a program is born in its group: the thread that starts it joins the group for
 * that moment ({@link Containment#enterForStart}), and a forked child starts in its thread's groups. A cgroup v2 group
 * holds only whole processes, so there the program is moved in when m1go has started it ({@link Containment#adopt}),
 * a few milliseconds after its first instruction; children it forks before that stay outside the limit (the
 * environment cookie still finds and kills them).
 *
 * <p>Tasks, not processes: a Go program has a thread per busy P and per blocking system call, and under qemu-user each
 * guest thread is a host thread. 1,024 is far above what the catalog's programs and real test suites use (tens), and
 * low enough that a chain of translated processes stays harmless: a self-exec chain under binfmt_misc is one qemu
 * process per link, and 3,500 of them held 11 GiB of this 24 GiB machine before the limit was lowered from 4,096.
 */
final class TaskLimit {

    /** Tasks one run may hold at once. */
    static final int TASKS = 1024;

    private static final Path V1 = v1Own(Path.of("/proc/self/mountinfo"), Path.of("/proc/self/cgroup"));

    private TaskLimit() {}

    /**
     * m1go's own group in the cgroup v1 pids hierarchy when it can make groups below it, else {@code null}.
     *
     * @param mountinfo {@code /proc/self/mountinfo}: the {@code cgroup} mount whose options name {@code pids}
     * @param cgroup    {@code /proc/self/cgroup}: the line whose controllers name {@code pids}
     */
    static Path v1Own(Path mountinfo, Path cgroup) {
        try {
            String mount = null;
            for (String line : Files.readAllLines(mountinfo)) {
                int dash = line.indexOf(" - ");
                if (dash < 0) {
                    continue;
                }
                String[] after = line.substring(dash + 3).split(" ");
                if (after.length >= 3
                        && after[0].equals("cgroup")
                        && List.of(after[2].split(",")).contains("pids")) {
                    mount = line.split(" ")[4];
                    break;
                }
            }
            if (mount == null) {
                return null;
            }
            for (String line : Files.readAllLines(cgroup)) {
                String[] f = line.split(":", 3);
                if (f.length == 3 && List.of(f[1].split(",")).contains("pids")) {
                    Path dir = Path.of(mount + (f[2].equals("/") ? "" : f[2]));
                    return Files.isDirectory(dir) && Files.isWritable(dir) ? dir : null;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** Writes {@code pids.max} of a cgroup v2 group, handing the controller down first if it can; false if not. */
    static boolean limitV2(Path group, int tasks) {
        Path max = group.resolve("pids.max");
        if (!Files.exists(max)) {
            Cgroups.handDown(group.getParent(), ProcessHandle.current().pid(), "pids");
        }
        return write(max, tasks);
    }

    /** A new group {@code name} in the cgroup v1 pids hierarchy holding {@code tasks}, or {@code null}. */
    static Path createV1(String name, int tasks) {
        return createV1(V1, name, tasks);
    }

    static Path createV1(Path parent, String name, int tasks) {
        if (parent == null) {
            return null;
        }
        Path dir = parent.resolve(name);
        try {
            Files.createDirectory(dir);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (!write(dir.resolve("pids.max"), tasks)) {
            Cgroups.remove(dir);
            return null;
        }
        return dir;
    }

    /** How often a fork or clone in {@code group} failed at its limit ({@code max} in {@code pids.events}). */
    static long hits(Path group) {
        return group == null ? 0 : Cgroups.counter(group.resolve("pids.events"), "max");
    }

    /** What a run that reached the limit is told, in its stderr log. */
    static String reached(long hits) {
        return "m1go: the run reached its limit of " + TASKS + " processes and threads (the kernel's pids "
                + "controller); " + hits + (hits == 1 ? " fork or clone" : " forks or clones")
                + " failed with EAGAIN";
    }

    /** Removes groups of the v1 pids hierarchy left by m1go processes that no longer run. */
    static void sweep() {
        Cgroups.sweep(V1);
    }

    private static boolean write(Path file, int value) {
        if (!Files.exists(file)) {
            return false;
        }
        try {
            Files.writeString(file, Integer.toString(value), StandardCharsets.US_ASCII);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
