package dev.m1go.exec;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every process m1go started and that still runs. One JVM shutdown hook kills each of them with its whole process
 * tree, so that Ctrl-C on Maven leaves no emulator or crashed reproducer behind (commons-exec's own destroyer kills
 * only the direct child, which for {@code qemu} or {@code arch -x86_64} is not where the work is).
 */
public final class ChildProcesses {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private ChildProcesses() {
    }

    static void add(Process process) {
        installHook();
        LIVE.add(process);
    }

    static void remove(Process process) {
        LIVE.remove(process);
    }

    static int size() {
        return LIVE.size();
    }

    /** Kills the process and every descendant, children first. */
    public static void killTree(ProcessHandle root) {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }

    private static void installHook() {
        if (hookInstalled) {
            return;
        }
        synchronized (ChildProcesses.class) {
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(
                        () -> LIVE.forEach(p -> killTree(p.toHandle())), "m1go-kill-children"));
                hookInstalled = true;
            }
        }
    }
}
