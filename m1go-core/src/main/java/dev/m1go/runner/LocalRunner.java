package dev.m1go.runner;

import dev.m1go.exec.Launch;
import dev.m1go.exec.MemoryLimit;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.host.Host;
import dev.m1go.host.Os;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A runner that starts the binary as a local process, possibly behind a translator: it only decides the
 * {@link Launch} (argv prefix and environment); the process itself is run like any other. A memory limit is marked
 * as translated behind a translator, whose own mappings need more address space where that is what is limited.
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
        MemoryLimit limit = launch.translated() ? spec.memoryLimit().underTranslation() : spec.memoryLimit();
        ProcessSpec wrapped = new ProcessSpec(
                launch.wrap(spec.argv()),
                launch.environmentWith(spec.environment()),
                spec.workingDirectory(),
                spec.timeout(),
                spec.quitGrace(),
                spec.stdoutLog(),
                spec.stderrLog(),
                null,
                limit);
        record(wrapped, launch);
        return processes.run(wrapped);
    }

    /**
     * Writes {@code run-N.command} beside {@code run-N.stdout}: the argv as started and the variables this runner
     * added to the environment (for example {@code QEMU_LD_PREFIX}) and, on a {@code #} line, the memory limit, so the
     * report's logs say how the binary ran.
     */
    private static void record(ProcessSpec spec, Launch launch) throws IOException {
        Path out = spec.stdoutLog();
        String name = out.getFileName().toString();
        if (!name.endsWith(".stdout") || out.getParent() == null || !Files.isDirectory(out.getParent())) {
            return;
        }
        StringBuilder text = new StringBuilder(spec.display()).append('\n');
        launch.environment()
                .forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        if (spec.memoryLimit().limited()) {
            text.append("# ").append(spec.memoryLimit().describe()).append('\n');
        }
        Files.writeString(
                out.resolveSibling(name.substring(0, name.length() - ".stdout".length()) + ".command"),
                text.toString());
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
