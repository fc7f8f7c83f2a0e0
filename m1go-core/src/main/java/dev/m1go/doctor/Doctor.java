package dev.m1go.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.m1go.doctor.DoctorReport.BinfmtLine;
import dev.m1go.doctor.DoctorReport.CompilerSection;
import dev.m1go.doctor.DoctorReport.DockerSection;
import dev.m1go.doctor.DoctorReport.EmulatorLine;
import dev.m1go.doctor.DoctorReport.EmulatorSection;
import dev.m1go.doctor.DoctorReport.EnvironmentSection;
import dev.m1go.doctor.DoctorReport.HostSection;
import dev.m1go.doctor.DoctorReport.SysrootLine;
import dev.m1go.doctor.DoctorReport.ToolchainSection;
import dev.m1go.exec.Launch;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.host.BinaryHeader;
import dev.m1go.host.BinfmtEntry;
import dev.m1go.host.Emulator;
import dev.m1go.host.Host;
import dev.m1go.host.HostProbe;
import dev.m1go.host.Observation;
import dev.m1go.host.Os;
import dev.m1go.host.PathLookup;
import dev.m1go.core.Log;
import dev.m1go.core.UserError;
import dev.m1go.runner.Runners;
import dev.m1go.toolchain.CCompiler;
import dev.m1go.toolchain.CCompilers;
import dev.m1go.toolchain.Launcher;
import dev.m1go.toolchain.Toolchain;
import dev.m1go.toolchain.ToolchainFinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code m1go:doctor} without Maven: observes the host, every Go toolchain, the C compilers, the emulators, Docker
 * and the ambient build variables, reusing the engine's probes ({@link HostProbe}, {@link ToolchainFinder} with
 * {@link Runners} as the launcher of foreign toolchains, {@link CCompilers}, {@link BinaryHeader}), keeps the
 * command or file behind every value, and turns what is mixed or missing into findings with a remedy. It writes
 * {@code doctor.json}; the caller prints the table and decides whether to fail.
 */
public final class Doctor {

    /** Finds the toolchains to examine; the default is the engine's {@link ToolchainFinder}. */
    @FunctionalInterface
    public interface ToolchainSearch {
        List<Toolchain> find(Host host, Launcher launcher, DoctorSettings settings, Path logDir) throws IOException;
    }

    /** The finished diagnosis: the report, the findings that fail under {@code failOn}, and where it was written. */
    public record Result(DoctorReport report, List<Finding> failing, FailOn failOn, Path file) {
        public Result {
            failing = List.copyOf(failing);
        }
    }

    /** The loader each architecture's dynamically linked Linux binaries ask for, below a sysroot or {@code /}. */
    private static final Map<Arch, String> LOADERS = Map.of(
            Arch.ARM64, "lib/ld-linux-aarch64.so.1", Arch.AMD64, "lib64/ld-linux-x86-64.so.2",
            Arch.I386, "lib/ld-linux.so.2", Arch.ARM, "lib/ld-linux-armhf.so.3",
            Arch.RISCV64, "lib/ld-linux-riscv64-lp64d.so.1", Arch.PPC64LE, "lib64/ld64.so.2",
            Arch.S390X, "lib/ld64.so.1");
    private static final List<String> GO_ENV_KEYS = List.of("GOARCH", "GOHOSTARCH", "GOOS", "CGO_ENABLED", "CC",
            "GOFLAGS", "GOTOOLCHAIN");

    private final ProcessRunner processes;
    private final Os os;
    private final String jvmArch;
    private final Path procRoot;
    private final Path rootDir;
    private final ToolchainSearch search;
    private final Clock clock;
    private final Log log;

    /**
     * @param rootDir the file system root the doctor looks at ({@code /}; a temporary directory in tests): its
     *                {@code usr} is the sysroot parent, and loaders are looked up below it
     */
    public Doctor(ProcessRunner processes, Os os, String jvmArch, Path procRoot, Path rootDir, ToolchainSearch search,
                  Clock clock, Log log) {
        this.processes = processes;
        this.os = os;
        this.jvmArch = jvmArch;
        this.procRoot = procRoot;
        this.rootDir = rootDir;
        this.search = search;
        this.clock = clock;
        this.log = log;
    }

    /** The doctor of the machine this JVM runs on. */
    public static Doctor ofThisMachine(ProcessRunner processes, Clock clock, Log log) throws UserError {
        Os os = Os.current().orElseThrow(() -> new UserError("m1go:doctor runs on Linux and macOS; this is "
                + System.getProperty("os.name")));
        return new Doctor(processes, os, System.getProperty("os.arch", ""), Path.of("/proc"), Path.of("/"),
                engineFinder(processes), clock, log);
    }

    /** The engine's toolchain discovery, with {@code m1go.goRoots}. */
    public static ToolchainSearch engineFinder(ProcessRunner processes) {
        return (host, launcher, s, logDir) -> {
            List<Path> roots = s.goRoots().stream().map(Path::of).toList();
            return new ToolchainFinder(processes, launcher, s.environment(), s.home(), host.arch(), logDir).find(roots);
        };
    }

    public Result run(DoctorSettings s) throws UserError, IOException {
        FailOn failOn = FailOn.parse(s.failOn());
        String started = clock.instant().toString();
        Path out = s.outputDirectory().toAbsolutePath().normalize();
        Path logDir = Files.createDirectories(out.resolve("logs/doctor"));
        List<Finding> findings = new ArrayList<>();

        HostProbe probe = new HostProbe(processes, s.environment(), logDir.resolve("host"), procRoot,
                rootDir.resolve("usr"), os, jvmArch);
        Host host = probe.probe();
        HostSection hostSection = host(host, probe, findings);
        Runners runners = new Runners(host, processes, List.of());

        List<Toolchain> toolchains;
        try {
            toolchains = search.find(host, runners, s, logDir.resolve("toolchains"));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        CompilerProbe cc = new CompilerProbe(processes, s.environment(), logDir.resolve("cc"));
        CCompilers crossCompilers = new CCompilers(host.os(), host.arch(), s.environment(), processes,
                logDir.resolve("cc"));
        List<CompilerSection> compilers = compilers(host, s.environment(), cc, crossCompilers);
        List<ToolchainSection> toolchainSections = new ArrayList<>();
        for (Toolchain t : toolchains) {
            toolchainSections.add(toolchain(t, host, probe, runners, s, cc, crossCompilers, logDir, findings));
        }
        EmulatorSection emulators = emulators(host, probe, findings);
        DockerSection docker = new DockerProbe(s.environment(), s.home(), Duration.ofSeconds(3)).probe(host);
        dockerFindings(docker, host, findings);

        Arch buildArch = host.arch();
        String buildArchSource = "this machine's architecture";
        Optional<Arch> envArch = Arch.parse(s.environment().get("GOARCH"));
        Optional<ToolchainSection> onPath = toolchainSections.stream().filter(t -> t.source().equals("PATH"))
                .findFirst();
        if (envArch.isPresent()) {
            buildArch = envArch.get();
            buildArchSource = "GOARCH in the environment";
        } else if (onPath.isPresent() && Arch.parse(onPath.get().goEnv().get("GOARCH")).isPresent()) {
            buildArch = Arch.parse(onPath.get().goEnv().get("GOARCH")).get();
            buildArchSource = "go env GOARCH of the go on PATH, " + onPath.get().version();
        }
        EnvironmentSection environment = new EnvironmentCheck(host, s.environment(), cc, rootDir)
                .check(buildArch, buildArchSource, findings);

        DoctorReport report = new DoctorReport(DoctorReport.SCHEMA, "m1go-maven-plugin " + version(), started,
                hostSection, toolchainSections, compilers, emulators, docker, environment, findings);
        Path file = DoctorJson.write(out.resolve(DoctorReport.FILE), report);
        DoctorTable.lines(report).forEach(log::info);
        for (Finding f : report.findings()) {
            String line = f.severity().json().toUpperCase(java.util.Locale.ROOT) + " " + f.id() + ": " + f.message()
                    + "\n    remedy: " + f.remedy();
            if (f.severity() == Severity.INFO) {
                log.info(line);
            } else {
                log.warn(line);
            }
        }
        log.info("m1go doctor: " + count(report, Severity.ERROR) + " error(s), " + count(report, Severity.WARNING)
                + " warning(s), " + count(report, Severity.INFO) + " note(s); written to " + file);
        return new Result(report, report.findings().stream().filter(f -> failOn.fails(f.severity())).toList(), failOn,
                file);
    }

    private static long count(DoctorReport r, Severity s) {
        return r.findings().stream().filter(f -> f.severity() == s).count();
    }

    // ---------------------------------------------------------------- host

    private HostSection host(Host host, HostProbe probe, List<Finding> findings) {
        List<Observation> evidence = new ArrayList<>();
        evidence.add(Observation.read("operating system (os.name of this JVM)", host.os().goos()));
        probe.observation("uname -m").ifPresent(evidence::add);
        probe.observation("uname -r").ifPresent(evidence::add);
        Optional<Observation> arm64 = probe.observation("sysctl -n hw.optional.arm64");
        Optional<Observation> translatedOid = probe.observation("sysctl -n sysctl.proc_translated");
        arm64.ifPresent(evidence::add);
        translatedOid.ifPresent(evidence::add);
        Observation jvm = Observation.read("System.getProperty(\"os.arch\") of this JVM", jvmArch);
        evidence.add(jvm);
        String translation;
        if (host.os() == Os.DARWIN) {
            if (Boolean.TRUE.equals(host.translated())) {
                translation = "yes: sysctl.proc_translated is 1 (Rosetta 2 translates this process)";
            } else if (translatedOid.map(o -> Integer.valueOf(0).equals(o.exitCode())).orElse(false)) {
                translation = "no: sysctl.proc_translated is " + translatedOid.get().firstLine();
            } else if (Boolean.FALSE.equals(host.translated())) {
                translation = "no: sysctl.proc_translated does not exist, as on an Intel Mac (no Rosetta 2)";
            } else {
                translation = "unknown: sysctl.proc_translated could not be read";
            }
        } else {
            translation = "unknown: under qemu-user, uname and the JVM both report the emulated machine; Linux offers "
                    + "no way to ask";
        }
        HostSection section = new HostSection(host.os().goos(), host.kernel(), host.unameMachine(), host.arch().goarch(),
                arm64.map(Doctor::answer).orElse(null), translatedOid.map(Doctor::answer).orElse(null), jvmArch,
                host.translated(), translation, evidence);

        Optional<Arch> jvmParsed = Arch.parse(jvmArch);
        if (host.os() == Os.DARWIN && host.arch() == Arch.ARM64 && Boolean.TRUE.equals(host.translated())) {
            findings.add(new Finding("process-translated", Severity.WARNING, "this Maven process",
                    "this process runs translated by Rosetta 2 on an arm64 Mac (sysctl.proc_translated is 1, uname -m "
                            + "says " + host.unameMachine() + "): programs it starts run their x86_64 slice, so a "
                            + "universal clang, cc or go builds x86_64 code",
                    "start Maven from a native arm64 shell (Terminal: Get Info, untick \"Open using Rosetta\"; or "
                            + "arch -arm64 /bin/zsh) with an arm64 JDK",
                    evidence.stream().filter(o -> o.source().startsWith("sysctl") || o.source().startsWith("uname -m"))
                            .toList()));
        }
        if (jvmParsed.isPresent() && jvmParsed.get() != host.arch()) {
            boolean rosetta = host.os() == Os.DARWIN && host.arch() == Arch.ARM64 && jvmParsed.get() == Arch.AMD64;
            List<Observation> ev = new ArrayList<>(List.of(jvm));
            arm64.ifPresent(ev::add);
            probe.observation("uname -m").ifPresent(ev::add);
            findings.add(rosetta
                    ? new Finding("jvm-under-rosetta", Severity.WARNING, "Java",
                            "this JVM is x86_64 under Rosetta on an arm64 Mac: Java reports the wrong architecture "
                                    + "(os.arch=" + jvmArch + ", hw.optional.arm64=1), and tools that trust os.arch "
                                    + "pick x86_64 downloads and compilers",
                            "install an arm64 (aarch64) JDK, point JAVA_HOME at it, and run Maven from a native shell",
                            ev)
                    : new Finding("jvm-arch-differs", Severity.WARNING, "Java",
                            "this JVM is " + jvmArch + " but the machine is " + host.arch().goarch()
                                    + ": Java reports the wrong architecture to every plugin that trusts os.arch",
                            "run Maven with a JDK built for " + host.arch().goarch(), ev));
        }
        if (host.os() == Os.DARWIN && host.arch() == Arch.ARM64
                && host.emulators().stream().noneMatch(e -> e.name().equals("rosetta"))) {
            findings.add(new Finding("rosetta-missing", Severity.WARNING, "Rosetta 2",
                    "Rosetta 2 is not installed (arch -x86_64 /usr/bin/true failed): amd64 Go toolchains and "
                            + "darwin/amd64 binaries cannot run here",
                    "softwareupdate --install-rosetta --agree-to-license",
                    probe.observations().stream().filter(o -> o.source().contains("-x86_64 /usr/bin/true")).toList()));
        }
        return section;
    }

    /** What a command printed, or how it failed: {@code 1}, {@code exit 1: sysctl: unknown oid '…'}. */
    private static String answer(Observation o) {
        if (Integer.valueOf(0).equals(o.exitCode())) {
            return o.firstLine();
        }
        return (o.exitCode() == null ? "" : "exit " + o.exitCode() + ": ") + o.firstLine();
    }

    // ---------------------------------------------------------------- toolchains

    private ToolchainSection toolchain(Toolchain t, Host host, HostProbe probe, Runners runners, DoctorSettings s,
                                       CompilerProbe cc, CCompilers crossCompilers, Path logDir,
                                       List<Finding> findings) throws IOException {
        String label = t.label(host.arch());
        List<Observation> evidence = new ArrayList<>();
        evidence.add(Observation.read("header of " + t.goBinary(), BinaryHeader.read(t.goBinary())
                .map(CompilerProbe::describe).orElse("not an ELF or Mach-O file")));
        String runs;
        boolean translated = false;
        Launch launch = null;
        if (!t.usable()) {
            runs = "cannot run here: " + t.unusable();
        } else {
            try {
                launch = runners.launchFor(t.binaryArch());
                translated = launch.translated();
                runs = translated ? "translated (" + launch.runner() + ")" : "native";
            } catch (Launcher.CannotLaunchException e) {
                runs = "cannot run here: " + e.getMessage();
            }
        }
        Map<String, String> goEnv = new TreeMap<>();
        String ccProduces = null;
        if (launch != null) {
            Map<String, String> env = new TreeMap<>(s.environment());
            env.put("GOTOOLCHAIN", "local");
            env.put("GOROOT", t.goroot().toString());
            ProcessSpec spec = new ProcessSpec(launch.wrap(List.of(t.goBinary().toString(), "env", "-json")),
                    launch.environmentWith(env), Files.createDirectories(logDir), Duration.ofSeconds(120),
                    Duration.ofSeconds(2), logDir.resolve("go-env-" + t.key() + ".out"),
                    logDir.resolve("go-env-" + t.key() + ".err"));
            ProcessResult r = processes.run(spec);
            evidence.add(new Observation("GOTOOLCHAIN=local " + spec.display() + " (in your environment)", r.exitCode(),
                    r.combinedOutput()));
            if (r.succeeded()) {
                try {
                    JsonNode json = new ObjectMapper().readTree(r.stdout());
                    for (String k : GO_ENV_KEYS) {
                        if (json.path(k).isTextual()) {
                            goEnv.put(k, json.path(k).asText());
                        }
                    }
                } catch (IOException e) {
                    evidence.add(Observation.read("go env -json output", "not JSON: " + e.getMessage()));
                }
            }
            String gotoolchain = goToolchain(t, s.environment(), evidence);
            if (gotoolchain.isEmpty()) {
                goEnv.remove("GOTOOLCHAIN");
            } else {
                goEnv.put("GOTOOLCHAIN", gotoolchain);
            }
        }
        Optional<Arch> goarch = Arch.parse(goEnv.get("GOARCH"));
        if ("1".equals(goEnv.get("CGO_ENABLED")) && goarch.isPresent()) {
            List<String> ccArgv = EnvironmentCheck.words(goEnv.getOrDefault("CC", ""));
            if (!ccArgv.isEmpty()) {
                List<String> prefix = List.of();
                Optional<Path> arch = new PathLookup(s.environment().get("PATH")).find("arch");
                if (host.os() == Os.DARWIN && arch.isPresent()) {
                    // A process of the toolchain's architecture starts the universal clang in that architecture.
                    prefix = List.of(arch.get().toString(), "-" + t.binaryArch().clangArch());
                }
                CompilerProbe.Compiled c = cc.compileEmpty(prefix, ccArgv, List.of());
                evidence.addAll(c.evidence());
                ccProduces = c.arch().map(Arch::goarch).orElse(null);
                ccFindings(t, label, goarch.get(), String.join(" ", ccArgv), c, host, crossCompilers, findings);
            }
        }
        toolchainFindings(t, label, host, runs, translated, goEnv, s.environment(), evidence, findings);
        return new ToolchainSection(t.version(), t.goroot().toString(), t.source(), t.binaryArch().goarch(), runs,
                translated, goEnv, ccProduces, evidence);
    }

    /** GOTOOLCHAIN as the go command would see it: the environment's, else the default in {@code $GOROOT/go.env}. */
    private static String goToolchain(Toolchain t, Map<String, String> environment, List<Observation> evidence)
            throws IOException {
        String fromEnv = environment.get("GOTOOLCHAIN");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Path goEnvFile = t.goroot().resolve("go.env");
        if (Files.isRegularFile(goEnvFile)) {
            String text = Files.readString(goEnvFile);
            evidence.add(Observation.read("read " + goEnvFile, text));
            for (String line : text.split("\n")) {
                if (line.startsWith("GOTOOLCHAIN=")) {
                    return line.substring("GOTOOLCHAIN=".length()).trim();
                }
            }
        }
        return "";
    }

    private void ccFindings(Toolchain t, String label, Arch goarch, String ccCommand, CompilerProbe.Compiled c,
                            Host host, CCompilers crossCompilers, List<Finding> findings) {
        if (c.problem() != null) {
            findings.add(new Finding("toolchain-cc-fails", Severity.WARNING, label,
                    label + " uses CC=" + ccCommand + " for cgo, which " + c.problem()
                            + ": cgo builds with this toolchain fail",
                    "install that C compiler, or set CC to one that produces " + goarch.goarch() + " objects",
                    c.evidence()));
            return;
        }
        if (c.arch().isEmpty() || c.arch().get() == goarch) {
            return;
        }
        String suggestion;
        if (host.os() == Os.DARWIN) {
            suggestion = "set CC=\"clang -arch " + goarch.clangArch() + "\"";
        } else {
            CCompilers.Result r = crossCompilers.forTarget(goarch);
            suggestion = r.get().map(x -> "set CC=" + x.ccVariable() + " (found on PATH), or use a Go toolchain of "
                            + "this machine's architecture")
                    .orElse("set CC to a compiler for " + goarch.goarch() + " (" + r.missing() + ")");
        }
        String shell = host.os() == Os.DARWIN && Boolean.TRUE.equals(host.translated())
                ? "run from a native shell or " : "";
        findings.add(new Finding("toolchain-cc-arch-mismatch", Severity.ERROR, label,
                label + " builds " + goarch.goarch() + " and will link with " + ccCommand + " producing "
                        + c.arch().get().goarch()
                        + " objects: cgo links fail ('file in wrong format', 'Relocations in generic ELF', "
                        + "'building for … but attempting to link with file built for …')",
                shell + suggestion, c.evidence()));
    }

    private void toolchainFindings(Toolchain t, String label, Host host, String runs, boolean translated,
                                   Map<String, String> goEnv, Map<String, String> environment,
                                   List<Observation> evidence, List<Finding> findings) {
        List<Observation> header = evidence.subList(0, 1);
        if (runs.startsWith("cannot run here")) {
            findings.add(new Finding("toolchain-cannot-run", Severity.WARNING, label,
                    label + " at " + t.goroot() + " cannot run here: " + runs.substring("cannot run here: ".length()),
                    "make its architecture runnable as the reason says, or remove it (m1go skips its cells)", header));
            return;
        }
        if (translated && host.os() == Os.DARWIN) {
            findings.add(new Finding("toolchain-under-rosetta", Severity.WARNING, label,
                    label + " is an " + t.binaryArch().goarch() + " Go running under Rosetta 2: it builds darwin/"
                            + goEnv.getOrDefault("GOARCH", t.binaryArch().goarch()) + " binaries by default, which "
                            + "run translated too (the Rosetta stalls of golang/go#42700 hit such binaries)",
                    "install the darwin-arm64 Go and put it first on PATH", header));
        } else if (translated) {
            findings.add(new Finding("toolchain-translated", Severity.INFO, label,
                    label + " runs translated here (binfmt_misc): the go command and everything it starts (compile, "
                            + "link, cgo's C compiler calls) run under emulation, slowly, and emulator faults show up "
                            + "as build failures",
                    "use a Go toolchain of this machine's architecture (" + host.arch().goarch() + ") unless you mean "
                            + "to test this one", header));
        }
        if ("0".equals(goEnv.get("CGO_ENABLED"))) {
            String goarch = goEnv.getOrDefault("GOARCH", "");
            String hostarch = goEnv.getOrDefault("GOHOSTARCH", "");
            String remedy = !goarch.equals(hostarch)
                    ? "GOARCH (" + goarch + ") differs from GOHOSTARCH (" + hostarch + "), so cgo defaults to off: "
                            + "set CGO_ENABLED=1 and CC to a C compiler for " + goarch + ", or unset GOARCH"
                    : "0".equals(environment.get("CGO_ENABLED")) ? "unset CGO_ENABLED"
                    : "put a C compiler (cc, gcc or clang) on PATH, or set CC";
            findings.add(new Finding("toolchain-cgo-disabled", Severity.WARNING, label,
                    label + " has cgo off (go env CGO_ENABLED is 0): it cannot build cgo programs in this environment",
                    remedy, evidence.stream().filter(o -> o.source().contains(" env -json")).toList()));
        }
    }

    // ---------------------------------------------------------------- compilers

    private List<CompilerSection> compilers(Host host, Map<String, String> environment, CompilerProbe cc,
                                            CCompilers crossCompilers) throws IOException {
        PathLookup path = new PathLookup(environment.get("PATH"));
        Map<String, String> names = new LinkedHashMap<>();
        for (String n : List.of("cc", "gcc", "clang")) {
            names.put(n, "default");
        }
        List<String> fromEnv = EnvironmentCheck.words(environment.get("CC"));
        if (!fromEnv.isEmpty() && !names.containsKey(String.join(" ", fromEnv))) {
            names.put(String.join(" ", fromEnv), "CC");
        }
        List<CompilerSection> sections = new ArrayList<>();
        for (Map.Entry<String, String> n : names.entrySet()) {
            List<String> argv = EnvironmentCheck.words(n.getKey());
            Optional<Path> found = path.find(argv.get(0));
            if (found.isEmpty()) {
                if (!n.getValue().equals("default") || n.getKey().equals("cc")) {
                    sections.add(new CompilerSection(n.getKey(), n.getValue(), null, null, null, null,
                            argv.get(0) + " not found on PATH", List.of()));
                }
                continue;
            }
            sections.add(compiler(n.getKey(), n.getValue(), argv, found.get(), cc));
        }
        Set<Arch> crossTargets = EnumSet.noneOf(Arch.class);
        if (host.os() == Os.DARWIN) {
            crossTargets.addAll(List.of(Arch.AMD64, Arch.ARM64));
        } else {
            crossTargets.addAll(List.of(Arch.AMD64, Arch.ARM64));
            crossTargets.remove(host.arch());
            for (Arch a : Arch.values()) {
                if (a != host.arch() && path.find(a.gnuTriple() + "-gcc").isPresent()) {
                    crossTargets.add(a);
                }
            }
        }
        for (Arch a : crossTargets) {
            String role = "cross compiler for " + a.goarch();
            CCompilers.Result r = crossCompilers.forTarget(a);
            if (r.get().isEmpty()) {
                sections.add(new CompilerSection(a.gnuTriple() + "-gcc", role, null, null, null, null, r.missing(),
                        List.of()));
                continue;
            }
            CCompiler c = r.get().get();
            sections.add(compiler(c.ccVariable(), role, c.cc(), path.find(c.cc().get(0)).orElseThrow(), cc));
        }
        return sections;
    }

    private static CompilerSection compiler(String name, String role, List<String> argv, Path found, CompilerProbe cc)
            throws IOException {
        List<Observation> evidence = new ArrayList<>();
        Path real = found;
        try {
            real = found.toRealPath();
        } catch (IOException e) {
            // A dangling link: keep the name found on PATH.
        }
        evidence.add(Observation.read("PATH lookup of " + argv.get(0), found.equals(real) ? found.toString()
                : found + " -> " + real));
        List<String> resolved = new ArrayList<>(argv);
        resolved.set(0, found.toString());
        Observation version = cc.version(resolved);
        evidence.add(version);
        CompilerProbe.Compiled c = cc.compileEmpty(List.of(), resolved, List.of());
        evidence.addAll(c.evidence());
        return new CompilerSection(name, role, found.toString(), version.firstLine(),
                c.arch().map(Arch::goarch).orElse(null), c.format(), c.problem(), evidence);
    }

    // ---------------------------------------------------------------- emulators

    private EmulatorSection emulators(Host host, HostProbe probe, List<Finding> findings) throws IOException {
        List<EmulatorLine> lines = new ArrayList<>();
        for (Emulator e : host.emulators()) {
            List<Observation> ev = probe.observations().stream()
                    .filter(o -> o.source().startsWith(e.path().toString() + " ")).toList();
            lines.add(new EmulatorLine(e.name(), e.arch().goarch(), e.path().toString(), e.version(), ev));
        }
        List<BinfmtLine> binfmt = new ArrayList<>();
        for (BinfmtEntry b : host.binfmt()) {
            binfmt.add(binfmt(b, host, probe, findings));
        }
        List<SysrootLine> sysroots = new ArrayList<>();
        String rosetta = null;
        List<Observation> evidence = new ArrayList<>();
        if (host.os() == Os.LINUX) {
            for (Arch a : Arch.values()) {
                // The targets m1go builds, and whatever the kernel translates or has a C runtime for.
                boolean relevant = a == Arch.AMD64 || a == Arch.ARM64 || host.binfmtFor(a).isPresent()
                        || host.sysroot(a).isPresent();
                if (a == host.arch() || !relevant) {
                    continue;
                }
                boolean runnable = !host.emulatorsFor(a).isEmpty() || host.binfmtFor(a).isPresent();
                sysroots.add(sysroot(a, host, runnable, findings));
            }
            for (Arch a : List.of(Arch.AMD64, Arch.ARM64)) {
                if (a == host.arch()) {
                    continue;
                }
                boolean qemu = !host.emulatorsFor(a).isEmpty();
                boolean kernel = host.binfmtFor(a).isPresent();
                if (!qemu && !kernel) {
                    findings.add(new Finding("no-emulator", Severity.INFO, "linux/" + a.goarch(),
                            "linux/" + a.goarch() + " binaries cannot run here: there is no qemu-" + a.qemu()
                                    + " on PATH and no binfmt_misc handler for them (their cells are SKIPPED)",
                            "apt-get install qemu-user qemu-user-static binfmt-support", List.of()));
                } else if (!kernel) {
                    findings.add(new Finding("binfmt-missing", Severity.INFO, "linux/" + a.goarch(),
                            "linux/" + a.goarch() + " binaries run here only through an explicit qemu-" + a.qemu()
                                    + ": the kernel has no enabled binfmt_misc handler, so a " + a.goarch()
                                    + " Go toolchain, go run and containers of that platform cannot run",
                            "apt-get install qemu-user-static binfmt-support && update-binfmts --enable qemu-"
                                    + a.qemu(), List.of()));
                }
            }
        } else {
            List<Observation> archRuns = probe.observations().stream()
                    .filter(o -> o.source().contains("-x86_64 /usr/bin/true")).toList();
            evidence.addAll(archRuns);
            if (host.arch() != Arch.ARM64) {
                rosetta = "not applicable: this is an Intel Mac";
            } else if (host.emulators().stream().anyMatch(e -> e.name().equals("rosetta"))) {
                rosetta = "installed: arch -x86_64 /usr/bin/true ran";
            } else {
                rosetta = "not installed: arch -x86_64 /usr/bin/true failed";
            }
        }
        return new EmulatorSection(lines, binfmt, sysroots, rosetta, evidence);
    }

    private BinfmtLine binfmt(BinfmtEntry b, Host host, HostProbe probe, List<Finding> findings) throws IOException {
        List<Observation> ev = new ArrayList<>();
        probe.observations().stream().filter(o -> o.source().endsWith("/binfmt_misc/" + b.name())).forEach(ev::add);
        Path interpreter = Path.of(b.interpreter());
        String linking;
        if (b.interpreter().isEmpty() || !Files.exists(interpreter)) {
            linking = "missing";
            ev.add(Observation.read("file " + b.interpreter(), "does not exist"));
        } else {
            Optional<BinaryHeader> h = BinaryHeader.read(interpreter);
            ev.add(Observation.read("header of " + interpreter.toRealPath(), h.map(CompilerProbe::describe)
                    .orElse("not an ELF file (a script?)")));
            linking = h.map(x -> x.dynamic() ? "dynamic (" + x.interpreter() + ")" : "static").orElse("unknown");
        }
        BinfmtLine line = new BinfmtLine(b.name(), b.enabled(), b.arch() == null ? null : b.arch().goarch(),
                b.interpreter(), b.flags(), linking, ev);
        boolean foreign = b.arch() != null && b.arch() != host.arch();
        if (!foreign) {
            return line;
        }
        String name = b.name();
        if (!b.enabled()) {
            findings.add(new Finding("binfmt-disabled", Severity.INFO, name,
                    "binfmt handler " + name + " is registered but disabled: " + b.arch().goarch()
                            + " programs do not run transparently",
                    "update-binfmts --enable " + name + " (or echo 1 > /proc/sys/fs/binfmt_misc/" + name + ")", ev));
            return line;
        }
        boolean fix = b.flags().contains("F");
        if (linking.equals("missing")) {
            findings.add(new Finding("binfmt-interpreter-missing", fix ? Severity.WARNING : Severity.ERROR, name,
                    "binfmt handler " + name + " names the interpreter " + b.interpreter() + ", which does not exist"
                            + (fix ? " any more (the F flag keeps the file opened at registration working until the "
                            + "next reboot)" : ": every " + b.arch().goarch() + " program fails to start"),
                    "install it again (apt-get install --reinstall qemu-user-static) or remove the handler: "
                            + "echo -1 > /proc/sys/fs/binfmt_misc/" + name, ev));
        }
        if (!fix) {
            findings.add(new Finding("binfmt-no-fix-binary", Severity.WARNING, name,
                    "binfmt handler " + name + " lacks the F flag: containers cannot use it (the kernel opens "
                            + b.interpreter() + " inside each container's root, where it does not exist), so --platform "
                            + "linux/" + b.arch().goarch() + " containers fail with 'exec format error'",
                    "register it again with the F flag: echo -1 > /proc/sys/fs/binfmt_misc/" + name + ", then "
                            + "apt-get install qemu-user-static binfmt-support (Debian registers it with "
                            + "fix_binary yes) or write a registration ending in :PF to /proc/sys/fs/binfmt_misc/register",
                    ev));
        } else if (linking.startsWith("dynamic")) {
            findings.add(new Finding("binfmt-dynamic-interpreter", Severity.WARNING, name,
                    "binfmt handler " + name + " has the F flag but its interpreter " + b.interpreter()
                            + " is dynamically linked: inside containers it needs this host's shared libraries, "
                            + "which are not there",
                    "register the statically linked interpreter instead (qemu-user-static: /usr/bin/qemu-"
                            + b.arch().qemu() + "-static)", ev));
        }
        if (!b.flags().contains("P")) {
            findings.add(new Finding("binfmt-no-preserve-argv0", Severity.INFO, name,
                    "binfmt handler " + name + " lacks the P flag: translated programs see argv[0] replaced by the "
                            + "full path of the binary",
                    "register it again with the P flag (Debian's qemu-user-static uses PF)", ev));
        }
        return line;
    }

    private SysrootLine sysroot(Arch a, Host host, boolean runnable, List<Finding> findings) {
        String loader = LOADERS.getOrDefault(a, "");
        Optional<Path> root = host.sysroot(a);
        List<Observation> ev = new ArrayList<>();
        boolean inRoot = !loader.isEmpty() && root.map(r -> Files.exists(r.resolve(loader))).orElse(false);
        boolean inSlash = !loader.isEmpty() && Files.exists(rootDir.resolve(loader));
        root.ifPresent(r -> ev.add(Observation.read("file " + r.resolve(loader), inRoot ? "exists" : "does not exist")));
        ev.add(Observation.read("file /" + loader, inSlash ? "exists" : "does not exist"));
        if (runnable && !inRoot && !inSlash && !loader.isEmpty()) {
            findings.add(new Finding("sysroot-missing", Severity.WARNING, "linux/" + a.goarch(),
                    "dynamically linked linux/" + a.goarch() + " binaries cannot start here: qemu finds no /" + loader
                            + " ('Could not open')",
                    "apt-get install libc6-dev-" + debianArch(a) + "-cross (sysroot /usr/" + a.gnuTriple()
                            + ") and pass it as QEMU_LD_PREFIX, or build static binaries", ev));
        }
        return new SysrootLine(a.goarch(), root.map(Path::toString).orElse(null), "/" + loader, inRoot || inSlash, ev);
    }

    private static String debianArch(Arch a) {
        return switch (a) {
            case ARM -> "armhf";
            case PPC64LE -> "ppc64el";
            default -> a.goarch();
        };
    }

    // ---------------------------------------------------------------- docker

    private static void dockerFindings(DockerSection d, Host host, List<Finding> findings) {
        if (!d.reachable()) {
            findings.add(new Finding("docker-unreachable", Severity.INFO, "Docker",
                    "no Docker engine answers (" + d.status() + "): container cells are SKIPPED",
                    "start the Docker engine (dockerd, Docker Desktop, colima) or point DOCKER_HOST at it",
                    d.evidence()));
            return;
        }
        if (host.os() == Os.LINUX) {
            for (Arch a : List.of(Arch.AMD64, Arch.ARM64)) {
                if (d.platforms().stream().noneMatch(p -> p.startsWith("linux/" + a.goarch()))) {
                    findings.add(new Finding("docker-no-emulation", Severity.INFO, "Docker",
                            "the Docker engine cannot run linux/" + a.goarch() + " containers: no binfmt_misc handler "
                                    + "with the F flag translates them",
                            "apt-get install qemu-user-static binfmt-support (handlers registered with F)",
                            d.evidence()));
                }
            }
        }
    }

    private static String version() {
        String v = Doctor.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
