package dev.m1go.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * cgroup v2 child groups below m1go's own cgroup: found through {@code /proc/self/mountinfo} (the {@code cgroup2}
 * mount, {@code /sys/fs/cgroup} or {@code /sys/fs/cgroup/unified} on a hybrid host) and {@code /proc/self/cgroup}
 * (the {@code 0::} line). Every operation is best effort: where no group can be made (no cgroup2, read-only, not
 * delegated to this user) {@link #create} answers {@code null} and {@link Containment} uses its other ways.
 */
final class Cgroups {

    private static final Path OWN = own();

    private Cgroups() {}

    /** Where m1go's own cgroup v2 is, or {@code null}. */
    static Path own() {
        try {
            String mount = null;
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                int dash = line.indexOf(" - ");
                if (dash > 0 && line.substring(dash + 3).startsWith("cgroup2 ")) {
                    mount = line.split(" ")[4];
                    break;
                }
            }
            if (mount == null) {
                return null;
            }
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                if (line.startsWith("0::")) {
                    Path dir = Path.of(mount + line.substring(3));
                    return Files.isDirectory(dir) ? dir : null;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** A new child group, or {@code null} when none can be made. */
    static Path create(String name) {
        if (OWN == null) {
            return null;
        }
        Path dir = OWN.resolve(name);
        try {
            Files.createDirectory(dir);
            return dir;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Limits the memory of {@code group} to {@code bytes} ({@code memory.max}, and no swap with {@code
     * memory.swap.max} 0 where the kernel has it) and answers whether it did. A group has these files only when its
     * parent hands the memory controller down ({@code cgroup.subtree_control}); see {@link #handDownMemory} for when
     * m1go can make it do so. Where it cannot, the answer is false and another way enforces the limit.
     */
    static boolean limitMemory(Path group, long bytes) {
        Path max = group.resolve("memory.max");
        if (!Files.exists(max)) {
            handDownMemory(group.getParent(), ProcessHandle.current().pid());
        }
        if (!Files.exists(max)) {
            return false;
        }
        try {
            Files.writeString(max, Long.toString(bytes), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return false;
        }
        Path swap = group.resolve("memory.swap.max");
        if (Files.exists(swap)) {
            try {
                Files.writeString(swap, "0", StandardCharsets.US_ASCII);
            } catch (IOException e) {
                // memory.max holds; swap only makes reaching it slower
            }
        }
        return true;
    }

    /**
     * Asks m1go's cgroup {@code parent} to hand the memory controller down to its groups, when it has the controller
     * ({@code cgroup.controllers}) and does not yet. The kernel allows that only in a cgroup without processes of its
     * own (the root aside), and m1go's JVM ({@code self}) lives in {@code parent}: when it is the only process there
     * (m1go started in a scope of its own, {@code systemd-run --scope -p Delegate=yes mvn …}), it first moves itself
     * into a leaf group {@code m1go-<pid>-self} beside the groups of its processes. With other processes in
     * {@code parent} (a shell, a CI runner) nothing is moved and the kernel refuses.
     */
    static void handDownMemory(Path parent, long self) {
        handDown(parent, self, "memory");
    }

    /** {@link #handDownMemory} for any controller ({@code memory}, {@code pids}). */
    static void handDown(Path parent, long self, String controller) {
        if (parent == null) {
            return;
        }
        try {
            boolean has = words(parent.resolve("cgroup.controllers")).contains(controller);
            boolean handed = words(parent.resolve("cgroup.subtree_control")).contains(controller);
            if (!has || handed) {
                return;
            }
            if (pids(parent).equals(List.of(self))) {
                Path leaf = Files.createDirectories(parent.resolve("m1go-" + self + "-self"));
                move(leaf, self);
            }
            Files.writeString(parent.resolve("cgroup.subtree_control"), "+" + controller, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            // not allowed (other processes in the parent, or not delegated): the caller sees no memory.max
        }
    }

    private static List<String> words(Path file) throws IOException {
        return List.of(Files.readString(file, StandardCharsets.US_ASCII).trim().split("\\s+"));
    }

    /**
     * How many processes of {@code group} the kernel's OOM killer ended ({@code oom_kill} in {@code memory.events});
     * 0 when none, or when the file cannot be read.
     */
    static long oomKills(Path group) {
        return counter(group.resolve("memory.events"), "oom_kill");
    }

    /**
     * The value of {@code key} in a cgroup file of {@code key value} lines ({@code memory.events}, {@code
     * pids.events}); 0 when the file or the key is missing or cannot be read.
     */
    static long counter(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] kv = line.trim().split("\\s+");
                if (kv.length == 2 && kv[0].equals(key)) {
                    return Long.parseLong(kv[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    static void move(Path group, long pid) {
        try {
            Files.writeString(group.resolve("cgroup.procs"), Long.toString(pid), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // the process is gone already, or the move is not allowed: the other ways still find its descendants
        }
    }

    /**
     * Moves one thread ({@code tasks}: cgroup v1 groups hold threads one by one) and answers whether it did. A child
     * the thread forks afterwards starts in the group.
     */
    static boolean moveThread(Path group, String tid) {
        try {
            Files.writeString(group.resolve("tasks"), tid, StandardCharsets.US_ASCII);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** This thread's id ({@code /proc/thread-self}), or {@code null} where there is none. */
    static String currentThread() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/thread-self"))
                    .getFileName()
                    .toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    static List<Long> pids(Path group) {
        List<Long> pids = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(group.resolve("cgroup.procs"))) {
                if (!line.isBlank()) {
                    pids.add(Long.parseLong(line.trim()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return pids;
        }
        return pids;
    }

    /** {@code cgroup.kill} (Linux 5.14+): SIGKILL to every member at once, forks in flight included. */
    static void kill(Path group) {
        try {
            Files.writeString(group.resolve("cgroup.kill"), "1", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // older kernel: Containment kills member by member
        }
    }

    static void remove(Path group) {
        for (int i = 0; i < 20; i++) {
            try {
                Files.deleteIfExists(group);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(25);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Removes empty groups left by m1go processes that no longer run (a JVM killed by SIGKILL). */
    static void sweep() {
        sweep(OWN);
    }

    /** {@link #sweep()} below {@code parent}, a cgroup v2 group or a group of a v1 hierarchy. */
    static void sweep(Path parent) {
        if (parent == null) {
            return;
        }
        try (var groups = Files.newDirectoryStream(parent, "m1go-*")) {
            for (Path g : groups) {
                String rest = g.getFileName().toString().substring(5);
                int dash = rest.indexOf('-');
                try {
                    long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                    if (ProcessHandle.of(pid).isEmpty()) {
                        kill(g);
                        pids(g).forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
                        remove(g);
                    }
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to sweep
        }
    }
}
