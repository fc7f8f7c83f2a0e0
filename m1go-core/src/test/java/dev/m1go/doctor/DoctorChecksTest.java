package dev.m1go.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.doctor.DoctorReport.DockerSection;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.host.Arch;
import dev.m1go.host.BinfmtEntry;
import dev.m1go.host.Host;
import dev.m1go.host.HostProbe;
import dev.m1go.host.Observation;
import dev.m1go.host.Os;
import dev.m1go.toolchain.CCompilers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each section check of the doctor alone, on made-up hosts: what it finds, how severe, and whom it hurts. */
class DoctorChecksTest {

    private static final ProcessRunner NO_PROCESSES = spec -> {
        throw new AssertionError("no process expected: " + spec.display());
    };

    @TempDir
    Path tmp;

    private static Host host(Os os, Arch arch, String jvmArch, Boolean translated, List<BinfmtEntry> binfmt) {
        return new Host(
                os,
                arch,
                arch == Arch.AMD64 ? "x86_64" : "arm64",
                jvmArch,
                "6.1",
                translated,
                List.of(),
                binfmt,
                Map.of(),
                new TreeMap<>());
    }

    private HostProbe probe(Os os) {
        return new HostProbe(
                NO_PROCESSES, Map.of(), tmp.resolve("logs"), tmp.resolve("proc"), tmp.resolve("usr"), os, "amd64");
    }

    @Test
    void findingTable_hasKebabIds_formatsEveryText_andOnlyGoarchSetHasTwoTexts() {
        Set<String> ids = new HashSet<>();
        Object[] args = {"a1", "a2", "a3", "a4", "a5", "a6", "a7"};
        for (FindingKind k : FindingKind.values()) {
            assertThat(k.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            Finding f = k.finding("subject", List.of(), args);
            assertThat(f.message()).as(k.name()).isNotBlank().doesNotContain("%");
            assertThat(f.remedy()).as(k.name()).isNotBlank().doesNotContain("%");
            if (!ids.add(k.id())) {
                assertThat(k.id()).isEqualTo("goarch-set");
            }
        }
    }

    @Test
    void host_jvmOfAnotherArchitecture_onLinux_isJvmArchDiffers_forTheMatrix() {
        List<Finding> findings = new ArrayList<>();
        HostCheck.check(host(Os.LINUX, Arch.ARM64, "amd64", null, List.of()), probe(Os.LINUX), "amd64", findings);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("jvm-arch-differs");
            assertThat(f.affects()).isEqualTo(Affects.MATRIX);
            assertThat(f.message()).startsWith("this JVM is amd64 but the machine is arm64");
            assertThat(f.remedy()).isEqualTo("run Maven with a JDK built for arm64");
        });
    }

    @Test
    void host_translatedArmMac_withX8664Jvm_isProcessTranslated_jvmUnderRosetta_andRosettaMissing() {
        List<Finding> findings = new ArrayList<>();
        HostCheck.check(host(Os.DARWIN, Arch.ARM64, "x86_64", true, List.of()), probe(Os.DARWIN), "x86_64", findings);
        assertThat(findings)
                .extracting(Finding::id)
                .containsExactly("process-translated", "jvm-under-rosetta", "rosetta-missing");
    }

    @Test
    void docker_unreachable_isInfo_andAnEngineWithoutArm64_saysWhichPlatformIsMissing() {
        Observation ev = Observation.read("GET /version", "refused");
        assertThat(DockerCheck.findings(
                        new DockerSection("unix:///d.sock", false, "connection refused", null, List.of(), List.of(ev)),
                        Os.LINUX))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.id()).isEqualTo("docker-unreachable");
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.message()).contains("(connection refused)");
                });
        assertThat(DockerCheck.findings(
                        new DockerSection(
                                "unix:///d.sock", true, "20.10", "20.10", List.of("linux/amd64"), List.of(ev)),
                        Os.LINUX))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("linux/arm64 containers"));
    }

    @Test
    void binfmt_withoutFixFlag_andAMissingInterpreter_isAnErrorAndAWarning_forTheMatrix() throws Exception {
        BinfmtEntry entry =
                new BinfmtEntry("qemu-aarch64", true, tmp.resolve("gone").toString(), "P", Arch.ARM64);
        Host host = host(Os.LINUX, Arch.AMD64, "amd64", null, List.of(entry));
        List<Finding> findings = new ArrayList<>();
        new EmulatorCheck(host, probe(Os.LINUX), tmp).binfmt(entry, findings);
        assertThat(findings)
                .extracting(Finding::id, Finding::severity, Finding::affects)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "binfmt-interpreter-missing", Severity.ERROR, Affects.MATRIX),
                        org.assertj.core.groups.Tuple.tuple("binfmt-no-fix-binary", Severity.WARNING, Affects.MATRIX));
        assertThat(findings.get(0).message()).endsWith(": every arm64 program fails to start");
    }

    @Test
    void sysroot_missingLoader_forARunnableArchitecture_namesTheCrossPackage() {
        Host host = host(Os.LINUX, Arch.AMD64, "amd64", null, List.of());
        List<Finding> findings = new ArrayList<>();
        new EmulatorCheck(host, probe(Os.LINUX), tmp).sysroot(Arch.ARM64, true, findings);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("sysroot-missing");
            assertThat(f.remedy()).startsWith("apt-get install libc6-dev-arm64-cross (sysroot /usr/aarch64-linux-gnu)");
        });
    }

    @Test
    void compilers_onAnEmptyPath_sayWhatIsMissing_includingTheCrossCompilerForTheOtherArchitecture() throws Exception {
        Host host = host(Os.LINUX, Arch.AMD64, "amd64", null, List.of());
        Map<String, String> env =
                Map.of("PATH", Files.createDirectories(tmp.resolve("empty")).toString());
        List<DoctorReport.CompilerSection> sections = CompilerSurvey.survey(
                host,
                env,
                new CompilerProbe(NO_PROCESSES, env, tmp),
                new CCompilers(Os.LINUX, Arch.AMD64, env, NO_PROCESSES, tmp));
        assertThat(sections)
                .extracting(DoctorReport.CompilerSection::name, DoctorReport.CompilerSection::role)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cc", "default"),
                        org.assertj.core.groups.Tuple.tuple("aarch64-linux-gnu-gcc", "cross compiler for arm64"));
        assertThat(sections.get(0).problem()).isEqualTo("cc not found on PATH");
        assertThat(CompilerSurvey.crossTargets(
                        host(Os.DARWIN, Arch.ARM64, "aarch64", false, List.of()), new dev.m1go.host.PathLookup("")))
                .containsExactly(Arch.AMD64, Arch.ARM64);
    }

    @Test
    void toolchainCc_ofTheWrongArchitecture_isAnError_forYourOwnBuildsOnly_notTheMatrix() throws Exception {
        Host mac = host(Os.DARWIN, Arch.ARM64, "aarch64", false, List.of());
        ToolchainCheck check = new ToolchainCheck(
                mac,
                NO_PROCESSES,
                null,
                Map.of(),
                null,
                new CCompilers(Os.DARWIN, Arch.ARM64, Map.of(), NO_PROCESSES, tmp),
                tmp);
        Finding f = check.ccFinding(
                        "go1.22.12 (arm64)",
                        Arch.ARM64,
                        "clang",
                        new CompilerProbe.Compiled(Arch.AMD64, "Mach-O", null, List.of()))
                .orElseThrow();
        assertThat(f.id()).isEqualTo("toolchain-cc-arch-mismatch");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.affects()).isEqualTo(Affects.MANUAL_BUILDS);
        assertThat(f.message())
                .startsWith("go1.22.12 (arm64) builds arm64 and will link with clang producing amd64 " + "objects")
                .contains("m1go:reproduce sets CC per target");
        assertThat(f.remedy()).isEqualTo("set CC=\"clang -arch arm64\"");
        assertThat(Doctor.failing(f, FailOn.WARNING))
                .as("never fails the matrix preflight")
                .isFalse();
        assertThat(check.ccFinding(
                        "go1.22.12 (arm64)",
                        Arch.ARM64,
                        "clang",
                        new CompilerProbe.Compiled(Arch.ARM64, "Mach-O", null, List.of())))
                .isEmpty();
    }

    @Test
    void flagFindings_breakTheMatrix_onlyWhenItInheritsTheEnvironment_andWhatItSetsItselfNever() throws Exception {
        Host host = host(Os.LINUX, Arch.AMD64, "amd64", null, List.of());
        Map<String, String> env = Map.of(
                "CGO_CXXFLAGS",
                "-std=c11",
                "CGO_ENABLED",
                "0",
                "PATH",
                Files.createDirectories(tmp.resolve("b")).toString());
        for (Affects affects : Affects.values()) {
            List<Finding> findings = new ArrayList<>();
            new EnvironmentCheck(host, env, null, tmp, affects).check(Arch.AMD64, "test", findings);
            assertThat(findings)
                    .extracting(Finding::id, Finding::affects)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("cgo-disabled", Affects.MANUAL_BUILDS),
                            org.assertj.core.groups.Tuple.tuple("cgo-cxxflags-c-flag", affects));
        }
    }
}
