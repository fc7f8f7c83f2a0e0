package dev.m1go.runner;

import dev.m1go.exec.Launch;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.host.Host;
import dev.m1go.host.Os;
import java.io.IOException;

/**
 * A runner that starts the binary as a local process, possibly behind a translator: it only decides the
 * {@link Launch} (argv prefix and environment); the process itself is run like any other.
 */
abstract class LocalRunner implements Runner {

    protected final Host host;
    private final ProcessRunner processes;

    protected LocalRunner(Host host, ProcessRunner processes) {
        this.host = host;
        this.processes = processes;
    }

    /** How to start a binary of {@code arch}; only called when {@link #availability} said yes. */
    public abstract Launch launch(Arch arch);

    @Override
    public ProcessResult run(ProcessSpec spec, Arch arch) throws IOException {
        Launch launch = launch(arch);
        ProcessSpec wrapped = new ProcessSpec(launch.wrap(spec.argv()), launch.environmentWith(spec.environment()),
                spec.workingDirectory(), spec.timeout(), spec.quitGrace(), spec.stdoutLog(), spec.stderrLog());
        return processes.run(wrapped);
    }

    @Override
    public String toString() {
        return name();
    }

    /** "linux/arm64". */
    protected static String platform(Os os, Arch arch) {
        return os.goos() + "/" + arch.goarch();
    }

    protected String hostPlatform() {
        return platform(host.os(), host.arch());
    }
}
