package dev.m1go.exec;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every process m1go started and that still runs, each with its {@link Containment}. One JVM shutdown hook kills each
 * of them with everything it started, so that Ctrl-C on Maven leaves no emulator, crashed reproducer or daemon behind
 * (commons-exec's own destroyer kills only the direct child, which for {@code qemu} or {@code arch -x86_64} is not
 * where the work is). Installing the hook also sweeps the cgroups of earlier m1go JVMs that were killed outright.
 */
public final class ChildProcesses {

    private static final Set<Containment> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private ChildProcesses() {
    }

    static void add(Containment containment) {
        installHook();
        LIVE.add(containment);
    }

    static void remove(Containment containment) {
        LIVE.remove(containment);
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
                Runtime.getRuntime().addShutdownHook(new Thread(
                        () -> LIVE.forEach(Containment::close), "m1go-kill-children"));
                hookInstalled = true;
            }
        }
    }
}
