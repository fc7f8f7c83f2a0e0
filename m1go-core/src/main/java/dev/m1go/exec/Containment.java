package dev.m1go.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything one started process and its descendants are, so that all of it can be killed: "the process exited" is
 * not "everything it started is gone".
 *
 * <p>Three ways find the members, and all three are used together:
 * <ol>
 * <li>a cgroup v2 child group per process, when this machine lets m1go create one below its own cgroup (Linux with a
 * writable cgroup2 mount, e.g. as root or in a delegated systemd scope): the kernel keeps every descendant in it,
 * whatever it does ({@code setsid}, double fork), and {@code cgroup.kill} ends them all at once;</li>
 * <li>an environment cookie {@value #COOKIE}{@code =<id>} that every descendant inherits, found by reading
 * {@code /proc/<pid>/environ} (the fallback when no cgroup can be made; it also catches {@code setsid} escapes, as
 * Jenkins' process tree killer does with {@code BUILD_ID});</li>
 * <li>the descendants by parent PID while the process lives (the JDK's {@link ProcessHandle#descendants()}).</li>
 * </ol>
 * A program that clears its environment, leaves the cgroup or re-parents before the first look escapes; on macOS only
 * the third way exists.
 *
 * <p>The cgroup also holds a process's {@link MemoryLimit} ({@code memory.max}) when its parent hands the memory
 * controller down; {@link MemoryEnforcement} decides what happens where it does not. Every containment caps its tasks
 * ({@link TaskLimit}): in the cgroup v2 group when the pids controller is handed down, else in a group of the cgroup v1
 * pids hierarchy, which then finds the members as the v2 group does.
 */
final class Containment {

    /** The environment variable each started process and its descendants carry. */
    static final String COOKIE = "M1GO_PROCESS";

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final Path PROC = Path.of("/proc");

    private final String id;
    private final Path cgroup;
    private final boolean memoryInCgroup;
    /** The group of the cgroup v1 pids hierarchy, when that one holds the task limit; else {@code null}. */
    private final Path pidsV1;
    /** The group that holds the task limit ({@link #cgroup} or {@link #pidsV1}), or {@code null}: none here. */
    private final Path taskLimited;

    private volatile ProcessHandle main;
    /** The thread that starts the process while it is in {@link #pidsV1}, or {@code null}. */
    private volatile String startingThread;

    private volatile boolean closed;

    private Containment(String id, Path cgroup, boolean memoryInCgroup, Path pidsV1) {
        this.id = id;
        this.cgroup = cgroup;
        this.memoryInCgroup = memoryInCgroup;
        this.pidsV1 = pidsV1;
        this.taskLimited = pidsV1 != null ? pidsV1 : cgroup;
    }

    /** A new containment with its own cgroup when one can be made here. */
    static Containment create() {
        return create(MemoryLimit.NONE);
    }

    /** A new containment with its own cgroup when one can be made here, holding {@code limit} when it can. */
    static Containment create(MemoryLimit limit) {
        String id = ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        Path group = Cgroups.create("m1go-" + id);
        boolean memory = group != null && limit.limited() && Cgroups.limitMemory(group, limit.bytes());
        boolean tasksInV2 = group != null && TaskLimit.limitV2(group, TaskLimit.TASKS);
        return new Containment(id, group, memory, tasksInV2 ? null : TaskLimit.createV1("m1go-" + id, TaskLimit.TASKS));
    }

    private static volatile Boolean cgroupMemory;

    /** Whether a cgroup with the memory controller can be made here (tried once, with an empty group). */
    static boolean cgroupMemory() {
        if (cgroupMemory == null) {
            Containment probe = create(MemoryLimit.of(16));
            cgroupMemory = probe.limitsMemory();
            probe.close();
        }
        return cgroupMemory;
    }

    /** A containment without a cgroup: how m1go works where none can be made (tests use it for the fallback). */
    static Containment withoutCgroup() {
        return new Containment(ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet(), null, false, null);
    }

    /** The sequence number of the last containment made (for tests). */
    static long lastId() {
        return SEQUENCE.get();
    }

    /** The environment to start the process with: the given one and the cookie. */
    Map<String, String> environment(Map<String, String> given) {
        Map<String, String> env = new TreeMap<>(given);
        env.put(COOKIE, id);
        return env;
    }

    /**
     * Called by the thread that is about to start the process. On cgroup v1 a forked child is born in the groups of
     * the <em>thread</em> that forks, so this thread joins the pids group for the moment of the start
     * ({@link #leaveAfterStart}): the process and everything it forks are in the group from their first instruction,
     * where moving them there after the start ({@link #adopt}) misses what a fast program forks in its first
     * milliseconds (a program that starts itself again at once, thousands of times over).
     */
    void enterForStart() {
        if (pidsV1 == null) {
            return;
        }
        String tid = Cgroups.currentThread();
        if (tid != null && Cgroups.moveThread(pidsV1, tid)) {
            startingThread = tid;
        }
    }

    /** The starting thread leaves the pids group again (from any thread; nothing when it is not in it). */
    void leaveAfterStart() {
        String tid = startingThread;
        if (tid != null) {
            startingThread = null;
            Cgroups.moveThread(pidsV1.getParent(), tid);
        }
    }

    /** Called as soon as the process exists: moves it into the cgroup before it can start much. */
    void adopt(Process process) {
        leaveAfterStart();
        main = process.toHandle();
        if (cgroup != null) {
            Cgroups.move(cgroup, process.pid());
        }
        if (pidsV1 != null) {
            Cgroups.move(pidsV1, process.pid());
        }
        if (closed) { // closed while the process was being started (the JVM shuts down): it does not get to run
            killAll();
        }
    }

    boolean hasCgroup() {
        return cgroup != null;
    }

    /** Whether the cgroup holds the process's memory limit. */
    boolean limitsMemory() {
        return memoryInCgroup;
    }

    /** Whether the kernel caps the tasks of this containment ({@link TaskLimit}). */
    boolean limitsTasks() {
        return taskLimited != null;
    }

    /** How often a fork or clone failed at the task limit (read before {@link #close}); 0 without one. */
    long taskLimitHits() {
        return TaskLimit.hits(taskLimited);
    }

    /** How many members the kernel's OOM killer ended (read before {@link #close}); 0 without a memory limit. */
    long oomKills() {
        return memoryInCgroup ? Cgroups.oomKills(cgroup) : 0;
    }

    /**
     * Kills every member (the main process too, if it still runs), repeating until none is found, and answers how
     * many processes other than the main one were killed.
     */
    int killAll() {
        Set<Long> killed = new LinkedHashSet<>();
        long mainPid = main == null ? -1 : main.pid();
        for (int round = 0; round < 50; round++) {
            Set<Long> members = members();
            if (members.isEmpty()) {
                break;
            }
            if (cgroup != null) {
                Cgroups.kill(cgroup);
            }
            for (long pid : members) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                if (pid != mainPid) {
                    killed.add(pid);
                }
            }
            pause(round);
        }
        return killed.size();
    }

    /** Kills what is left and removes the cgroup. */
    int close() {
        closed = true;
        leaveAfterStart();
        int n = killAll();
        if (cgroup != null) {
            Cgroups.remove(cgroup);
        }
        if (pidsV1 != null) {
            Cgroups.remove(pidsV1);
        }
        return n;
    }

    /** The live members: in the cgroup, carrying the cookie, or descending from the main process. */
    Set<Long> members() {
        Set<Long> pids = new LinkedHashSet<>();
        ProcessHandle m = main;
        if (m != null && m.isAlive()) {
            pids.add(m.pid());
            m.descendants().forEach(d -> pids.add(d.pid()));
        }
        if (cgroup != null) {
            pids.addAll(Cgroups.pids(cgroup));
        }
        if (pidsV1 != null) {
            pids.addAll(Cgroups.pids(pidsV1));
        }
        pids.addAll(withCookie(COOKIE + "=" + id));
        pids.remove(ProcessHandle.current().pid());
        pids.removeIf(Containment::zombie);
        return pids;
    }

    /** Processes whose initial environment holds exactly {@code entry}. */
    static List<Long> withCookie(String entry) {
        if (!Files.isDirectory(PROC)) {
            return List.of();
        }
        byte[] needle = entry.getBytes(StandardCharsets.UTF_8);
        List<Long> found = new java.util.ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(PROC)) {
            for (Path p : all) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    byte[] env = Files.readAllBytes(p.resolve("environ"));
                    if (holds(env, needle)) {
                        found.add(Long.parseLong(name));
                    }
                } catch (IOException | SecurityException e) {
                    // gone meanwhile, or another user's process: not one of ours
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    private static boolean holds(byte[] env, byte[] entry) {
        int start = 0;
        while (start < env.length) {
            int end = indexOf(env, (byte) 0, start);
            if (end < 0) {
                end = env.length;
            }
            if (java.util.Arrays.equals(env, start, end, entry, 0, entry.length)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** A zombie has died already; its parent (init, for orphans) reaps it. */
    static boolean zombie(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            String state = stat.substring(stat.lastIndexOf(')') + 2);
            return state.startsWith("Z") || state.startsWith("X");
        } catch (IOException | RuntimeException e) {
            return !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    private static void pause(int round) {
        try {
            Thread.sleep(Math.min(100, 5L << Math.min(round, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
