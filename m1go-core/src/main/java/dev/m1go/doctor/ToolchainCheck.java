package dev.m1go.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.m1go.core.Mappers;
import dev.m1go.doctor.DoctorReport.ToolchainSection;
import dev.m1go.exec.Launch;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.host.BinaryHeader;
import dev.m1go.host.Host;
import dev.m1go.host.Observation;
import dev.m1go.host.Os;
import dev.m1go.host.PathLookup;
import dev.m1go.toolchain.CCompilers;
import dev.m1go.toolchain.Launcher;
import dev.m1go.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One Go toolchain as you would use it here: the architecture of its {@code go} binary, whether it runs (natively or
 * translated), {@code go env} in your environment, and what its default {@code CC} really produces.
 */
final class ToolchainCheck {

    private static final List<String> GO_ENV_KEYS =
            List.of("GOARCH", "GOHOSTARCH", "GOOS", "CGO_ENABLED", "CC", "GOFLAGS", "GOTOOLCHAIN");

    private final Host host;
    private final ProcessRunner processes;
    private final Launcher launcher;
    private final Map<String, String> environment;
    private final CompilerProbe cc;
    private final CCompilers crossCompilers;
    private final Path logDir;

    ToolchainCheck(
            Host host,
            ProcessRunner processes,
            Launcher launcher,
            Map<String, String> environment,
            CompilerProbe cc,
            CCompilers crossCompilers,
            Path logDir) {
        this.host = host;
        this.processes = processes;
        this.launcher = launcher;
        this.environment = Map.copyOf(environment);
        this.cc = cc;
        this.crossCompilers = crossCompilers;
        this.logDir = logDir;
    }

    ToolchainSection check(Toolchain t, List<Finding> findings) throws IOException {
        String label = t.label(host.arch());
        List<Observation> evidence = new ArrayList<>();
        evidence.add(Observation.read(
                "header of " + t.goBinary(),
                BinaryHeader.read(t.goBinary()).map(CompilerProbe::describe).orElse("not an ELF or Mach-O file")));
        String runs;
        Launch launch = null;
        if (!t.usable()) {
            runs = "cannot run here: " + t.unusable();
        } else {
            try {
                launch = launcher.launchFor(t.binaryArch());
                runs = launch.translated() ? "translated (" + launch.runner() + ")" : "native";
            } catch (Launcher.CannotLaunchException e) {
                runs = "cannot run here: " + e.getMessage();
            }
        }
        boolean translated = launch != null && launch.translated();
        Map<String, String> goEnv = launch == null ? new TreeMap<>() : goEnv(t, launch, evidence);
        String ccProduces = null;
        Optional<Arch> goarch = Arch.parse(goEnv.get("GOARCH"));
        List<String> ccArgv = EnvironmentCheck.words(goEnv.getOrDefault("CC", ""));
        if ("1".equals(goEnv.get("CGO_ENABLED")) && goarch.isPresent() && !ccArgv.isEmpty()) {
            List<String> prefix = List.of();
            Optional<Path> arch = new PathLookup(environment.get("PATH")).find("arch");
            if (host.os() == Os.DARWIN && arch.isPresent()) {
                // A process of the toolchain's architecture starts the universal clang in that architecture.
                prefix = List.of(arch.get().toString(), "-" + t.binaryArch().clangArch());
            }
            CompilerProbe.Compiled c = cc.compileEmpty(prefix, ccArgv, List.of());
            evidence.addAll(c.evidence());
            ccProduces = c.arch().map(Arch::goarch).orElse(null);
            ccFinding(label, goarch.get(), String.join(" ", ccArgv), c).ifPresent(findings::add);
        }
        findings.addAll(toolchainFindings(t, label, runs, translated, goEnv, evidence));
        return new ToolchainSection(
                t.version(),
                t.goroot().toString(),
                t.source(),
                t.binaryArch().goarch(),
                runs,
                translated,
                goEnv,
                ccProduces,
                evidence);
    }

    /** {@code GOTOOLCHAIN=local go env -json} in your environment, the keys that matter to cgo. */
    private Map<String, String> goEnv(Toolchain t, Launch launch, List<Observation> evidence) throws IOException {
        Map<String, String> goEnv = new TreeMap<>();
        Map<String, String> env = new TreeMap<>(environment);
        env.put("GOTOOLCHAIN", "local");
        env.put("GOROOT", t.goroot().toString());
        ProcessSpec spec = new ProcessSpec(
                launch.wrap(List.of(t.goBinary().toString(), "env", "-json")),
                launch.environmentWith(env),
                Files.createDirectories(logDir),
                Duration.ofSeconds(120),
                Duration.ofSeconds(2),
                logDir.resolve("go-env-" + t.key() + ".out"),
                logDir.resolve("go-env-" + t.key() + ".err"));
        ProcessResult r = processes.run(spec);
        evidence.add(new Observation(
                "GOTOOLCHAIN=local " + spec.display() + " (in your environment)", r.exitCode(), r.combinedOutput()));
        if (r.succeeded()) {
            try {
                JsonNode json = Mappers.tree(r.stdout());
                for (String k : GO_ENV_KEYS) {
                    if (json.path(k).isTextual()) {
                        goEnv.put(k, json.path(k).asText());
                    }
                }
            } catch (IOException e) {
                evidence.add(Observation.read("go env -json output", "not JSON: " + e.getMessage()));
            }
        }
        String gotoolchain = goToolchain(t, environment, evidence);
        if (gotoolchain.isEmpty()) {
            goEnv.remove("GOTOOLCHAIN");
        } else {
            goEnv.put("GOTOOLCHAIN", gotoolchain);
        }
        return goEnv;
    }

    /** GOTOOLCHAIN as the go command would see it: the environment's, else the default in {@code $GOROOT/go.env}. */
    static String goToolchain(Toolchain t, Map<String, String> environment, List<Observation> evidence)
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

    /** What the toolchain's default CC means for cgo builds you start yourself (m1go sets CC per target). */
    Optional<Finding> ccFinding(String label, Arch goarch, String ccCommand, CompilerProbe.Compiled c) {
        if (c.problem() != null) {
            return Optional.of(FindingKind.TOOLCHAIN_CC_FAILS.finding(
                    label, c.evidence(), label, ccCommand, c.problem(), goarch.goarch()));
        }
        if (c.arch().isEmpty() || c.arch().get() == goarch) {
            return Optional.empty();
        }
        String suggestion;
        if (host.os() == Os.DARWIN) {
            suggestion = "set CC=\"clang -arch " + goarch.clangArch() + "\"";
        } else {
            CCompilers.Result r = crossCompilers.forTarget(goarch);
            suggestion = r.get()
                    .map(x -> "set CC=" + x.ccVariable() + " (found on PATH), or use a Go toolchain of "
                            + "this machine's architecture")
                    .orElse("set CC to a compiler for " + goarch.goarch() + " (" + r.missing() + ")");
        }
        String shell =
                host.os() == Os.DARWIN && Boolean.TRUE.equals(host.translated()) ? "run from a native shell or " : "";
        return Optional.of(FindingKind.TOOLCHAIN_CC_ARCH_MISMATCH.finding(
                label,
                c.evidence(),
                label,
                goarch.goarch(),
                ccCommand,
                c.arch().get().goarch(),
                shell + suggestion));
    }

    List<Finding> toolchainFindings(
            Toolchain t,
            String label,
            String runs,
            boolean translated,
            Map<String, String> goEnv,
            List<Observation> evidence) {
        List<Observation> header = evidence.subList(0, 1);
        List<Finding> findings = new ArrayList<>();
        if (runs.startsWith("cannot run here")) {
            findings.add(FindingKind.TOOLCHAIN_CANNOT_RUN.finding(
                    label, header, label, t.goroot(), runs.substring("cannot run here: ".length())));
            return findings;
        }
        if (translated && host.os() == Os.DARWIN) {
            findings.add(FindingKind.TOOLCHAIN_UNDER_ROSETTA.finding(
                    label,
                    header,
                    label,
                    t.binaryArch().goarch(),
                    goEnv.getOrDefault("GOARCH", t.binaryArch().goarch())));
        } else if (translated) {
            findings.add(FindingKind.TOOLCHAIN_TRANSLATED.finding(
                    label, header, label, host.arch().goarch()));
        }
        if ("0".equals(goEnv.get("CGO_ENABLED"))) {
            String goarch = goEnv.getOrDefault("GOARCH", "");
            String hostarch = goEnv.getOrDefault("GOHOSTARCH", "");
            String remedy = !goarch.equals(hostarch)
                    ? "GOARCH (" + goarch + ") differs from GOHOSTARCH (" + hostarch + "), so cgo defaults to off: "
                            + "set CGO_ENABLED=1 and CC to a C compiler for " + goarch + ", or unset GOARCH"
                    : "0".equals(environment.get("CGO_ENABLED"))
                            ? "unset CGO_ENABLED"
                            : "put a C compiler (cc, gcc or clang) on PATH, or set CC";
            findings.add(FindingKind.TOOLCHAIN_CGO_DISABLED.finding(
                    label,
                    evidence.stream()
                            .filter(o -> o.source().contains(" env -json"))
                            .toList(),
                    label,
                    remedy));
        }
        return findings;
    }
}
