package dev.m1go.exec;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every process m1go started and that still runs, each with its {@link Containment}. One JVM shutdown hook kills each
 * of them with everything it started, so that Ctrl-C on Maven leaves no emulator, crashed reproducer or daemon behind
 * (commons-exec's own destroyer kills only the direct child, which for {@code qemu} or {@code arch -x86_64} is not
 * where the work is). Installing the hook also sweeps the cgroups of earlier m1go JVMs that were killed outright.
 */
final class ChildProcesses {

    private static final Set<Containment> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;
    /** Set by the hook before it kills anything: no process starts after that. */
    private static volatile boolean stopping;

    private ChildProcesses() {}

    /**
     * Registers a process about to start. Refused once the JVM shuts down: a worker that starts a build while the hook
     * runs would leave it running after m1go is gone. Checked again after registering, so that a hook that began
     * meanwhile either sees the containment (and closes it, which kills what it adopts later) or makes this refuse.
     */
    static void add(Containment containment) throws java.io.IOException {
        installHook();
        if (!stopping) {
            LIVE.add(containment);
            if (!stopping) {
                return;
            }
            LIVE.remove(containment);
        }
        containment.close(); // its cgroup, made already
        throw new StoppingException("m1go is stopping: no new process is started");
    }

    static void remove(Containment containment) {
        LIVE.remove(containment);
    }

    /** True once the shutdown hook began: see {@link ProcessRunner#stopping()}. */
    static boolean stopping() {
        return stopping;
    }

    static int size() {
        return LIVE.size();
    }

    private static void installHook() {
        if (hookInstalled) {
            return;
        }
        synchronized (ChildProcesses.class) {
            if (!hookInstalled) {
                Cgroups.sweep();
                TaskLimit.sweep();
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(
                                () -> {
                                    stopping = true;
                                    LIVE.forEach(Containment::close);
                                },
                                "m1go-kill-children"));
                hookInstalled = true;
            }
        }
    }
}
