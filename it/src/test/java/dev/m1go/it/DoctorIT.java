package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code m1go:doctor} as a user runs it (no project), on this machine's real toolchains, compilers, qemu, binfmt
 * handlers and Docker; findings provoked through the environment Maven is started with, read back from doctor.json.
 */
class DoctorIT {

    private static JsonNode doctor(Maven.Run run) throws Exception {
        return Maven.Run.report(run.directory().resolve("target/m1go/doctor.json"));
    }

    private static JsonNode finding(JsonNode doctor, String id, String subject) {
        for (JsonNode f : doctor.path("findings")) {
            if (f.path("id").asText().equals(id)
                    && (subject == null || f.path("subject").asText().equals(subject))) {
                return f;
            }
        }
        throw new AssertionError("no finding " + id + " (" + subject + ") in " + doctor.path("findings"));
    }

    private static JsonNode named(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no entry with " + field + "=" + value + " in " + array);
    }

    @Test
    void readmePreflight_onThisMachine_isGreen_andReportsQemuBinfmtCrossCompilerAndTheArm64Toolchain()
            throws Exception {
        Components.requireLinuxMatrix();
        Path dir = Maven.workDirectory("doctor-machine");

        // The README's command, with the default m1go.doctor.failOn=error.
        Maven.Run run = Maven.run(dir, Maven.goal("doctor"), "-Dm1go.goRoots=" + Components.ARM64_GOROOT)
                .succeeded();
        JsonNode d = doctor(run);

        assertThat(d.path("schema").asText()).isEqualTo("m1go-doctor/1");
        JsonNode host = d.path("host");
        assertThat(host.path("os").asText()).isEqualTo("linux");
        assertThat(host.path("unameMachine").asText()).isEqualTo("x86_64");
        assertThat(host.path("jvmArch").asText()).isEqualTo("amd64");
        assertThat(host.path("translation").asText()).startsWith("unknown");

        JsonNode arm64Go = named(d.path("toolchains"), "goroot", Components.ARM64_GOROOT.toString());
        assertThat(arm64Go.path("version").asText()).isEqualTo("go1.19.8");
        assertThat(arm64Go.path("binaryArch").asText()).isEqualTo("arm64");
        assertThat(arm64Go.path("runs").asText()).isEqualTo("translated (binfmt)");
        assertThat(arm64Go.path("goEnv").path("GOARCH").asText()).isEqualTo("arm64");
        assertThat(arm64Go.path("goEnv").path("GOHOSTARCH").asText()).isEqualTo("arm64");
        assertThat(arm64Go.path("ccProduces").asText()).isEqualTo("amd64");
        assertThat(arm64Go.path("evidence").toString()).contains("ELF arm64, interpreter /lib/ld-linux-aarch64.so.1");
        for (String v : new String[] {"1.19", "1.21", "1.22", "1.23"}) {
            JsonNode t = named(d.path("toolchains"), "goroot", "/usr/lib/go-" + v);
            assertThat(t.path("runs").asText()).isEqualTo("native");
            assertThat(t.path("ccProduces").asText()).isEqualTo("amd64");
        }

        JsonNode mismatch = finding(d, "toolchain-cc-arch-mismatch", "go1.19.8 (arm64)");
        assertThat(mismatch.path("severity").asText()).isEqualTo("error");
        assertThat(mismatch.path("affects").asText())
                .as("reproduce sets CC per target")
                .isEqualTo("manual-builds");
        assertThat(mismatch.path("message").asText())
                .startsWith("go1.19.8 (arm64) builds arm64 and will link with gcc producing amd64 objects");
        assertThat(mismatch.path("remedy").asText()).startsWith("set CC=aarch64-linux-gnu-gcc (found on PATH)");

        JsonNode cross = named(d.path("compilers"), "name", "aarch64-linux-gnu-gcc");
        assertThat(cross.path("role").asText()).isEqualTo("cross compiler for arm64");
        assertThat(cross.path("produces").asText()).isEqualTo("arm64");
        assertThat(named(d.path("compilers"), "name", "cc").path("produces").asText())
                .isEqualTo("amd64");

        JsonNode emulators = d.path("emulators");
        assertThat(named(emulators.path("emulators"), "name", "qemu-aarch64")
                        .path("version")
                        .asText())
                .startsWith("qemu-aarch64 version 7.2");
        JsonNode binfmt = named(emulators.path("binfmt"), "name", "qemu-aarch64");
        assertThat(binfmt.path("enabled").asBoolean()).isTrue();
        assertThat(binfmt.path("arch").asText()).isEqualTo("arm64");
        assertThat(binfmt.path("flags").asText()).contains("F").contains("P");
        assertThat(binfmt.path("interpreterLinking").asText()).isEqualTo("static");
        JsonNode sysroot = named(emulators.path("sysroots"), "arch", "arm64");
        assertThat(sysroot.path("path").asText()).isEqualTo("/usr/aarch64-linux-gnu");
        assertThat(sysroot.path("loaderPresent").asBoolean()).isTrue();
        assertThat(d.path("findings").toString()).doesNotContain("binfmt-no-fix-binary");

        JsonNode docker = d.path("docker");
        if (!Files.exists(Path.of("/var/run/docker.sock"))) {
            assertThat(docker.path("reachable").asBoolean()).isFalse();
            assertThat(docker.path("status").asText()).contains("no socket at /var/run/docker.sock");
            assertThat(finding(d, "docker-unreachable", "Docker")
                            .path("severity")
                            .asText())
                    .isEqualTo("info");
        } else if (docker.path("reachable").asBoolean()) {
            assertThat(docker.path("platforms").toString())
                    .contains("linux/amd64")
                    .contains("linux/arm64 (emulated by binfmt_misc qemu-aarch64)");
        } else {
            assertThat(docker.path("status").asText()).contains("no engine answers at unix:///var/run/docker.sock");
        }

        assertThat(run.output())
                .contains("[INFO] Emulators")
                .contains("[INFO]   binfmt qemu-aarch64")
                .contains("<- read /proc/sys/fs/binfmt_misc/qemu-aarch64: enabled")
                .contains("BREAKS toolchain-cc-arch-mismatch (your own builds only): go1.19.8 (arm64) builds arm64")
                .as("a green doctor prints no ERROR line")
                .doesNotContain("] ERROR ")
                .containsPattern("m1go doctor: \\d+ errors?, \\d+ warnings?, \\d+ notes?.*; none fails the goal;");
        // one finding per arm64 toolchain (the install script unpacks several), each printed once
        assertThat(run.output()
                        .split("toolchain-cc-arch-mismatch \\(your own builds only\\): go1.19.8 \\(arm64\\)", -1))
                .as("printed once")
                .hasSize(2);
    }

    @Test
    void doctor_cxxFlagAndArm64LibraryDirectory_areFoundWithRemedies_andTheErrorFailsTheBuild() throws Exception {
        Components.requireLinuxMatrix();
        Path dir = Maven.workDirectory("doctor-mixed");
        Path lib = Files.createDirectories(dir.resolve("arm64-lib"));
        Files.writeString(lib.resolve("answer.c"), "int answer(void) { return 42; }\n");
        exec(lib, "aarch64-linux-gnu-gcc", "-c", "answer.c", "-o", "answer.o");
        exec(lib, "aarch64-linux-gnu-ar", "rcs", "libanswer.a", "answer.o");

        // With the environment passed on to the matrix, what CGO_LDFLAGS breaks breaks the matrix too.
        Maven.Run run = Maven.run(
                        dir,
                        Map.of(
                                "CGO_CFLAGS",
                                "-std=gnu++17",
                                "CGO_LDFLAGS",
                                "-L" + lib + " -lanswer",
                                "DOCKER_HOST",
                                "unix://" + dir.resolve("docker.sock")),
                        Maven.goal("doctor"),
                        "-Dm1go.inheritEnvironment=true")
                .failed();
        JsonNode d = doctor(run);

        JsonNode cxx = finding(d, "cgo-cflags-cxx-flag", "CGO_CFLAGS");
        assertThat(cxx.path("message").asText())
                .startsWith("CGO_CFLAGS contains -std=gnu++17, a C++ flag that clang rejects for C");
        assertThat(cxx.path("remedy").asText()).isEqualTo("move -std=gnu++17 to CGO_CXXFLAGS");
        JsonNode libs = finding(d, "library-dir-wrong-arch", "CGO_LDFLAGS");
        assertThat(libs.path("severity").asText()).isEqualTo("error");
        assertThat(libs.path("affects").asText()).isEqualTo("matrix");
        assertThat(libs.path("message").asText())
                .contains("which holds only arm64 libraries (libanswer.a (arm64))")
                .contains("but Go builds amd64 here");
        assertThat(libs.path("remedy").asText())
                .startsWith("remove -L" + lib + " from CGO_LDFLAGS, or point it at " + "amd64 libraries");
        assertThat(libs.path("evidence").get(0).path("output").asText()).startsWith("arm64: 1 (libanswer.a)");
        assertThat(d.path("docker").path("reachable").asBoolean()).isFalse();
        assertThat(d.path("docker").path("status").asText()).isEqualTo("no socket at " + dir.resolve("docker.sock"));

        assertThat(run.output())
                .contains("1 finding at or above -Dm1go.doctor.failOn=error breaks the matrix")
                .contains("error library-dir-wrong-arch (CGO_LDFLAGS)")
                .contains("Set -Dm1go.doctor.failOn=never to report without failing.")
                .doesNotContain("at dev.m1go.");
    }

    @Test
    void doctor_goarchInEnvironment_isAWarningAboutYourOwnBuilds_thatDoesNotFailTheMatrixPreflight() throws Exception {
        Components.requireLinuxMatrix();
        Path dir = Maven.workDirectory("doctor-goarch");

        Maven.Run run = Maven.run(
                        dir,
                        Map.of("GOARCH", "arm64", "DOCKER_HOST", "unix://" + dir.resolve("d.sock")),
                        Maven.goal("doctor"),
                        "-Dm1go.doctor.failOn=warning")
                .succeeded();
        JsonNode d = doctor(run);

        JsonNode f = finding(d, "goarch-set", "GOARCH");
        assertThat(f.path("severity").asText()).isEqualTo("warning");
        assertThat(f.path("affects").asText())
                .as("reproduce sets GOARCH per cell")
                .isEqualTo("manual-builds");
        assertThat(f.path("message").asText())
                .startsWith("GOARCH is set in the environment (GOARCH=arm64): go run and "
                        + "go test will build linux/arm64 binaries, which this amd64 machine cannot execute natively");
        assertThat(f.path("remedy").asText()).startsWith("unset GOARCH");
        assertThat(named(d.path("toolchains"), "goroot", "/usr/lib/go-1.22")
                        .path("goEnv")
                        .path("CGO_ENABLED")
                        .asText())
                .as("cgo is off by default for the cross build GOARCH asks for")
                .isEqualTo("0");
        assertThat(run.output()).contains("WARNING goarch-set (your own builds only): GOARCH is set");
    }

    @Test
    void doctor_unknownFailOn_namesTheProperty_withoutStackTrace() throws Exception {
        Path dir = Maven.workDirectory("doctor-bad-failon");

        Maven.Run run = Maven.run(dir, Maven.goal("doctor"), "-Dm1go.doctor.failOn=sometimes")
                .failed();

        assertThat(run.output())
                .contains("m1go.doctor.failOn is 'sometimes': use warning, error (the default) or never")
                .doesNotContain("at dev.m1go.");
        assertThat(dir.resolve("target/m1go/doctor.json")).doesNotExist();
    }

    @Test
    void doctor_skip_logsItsReason_andWritesNothing() throws Exception {
        Path dir = Maven.workDirectory("doctor-skip");

        Maven.Run run = Maven.run(dir, Maven.goal("doctor"), "-Dm1go.skip=true").succeeded();

        assertThat(run.output()).contains("[INFO] Skipping m1go:doctor because m1go.skip is true.");
        assertThat(dir.resolve("target/m1go/doctor.json")).doesNotExist();
    }

    private static void exec(Path dir, String... argv) throws Exception {
        Process p = new ProcessBuilder(argv)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", argv) + ": " + out).isZero();
    }
}
