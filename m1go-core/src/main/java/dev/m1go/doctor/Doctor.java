package dev.m1go.doctor;

import dev.m1go.core.Log;
import dev.m1go.core.Plural;
import dev.m1go.core.UserError;
import dev.m1go.doctor.DoctorReport.CompilerSection;
import dev.m1go.doctor.DoctorReport.DockerSection;
import dev.m1go.doctor.DoctorReport.EmulatorSection;
import dev.m1go.doctor.DoctorReport.EnvironmentSection;
import dev.m1go.doctor.DoctorReport.HostSection;
import dev.m1go.doctor.DoctorReport.ToolchainSection;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.host.Arch;
import dev.m1go.host.Host;
import dev.m1go.host.HostProbe;
import dev.m1go.host.Os;
import dev.m1go.runner.Runners;
import dev.m1go.toolchain.CCompilers;
import dev.m1go.toolchain.Toolchain;
import dev.m1go.toolchain.ToolchainSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code m1go:doctor} without Maven: runs the per-section checks ({@link HostCheck}, {@link ToolchainCheck},
 * {@link CompilerSurvey}, {@link EmulatorCheck}, {@link DockerCheck}, {@link EnvironmentCheck}) over the engine's
 * probes and toolchain discovery ({@link ToolchainSource}), writes {@code doctor.json}, prints the table and every finding once, and says which findings fail the goal:
 * those at or above {@code failOn} that break the matrix ({@link Affects}). Finding texts live in {@link FindingKind}.
 */
public final class Doctor {

    /** The finished diagnosis: the report, the findings that fail under {@code failOn}, and where it was written. */
    public record Result(DoctorReport report, List<Finding> failing, FailOn failOn, Path file) {
        public Result {
            failing = List.copyOf(failing);
        }
    }

    private final ProcessRunner processes;
    private final Os os;
    private final String jvmArch;
    private final Path procRoot;
    private final Path rootDir;
    private final ToolchainSource search;
    private final Clock clock;
    private final Log log;

    /**
     * @param rootDir the file system root the doctor looks at ({@code /}; a temporary directory in tests): its
     *                {@code usr} is the sysroot parent, and loaders are looked up below it
     */
    public Doctor(
            ProcessRunner processes,
            Os os,
            String jvmArch,
            Path procRoot,
            Path rootDir,
            ToolchainSource search,
            Clock clock,
            Log log) {
        this.processes = processes;
        this.os = os;
        this.jvmArch = jvmArch;
        this.procRoot = procRoot;
        this.rootDir = rootDir;
        this.search = search;
        this.clock = clock;
        this.log = log;
    }

    private String tool;

    /** This doctor writing {@code tool} (a front end's name and version) as doctor.json's generator. */
    public Doctor withTool(String tool) {
        this.tool = tool;
        return this;
    }

    /** The doctor of the machine this JVM runs on. */
    public static Doctor ofThisMachine(ProcessRunner processes, Clock clock, Log log) throws UserError {
        Os os = Os.current()
                .orElseThrow(() ->
                        new UserError("m1go:doctor runs on Linux and macOS; this is " + System.getProperty("os.name")));
        return new Doctor(
                processes,
                os,
                System.getProperty("os.arch", ""),
                Path.of("/proc"),
                Path.of("/"),
                ToolchainSource.finder(processes),
                clock,
                log);
    }

    public Result run(DoctorSettings s) throws UserError, IOException {
        FailOn failOn = FailOn.parse(s.failOn());
        String started = clock.instant().toString();
        Path out = s.outputDirectory().toAbsolutePath().normalize();
        Path logDir = Files.createDirectories(new dev.m1go.core.OutputLayout(out).doctorLogs());
        List<Finding> findings = new ArrayList<>();

        HostProbe probe = new HostProbe(
                processes, s.environment(), logDir.resolve("host"), procRoot, rootDir.resolve("usr"), os, jvmArch);
        Host host = probe.probe();
        HostSection hostSection = HostCheck.check(host, probe, jvmArch, findings);
        Runners runners = new Runners(host, processes, List.of());
        List<Toolchain> toolchains;
        try {
            toolchains = search.find(
                    host,
                    runners,
                    s.environment(),
                    s.home(),
                    s.goRoots().stream().map(Path::of).toList(),
                    logDir.resolve("toolchains"));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        CompilerProbe cc = new CompilerProbe(processes, s.environment(), logDir.resolve("cc"));
        CCompilers crossCompilers =
                new CCompilers(host.os(), host.arch(), s.environment(), processes, logDir.resolve("cc"));
        List<CompilerSection> compilers = CompilerSurvey.survey(host, s.environment(), cc, crossCompilers);
        ToolchainCheck toolchainCheck = new ToolchainCheck(
                host, processes, runners, s.environment(), cc, crossCompilers, logDir.resolve("toolchains"));
        List<ToolchainSection> toolchainSections = new ArrayList<>();
        for (Toolchain t : toolchains) {
            toolchainSections.add(toolchainCheck.check(t, findings));
        }
        EmulatorSection emulators = new EmulatorCheck(host, probe, rootDir).check(findings);
        DockerSection docker =
                new DockerProbe(s.environment(), s.home(), Duration.ofSeconds(3), s.containerHosts()).probe(host);
        findings.addAll(DockerCheck.findings(docker, host.os()));
        BuildArch build = buildArch(host, s, toolchainSections);
        EnvironmentSection environment = new EnvironmentCheck(
                        host,
                        s.environment(),
                        cc,
                        rootDir,
                        s.inheritEnvironment() ? Affects.MATRIX : Affects.MANUAL_BUILDS)
                .check(build.arch(), build.source(), findings);

        DoctorReport report = new DoctorReport(
                DoctorReport.SCHEMA,
                tool != null ? tool : "m1go-maven-plugin " + version(),
                started,
                hostSection,
                toolchainSections,
                compilers,
                emulators,
                docker,
                environment,
                findings);
        Path file = DoctorJson.write(out.resolve(DoctorReport.FILE), report);
        List<Finding> failing =
                report.findings().stream().filter(f -> failing(f, failOn)).toList();
        print(report, failing, file);
        return new Result(report, failing, failOn, file);
    }

    /** A finding fails the goal when it breaks the matrix and is at least as severe as {@code failOn}. */
    static boolean failing(Finding f, FailOn failOn) {
        return f.affects() == Affects.MATRIX && failOn.fails(f.severity());
    }

    /** The architecture a plain {@code go build} produces here, and how the doctor knows. */
    record BuildArch(Arch arch, String source) {}

    static BuildArch buildArch(Host host, DoctorSettings s, List<ToolchainSection> toolchains) {
        Optional<Arch> envArch = Arch.parse(s.environment().get("GOARCH"));
        if (envArch.isPresent()) {
            return new BuildArch(envArch.get(), "GOARCH in the environment");
        }
        Optional<ToolchainSection> onPath =
                toolchains.stream().filter(t -> t.source().equals("PATH")).findFirst();
        Optional<Arch> pathArch = onPath.flatMap(t -> Arch.parse(t.goEnv().get("GOARCH")));
        if (pathArch.isPresent()) {
            return new BuildArch(
                    pathArch.get(),
                    "go env GOARCH of the go on PATH, " + onPath.get().version());
        }
        return new BuildArch(host.arch(), "this machine's architecture");
    }

    /** The table, then each finding once (warnings and errors that fail the goal as warnings), then one sum. */
    private void print(DoctorReport report, List<Finding> failing, Path file) {
        DoctorTable.lines(report).forEach(log::info);
        for (Finding f : report.findings()) {
            String block = String.join("\n", DoctorTable.finding(f, failing.contains(f)));
            if (f.severity() != Severity.INFO && f.affects() == Affects.MATRIX) {
                log.warn(block);
            } else {
                log.info(block);
            }
        }
        long manual = report.findings().stream()
                .filter(f -> f.affects() == Affects.MANUAL_BUILDS)
                .count();
        log.info("m1go doctor: " + Plural.of(count(report, Severity.ERROR), "error") + ", "
                + Plural.of(count(report, Severity.WARNING), "warning") + ", "
                + Plural.of(count(report, Severity.INFO), "note")
                + (manual == 0 ? "" : ", " + manual + " of them about your own builds only") + "; "
                + (failing.isEmpty() ? "none fails" : failing.size() == 1 ? "1 fails" : failing.size() + " fail")
                + " the goal; written to " + file);
    }

    private static long count(DoctorReport r, Severity s) {
        return r.findings().stream().filter(f -> f.severity() == s).count();
    }

    private static String version() {
        String v = Doctor.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
