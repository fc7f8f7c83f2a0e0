package dev.m1go.host;

import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.exec.ProcessSpec;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Observes the host. Everything it reads comes in through its constructor (environment, process runner, the
 * {@code /proc} and {@code /usr} roots), so that tests can stand in for a Mac with fake {@code sysctl} and
 * {@code uname} programs on {@code PATH}.
 */
public final class HostProbe {

    /** Ambient variables that change what a cgo build does; recorded in reports, removed from builds. */
    public static final List<String> BUILD_VARIABLES = List.of(
            "GOARCH",
            "GOOS",
            "GOFLAGS",
            "GOTOOLCHAIN",
            "GOROOT",
            "GOPATH",
            "GOEXPERIMENT",
            "GODEBUG",
            "GOAMD64",
            "GOARM64",
            "CC",
            "CXX",
            "AR",
            "PKG_CONFIG_PATH",
            "CPATH",
            "C_INCLUDE_PATH",
            "LIBRARY_PATH",
            "LD_LIBRARY_PATH",
            "QEMU_LD_PREFIX",
            "DYLD_LIBRARY_PATH",
            "SDKROOT",
            "MACOSX_DEPLOYMENT_TARGET");

    private final ProcessRunner runner;
    private final Map<String, String> environment;
    private final Path logDir;
    private final Path procRoot;
    private final Path usrRoot;
    private final Os os;
    private final String jvmArch;
    private final PathLookup path;
    private final AtomicInteger probeNumber = new AtomicInteger();
    private final List<Observation> observations = java.util.Collections.synchronizedList(new ArrayList<>());

    public HostProbe(
            ProcessRunner runner,
            Map<String, String> environment,
            Path logDir,
            Path procRoot,
            Path usrRoot,
            Os os,
            String jvmArch) {
        this.runner = runner;
        this.environment = Map.copyOf(environment);
        this.logDir = logDir;
        this.procRoot = procRoot;
        this.usrRoot = usrRoot;
        this.os = os;
        this.jvmArch = jvmArch;
        this.path = new PathLookup(environment.get("PATH"));
    }

    /** A probe of the machine this JVM runs on. */
    public static HostProbe ofThisMachine(ProcessRunner runner, Map<String, String> environment, Path logDir) {
        Os os = Os.current()
                .orElseThrow(() -> new IllegalStateException(
                        "m1go runs on Linux and macOS; this is " + System.getProperty("os.name")));
        return new HostProbe(
                runner, environment, logDir, Path.of("/proc"), Path.of("/usr"), os, System.getProperty("os.arch", ""));
    }

    public Host probe() throws IOException {
        String uname = command("uname", "-m").orElse("");
        String kernel = command("uname", "-r").orElse("");
        Boolean translated = null;
        Arch arch;
        if (os == Os.DARWIN) {
            Optional<String> arm64 = command("sysctl", "-n", "hw.optional.arm64");
            Optional<String> proc = command("sysctl", "-n", "sysctl.proc_translated");
            translated = proc.map(v -> v.equals("1"))
                    .orElse(arm64.isEmpty() || arm64.get().equals("0") ? Boolean.FALSE : null);
            arch = arm64.filter(v -> v.equals("1"))
                    .map(v -> Arch.ARM64)
                    .orElseGet(() -> Arch.parse(uname).orElse(Arch.AMD64));
        } else {
            arch = Arch.parse(uname)
                    .or(() -> Arch.parse(jvmArch))
                    .orElseThrow(() -> new IOException(
                            "cannot tell this machine's architecture: uname -m printed '" + uname + "'"));
            // Under qemu-user, uname and os.arch both report the emulated machine: Linux offers no way to ask.
            translated = null;
        }
        return new Host(
                os,
                arch,
                uname,
                jvmArch,
                kernel,
                translated,
                emulators(arch),
                binfmtEntries(),
                sysroots(arch),
                ambient());
    }

    /** Every command this probe ran and every file it read, in order: the evidence behind {@link #probe()}. */
    public List<Observation> observations() {
        synchronized (observations) {
            return List.copyOf(observations);
        }
    }

    /** The observation of one command as it was asked for ({@code "uname -m"}), when this probe ran it. */
    public Optional<Observation> observation(String source) {
        return observations().stream().filter(o -> o.source().equals(source)).findFirst();
    }

    private List<Emulator> emulators(Arch hostArch) throws IOException {
        List<Emulator> found = new ArrayList<>();
        if (os == Os.LINUX) {
            List<Emulator> present = new ArrayList<>();
            for (Arch a : Arch.values()) {
                if (a == hostArch) {
                    continue;
                }
                for (String name : List.of("qemu-" + a.qemu(), "qemu-" + a.qemu() + "-static")) {
                    path.find(name).ifPresent(p -> present.add(new Emulator(name, a, p, "")));
                }
            }
            found.addAll(withVersions(present));
        } else if (os == Os.DARWIN && hostArch == Arch.ARM64) {
            Optional<Path> archTool = path.find("arch");
            if (archTool.isPresent()
                    && command(archTool.get().toString(), "-x86_64", "/usr/bin/true")
                            .isPresent()) {
                found.add(new Emulator("rosetta", Arch.AMD64, archTool.get(), "arch -x86_64 /usr/bin/true ran"));
            }
        }
        return found;
    }

    /** Asks every emulator for {@code --version}, a few at a time: a dozen of them otherwise start one by one. */
    private List<Emulator> withVersions(List<Emulator> emulators) throws IOException {
        return dev.m1go.core.Parallel.map(
                emulators,
                4,
                "m1go-host-probe",
                e -> new Emulator(
                        e.name(),
                        e.arch(),
                        e.path(),
                        command(e.path().toString(), "--version")
                                .map(v -> v.lines().findFirst().orElse(""))
                                .orElse("")));
    }

    private List<BinfmtEntry> binfmtEntries() throws IOException {
        Path dir = procRoot.resolve("sys/fs/binfmt_misc");
        List<BinfmtEntry> entries = new ArrayList<>();
        if (os != Os.LINUX || !Files.isDirectory(dir)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.equals("register") || name.equals("status") || !Files.isRegularFile(f)) {
                    continue;
                }
                try {
                    String text = Files.readString(f);
                    observations.add(Observation.read("read " + f, text));
                    entries.add(BinfmtEntry.parse(name, text));
                } catch (IOException e) {
                    // An entry removed while listing: nothing to record.
                }
            }
        }
        entries.sort(java.util.Comparator.comparing(BinfmtEntry::name));
        return entries;
    }

    private Map<Arch, Path> sysroots(Arch hostArch) {
        Map<Arch, Path> roots = new EnumMap<>(Arch.class);
        if (os != Os.LINUX) {
            return roots;
        }
        for (Arch a : Arch.values()) {
            Path root = usrRoot.resolve(a.gnuTriple());
            if (a != hostArch && Files.isDirectory(root.resolve("lib"))) {
                observations.add(Observation.read("directory " + root.resolve("lib"), "exists"));
                roots.put(a, root);
            }
        }
        return roots;
    }

    private java.util.SortedMap<String, String> ambient() {
        java.util.SortedMap<String, String> recorded = new TreeMap<>();
        environment.forEach((k, v) -> {
            if (k.startsWith("CGO_") || BUILD_VARIABLES.contains(k) || k.equals("DOCKER_HOST")) {
                recorded.put(k, v);
            }
        });
        return recorded;
    }

    /** Runs a short command; its trimmed stdout when it exits 0, else empty. */
    private Optional<String> command(String... argv) throws IOException {
        Optional<Path> program = path.find(argv[0]);
        String asked = String.join(" ", argv);
        if (program.isEmpty()) {
            observations.add(new Observation(asked, null, argv[0] + " not found on PATH"));
            return Optional.empty();
        }
        List<String> full = new ArrayList<>(List.of(argv));
        full.set(0, program.get().toString());
        int n = probeNumber.incrementAndGet();
        Path dir = Files.createDirectories(logDir);
        ProcessResult r = runner.run(new ProcessSpec(
                full,
                environment,
                dir,
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                dir.resolve("probe-" + n + ".out"),
                dir.resolve("probe-" + n + ".err")));
        observations.add(new Observation(asked, r.exitCode(), r.combinedOutput()));
        return r.succeeded() ? Optional.of(r.stdout().trim()) : Optional.empty();
    }
}
