package dev.m1go.doctor;

import static dev.m1go.doctor.DoctorTestSupport.finding;
import static dev.m1go.doctor.DoctorTestSupport.ids;
import static dev.m1go.doctor.DoctorTestSupport.json;
import static dev.m1go.doctor.DoctorTestSupport.named;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.m1go.doctor.MacStandIns.Mac;
import dev.m1go.exec.CommonsExecProcessRunner;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.toolchain.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The macOS paths of the doctor, on stand-in {@code uname}, {@code sysctl}, {@code arch}, {@code clang} and
 * {@code go} programs (see {@link MacStandIns} for where each text comes from). The doctor is built as a darwin
 * doctor; nothing of this Linux machine is on its PATH.
 */
class DoctorMacTest {

    @TempDir
    Path tmp;

    private final DoctorTestSupport.Lines log = new DoctorTestSupport.Lines();

    private Doctor.Result run(Mac mac, String jvmArch, String goArch, Map<String, String> extraEnv) throws Exception {
        return run(mac, jvmArch, goArch, extraEnv, "never");
    }

    private Doctor.Result run(Mac mac, String jvmArch, String goArch, Map<String, String> extraEnv, String failOn)
            throws Exception {
        Path bin = MacStandIns.write(tmp.resolve("bin"), mac);
        Path goroot = MacStandIns.goroot(tmp.resolve("go-" + goArch), goArch);
        Toolchain go = new Toolchain("go1.22.12", goroot, Arch.parse(goArch).orElseThrow(), "PATH", Map.of(), null);
        Map<String, String> env = new HashMap<>(Map.of(
                "PATH",
                bin.toString(),
                "HOME",
                tmp.toString(),
                "DOCKER_HOST",
                "unix://" + tmp.resolve("no-docker.sock")));
        env.putAll(extraEnv);
        Path proc = Files.createDirectories(tmp.resolve("proc"));
        Doctor doctor = new Doctor(
                new CommonsExecProcessRunner(),
                Os.DARWIN,
                jvmArch,
                proc,
                tmp.resolve("root"),
                (host, launcher, e, home, roots, logDir) -> List.of(go),
                Clock.systemUTC(),
                log);
        return doctor.run(new DoctorSettings(tmp.resolve("out"), List.of(), failOn, env, tmp));
    }

    @Test
    void nativeM1_reportsArm64_notTranslated_rosettaInstalled_andNoProblems() throws Exception {
        JsonNode d = json(run(Mac.NATIVE_M1, "aarch64", "arm64", Map.of()));

        JsonNode host = d.path("host");
        assertThat(host.path("os").asText()).isEqualTo("darwin");
        assertThat(host.path("arch").asText()).isEqualTo("arm64");
        assertThat(host.path("unameMachine").asText()).isEqualTo("arm64");
        assertThat(host.path("hwOptionalArm64").asText()).isEqualTo("1");
        assertThat(host.path("procTranslated").asText()).isEqualTo("0");
        assertThat(host.path("translated").asBoolean(true)).isFalse();
        assertThat(host.path("translation").asText()).startsWith("no: sysctl.proc_translated is 0");
        assertThat(host.path("evidence").toString()).contains("sysctl -n sysctl.proc_translated");
        assertThat(d.path("emulators").path("rosetta").asText()).startsWith("installed");

        JsonNode go = d.path("toolchains").get(0);
        assertThat(go.path("runs").asText()).isEqualTo("native");
        assertThat(go.path("goEnv").path("GOOS").asText()).isEqualTo("darwin");
        assertThat(go.path("goEnv").path("GOTOOLCHAIN").asText()).isEqualTo("auto");
        assertThat(go.path("ccProduces").asText()).isEqualTo("arm64");

        assertThat(named(d.path("compilers"), "name", "clang").path("produces").asText())
                .isEqualTo("arm64");
        assertThat(named(d.path("compilers"), "name", "clang -arch x86_64")
                        .path("produces")
                        .asText())
                .isEqualTo("amd64");
        assertThat(ids(d))
                .doesNotContain(
                        "process-translated",
                        "jvm-under-rosetta",
                        "toolchain-cc-arch-mismatch",
                        "rosetta-missing",
                        "toolchain-under-rosetta");
        assertThat(d.path("findings").toString()).doesNotContain("\"severity\":\"error\"");
    }

    @Test
    void everyFinding_isPrintedOnce_withItsRemedy_andTheCcMismatchOfYourOwnBuilds_doesNotFailTheGoal()
            throws Exception {
        Doctor.Result r = run(
                Mac.TRANSLATED_M1,
                "x86_64",
                "arm64",
                Map.of("CC", tmp.resolve("bin/gcc-13").toString()),
                "error");

        assertThat(r.report().findings()).extracting(Finding::id).contains("toolchain-cc-arch-mismatch");
        for (Finding f : r.report().findings()) {
            assertThat(log.lines.stream().filter(l -> l.contains(" " + f.id() + " ") || l.contains(" " + f.id() + ":")))
                    .as("log entries naming %s", f.id())
                    .hasSize(1)
                    .allSatisfy(l -> assertThat(l).contains(f.message()).contains("remedy: " + f.remedy()));
        }
        Finding mismatch = r.report().findings().stream()
                .filter(f -> f.id().equals("toolchain-cc-arch-mismatch"))
                .findFirst()
                .orElseThrow();
        assertThat(mismatch.affects()).isEqualTo(Affects.MANUAL_BUILDS);
        assertThat(log.lines)
                .anyMatch(l -> l.startsWith("[INFO] BREAKS toolchain-cc-arch-mismatch (your own builds " + "only): "));
        assertThat(r.report().findings()).extracting(Finding::id).contains("cc-set");
        assertThat(r.failing())
                .as("under failOn=error only errors that break the matrix")
                .isEmpty();
    }

    /** CI log scanners flag "ERROR": a doctor that does not fail prints it nowhere, and counts in proper English. */
    @Test
    void aGreenDoctor_printsNoLineWithERROR_andCountsInWords() throws Exception {
        Doctor.Result r = run(
                Mac.TRANSLATED_M1,
                "x86_64",
                "arm64",
                Map.of("CC", tmp.resolve("bin/gcc-13").toString()),
                "never");
        assertThat(r.report().findings()).extracting(Finding::severity).contains(Severity.ERROR);
        assertThat(r.failing()).isEmpty();
        assertThat(log.lines).noneMatch(l -> l.contains("ERROR")).noneMatch(l -> l.contains("(s)"));
        long errors = r.report().findings().stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .count();
        assertThat(log.lines)
                .anyMatch(l -> l.startsWith("[INFO] m1go doctor: " + dev.m1go.core.Plural.of(errors, "error") + ", ")
                        && l.contains("; none fails the goal;"));
    }

    @Test
    void translatedM1_saysSo_andFindsTheX8664Jvm_withRemedies() throws Exception {
        JsonNode d = json(run(Mac.TRANSLATED_M1, "x86_64", "arm64", Map.of()));

        JsonNode host = d.path("host");
        assertThat(host.path("arch").asText())
                .as("hw.optional.arm64 stays 1 under Rosetta")
                .isEqualTo("arm64");
        assertThat(host.path("unameMachine").asText()).isEqualTo("x86_64");
        assertThat(host.path("procTranslated").asText()).isEqualTo("1");
        assertThat(host.path("translated").asBoolean()).isTrue();

        JsonNode jvm = finding(d, "jvm-under-rosetta").orElseThrow();
        assertThat(jvm.path("severity").asText()).isEqualTo("warning");
        assertThat(jvm.path("message").asText())
                .startsWith("this JVM is x86_64 under Rosetta on an arm64 Mac: Java reports the wrong architecture");
        assertThat(jvm.path("remedy").asText()).contains("arm64 (aarch64) JDK");
        JsonNode proc = finding(d, "process-translated").orElseThrow();
        assertThat(proc.path("remedy").asText()).contains("native arm64 shell");
        assertThat(proc.path("evidence").toString()).contains("sysctl -n sysctl.proc_translated");

        assertThat(named(d.path("compilers"), "name", "clang").path("produces").asText())
                .as("a universal clang started by a translated process builds x86_64")
                .isEqualTo("amd64");
        assertThat(d.path("toolchains").get(0).path("ccProduces").asText())
                .as("the arm64 go starts clang as arm64")
                .isEqualTo("arm64");
    }

    @Test
    void translatedM1_withIntelHomebrewGcc_findsArm64GoLinkingX8664Objects() throws Exception {
        Path gcc = tmp.resolve("bin/gcc-13");
        Doctor.Result r = run(Mac.TRANSLATED_M1, "x86_64", "arm64", Map.of("CC", gcc.toString()));
        JsonNode d = json(r);

        JsonNode f = finding(d, "toolchain-cc-arch-mismatch").orElseThrow();
        assertThat(f.path("severity").asText()).isEqualTo("error");
        assertThat(f.path("message").asText())
                .startsWith("go1.22.12 builds arm64 and will link with " + gcc + " producing amd64 objects");
        assertThat(f.path("remedy").asText()).isEqualTo("run from a native shell or set CC=\"clang -arch arm64\"");
        assertThat(f.path("evidence").toString()).contains("header of").contains("Mach-O amd64");
        assertThat(finding(d, "cc-set")).isPresent();
    }

    @Test
    void nativeM1_withAmd64Go_runsItUnderRosetta_andWarns() throws Exception {
        JsonNode d = json(run(Mac.NATIVE_M1, "aarch64", "amd64", Map.of()));

        JsonNode go = d.path("toolchains").get(0);
        assertThat(go.path("runs").asText()).isEqualTo("translated (rosetta)");
        assertThat(go.path("evidence").toString()).contains("-x86_64 " + tmp.resolve("go-amd64/bin/go") + " env -json");
        assertThat(go.path("goEnv").path("GOARCH").asText()).isEqualTo("amd64");
        JsonNode f = finding(d, "toolchain-under-rosetta").orElseThrow();
        assertThat(f.path("remedy").asText()).isEqualTo("install the darwin-arm64 Go and put it first on PATH");
    }

    @Test
    void m1WithoutRosetta_findsItMissing() throws Exception {
        JsonNode d = json(run(Mac.M1_WITHOUT_ROSETTA, "aarch64", "arm64", Map.of()));

        assertThat(d.path("emulators").path("rosetta").asText()).startsWith("not installed");
        JsonNode f = finding(d, "rosetta-missing").orElseThrow();
        assertThat(f.path("remedy").asText()).isEqualTo("softwareupdate --install-rosetta --agree-to-license");
        assertThat(f.path("evidence").toString()).contains("Bad CPU type in executable");
    }

    @Test
    void intelMac_unknownOids_meanNativeAmd64_withoutRosetta() throws Exception {
        JsonNode d = json(run(Mac.INTEL, "x86_64", "amd64", Map.of()));

        JsonNode host = d.path("host");
        assertThat(host.path("arch").asText()).isEqualTo("amd64");
        assertThat(host.path("procTranslated").asText())
                .isEqualTo("exit 1: sysctl: unknown oid 'sysctl.proc_translated'");
        assertThat(host.path("translated").asBoolean(true)).isFalse();
        assertThat(host.path("translation").asText()).contains("Intel Mac");
        assertThat(d.path("emulators").path("rosetta").asText()).startsWith("not applicable");
        assertThat(d.path("toolchains").get(0).path("runs").asText()).isEqualTo("native");
        assertThat(ids(d)).doesNotContain("jvm-under-rosetta", "process-translated", "rosetta-missing");
    }
}
