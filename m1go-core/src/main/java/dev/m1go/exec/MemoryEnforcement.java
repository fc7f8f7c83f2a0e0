package dev.m1go.exec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How one process's {@link MemoryLimit} is enforced here, and whether the finished run reached it.
 *
 * <ol>
 * <li>{@link Way#CGROUP}: the process's cgroup v2 group has the memory controller; {@code memory.max} is the limit,
 * and the kernel's OOM killer ends the run with SIGKILL when it is reached ({@code oom_kill} in
 * {@code memory.events} says it did).</li>
 * <li>{@link Way#ADDRESS_SPACE}: no such group could be made (cgroup v1, no delegation, macOS); on Linux the argv is
 * started through {@code prlimit --as=<bytes> --} (util-linux, which then {@code exec}s the program: same PID, same
 * exit status), with the headroom of {@link MemoryLimit#addressSpaceBytes()}. Reaching it makes {@code mmap} fail;
 * the Go runtime then prints {@code fatal error: out of memory} and exits 2, so the run reached its limit when it
 * failed with one of the lines of {@link #exhaustion}.</li>
 * <li>{@link Way#UNENFORCED}: neither (macOS, which has no prlimit and whose kernel is not documented to enforce
 * {@code RLIMIT_AS}; Linux without prlimit): the run is not limited, which the report's notes say once.</li>
 * </ol>
 */
public final class MemoryEnforcement {

    enum Way {
        NONE,
        CGROUP,
        ADDRESS_SPACE,
        UNENFORCED
    }

    /**
     * Lines that say an allocation failed for want of address space: the Go runtime's (heap growth, start-up
     * reservations), qemu-user's (its code buffer, its guest space) and the C library's ({@code strerror(ENOMEM)},
     * C++'s {@code std::bad_alloc}).
     */
    static final List<String> EXHAUSTION = List.of(
            "fatal error: out of memory",
            "fatal error: runtime: out of memory",
            "runtime: out of memory",
            "failed to reserve page summary memory",
            "runtime: cannot reserve arena virtual address space",
            "runtime: cannot map pages in arena address space",
            "of virtual address space",
            "Cannot allocate memory",
            "std::bad_alloc");

    private static final String PRLIMIT_FAILED = "prlimit: failed to execute ";

    private final MemoryLimit limit;
    private final Way way;
    private final Path prlimit;

    private MemoryEnforcement(MemoryLimit limit, Way way, Path prlimit) {
        this.limit = limit;
        this.way = way;
        this.prlimit = prlimit;
    }

    /**
     * @param inCgroup whether the process's cgroup holds the limit already ({@link Cgroups#limitMemory})
     * @param prlimit  the {@code prlimit} program, or {@code null} where there is none (or not Linux)
     */
    static MemoryEnforcement of(MemoryLimit limit, boolean inCgroup, Path prlimit) {
        Way way = !limit.limited()
                ? Way.NONE
                : inCgroup ? Way.CGROUP : prlimit != null ? Way.ADDRESS_SPACE : Way.UNENFORCED;
        return new MemoryEnforcement(limit, way, prlimit);
    }

    Way way() {
        return way;
    }

    /** The argv to start: {@code argv} itself, or behind {@code prlimit} where the address space is limited. */
    List<String> argv(List<String> argv) {
        if (way != Way.ADDRESS_SPACE) {
            return argv;
        }
        List<String> full = new ArrayList<>(List.of(prlimit.toString(), "--as=" + limit.addressSpaceBytes(), "--"));
        full.addAll(argv);
        return full;
    }

    /**
     * The start failure of the program behind {@code prlimit} ({@code prlimit: failed to execute ./x: Exec format
     * error}, exit 126 or 127) as the JDK reports one without it, or {@code null}: a binary that cannot start reads the
     * same with a limit as without.
     */
    String startFailure(List<String> argv, Integer exit, String stderr) {
        if (way != Way.ADDRESS_SPACE || exit == null || (exit != 126 && exit != 127)) {
            return null;
        }
        String said = stderr.strip();
        String prefix = PRLIMIT_FAILED + argv.get(0) + ": ";
        if (!said.startsWith(prefix) || said.indexOf('\n') >= 0) {
            return null;
        }
        return "cannot start " + argv.get(0) + ": " + said.substring(prefix.length());
    }

    /**
     * Why a finished run is known to have reached the limit, or {@code null}. Only a run that failed by itself counts
     * (not one that passed, never started or ran out of time).
     *
     * @param oomKills {@code oom_kill} of the run's cgroup ({@link Cgroups#oomKills})
     */
    String hit(Integer exit, boolean timedOut, String stdout, String stderr, long oomKills) {
        if (exit == null || exit == 0 || timedOut) {
            return null;
        }
        if (way == Way.CGROUP && oomKills > 0) {
            return limit.describe() + " reached: the kernel's OOM killer ended "
                    + (oomKills == 1 ? "a process" : oomKills + " processes") + " of the run in its cgroup (memory.max "
                    + limit.bytes()
                    + ", memory.events oom_kill " + oomKills + ")";
        }
        if (way == Way.ADDRESS_SPACE) {
            String line = exhaustion(stderr);
            line = line != null ? line : exhaustion(stdout);
            if (line != null) {
                return limit.describe() + " reached: an allocation failed with the address space limited to "
                        + (limit.mebibytes() + limit.headroomMb()) + " MiB (RLIMIT_AS: the limit and "
                        + limit.headroomMb() + " MiB of headroom): " + line;
            }
        }
        return null;
    }

    /** The first line of {@code text} that says an allocation failed ({@link #EXHAUSTION}), trimmed, or null. */
    static String exhaustion(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        for (String line : text.split("\n")) {
            for (String marker : EXHAUSTION) {
                if (line.contains(marker)) {
                    String t = line.strip();
                    return t.length() <= 200 ? t : t.substring(0, 197) + "...";
                }
            }
        }
        return null;
    }

    /** {@code prlimit} where this is Linux and util-linux installed it; else {@code null}. */
    static Path findPrlimit() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return null;
        }
        List<String> dirs = new ArrayList<>(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(java.io.File.pathSeparator)));
        }
        for (String d : dirs) {
            Path p = Path.of(d.isEmpty() ? "." : d, "prlimit");
            if (p.isAbsolute() && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * What the report says once about {@code m1go.memoryLimitMb} on this machine: how local runs are limited, or
     * that they are not.
     *
     * @param cgroupMemory whether a cgroup v2 group with the memory controller can be made here
     * @param prlimit      {@link #findPrlimit()}
     * @param macos        whether this host is macOS
     */
    static String note(int mebibytes, boolean cgroupMemory, Path prlimit, boolean macos) {
        String head = "m1go.memoryLimitMb=" + mebibytes + ": ";
        String containers = " A container run is limited by the engine (memory and memory-swap " + mebibytes
                + " MiB) and reads KILLED when the engine's OOM killer ends it.";
        if (cgroupMemory) {
            return head + "each run is limited in its own cgroup v2 group (memory.max, no swap); a run the kernel's "
                    + "OOM killer ends reads KILLED with the reason." + containers;
        }
        if (macos) {
            return head + "not enforced for local runs: macOS has no cgroups and no prlimit, and m1go does not rely "
                    + "on RLIMIT_AS there (XNU is not documented to enforce it)." + containers;
        }
        if (prlimit == null) {
            return head + "not enforced for local runs: no cgroup v2 group with the memory controller can be made "
                    + "here, and prlimit (util-linux) is not installed for the address-space limit." + containers;
        }
        return head + "no cgroup v2 group with the memory controller can be made here, so each run's address space "
                + "is limited instead (RLIMIT_AS through " + prlimit + "): to " + mebibytes + " + "
                + MemoryLimit.NATIVE_HEADROOM_MB + " MiB natively and " + mebibytes + " + "
                + MemoryLimit.TRANSLATED_HEADROOM_MB
                + " MiB under qemu or binfmt_misc, headroom for what the Go runtime "
                + "and the emulator reserve without using. A coarse bound: the run fails when an allocation finds no "
                + "address space left, which can be hundreds of MiB of heap past the limit; it then reads KILLED with "
                + "the reason." + containers;
    }

    /** {@link #note(int, boolean, Path, boolean)} for this machine (probes cgroups once). */
    public static String note(int mebibytes) {
        boolean macos =
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
        return note(mebibytes, Containment.cgroupMemory(), findPrlimit(), macos);
    }
}
