package dev.m1go.doctor;

import static dev.m1go.doctor.DoctorTestSupport.finding;
import static dev.m1go.doctor.DoctorTestSupport.ids;
import static dev.m1go.doctor.DoctorTestSupport.json;
import static dev.m1go.testing.HostComponents.onlyOn;
import static dev.m1go.testing.HostComponents.require;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.m1go.exec.CommonsExecProcessRunner;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.host.PathLookup;
import dev.m1go.toolchain.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor on this Linux machine's real compilers, with one real Go toolchain (the go on PATH) and a provoked
 * environment each time. Findings are read back from doctor.json.
 */
class DoctorLinuxTest {

    @TempDir
    Path tmp;

    /** The GOROOT of the go on PATH. */
    private Path goRoot;

    @BeforeEach
    void linuxAmd64WithGo() {
        onlyOn(
                Os.current().orElse(null) == Os.LINUX && "amd64".equals(System.getProperty("os.arch")),
                "a Linux x86_64 host");
        goRoot = new PathLookup(System.getenv("PATH"))
                .find("go")
                .map(DoctorLinuxTest::goRootOf)
                .orElse(null);
        require(goRoot != null, "go on PATH");
        require(new PathLookup(System.getenv("PATH")).find("gcc").isPresent(), "gcc on PATH");
    }

    private static Path goRootOf(Path go) {
        try {
            return go.toRealPath().getParent().getParent();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private JsonNode run(Map<String, String> extra, Path procRoot) throws Exception {
        Map<String, String> env = new HashMap<>();
        for (String k : List.of("PATH", "HOME")) {
            env.put(k, System.getenv(k));
        }
        env.put("DOCKER_HOST", "unix://" + tmp.resolve("no-docker.sock"));
        env.putAll(extra);
        Toolchain go = new Toolchain("go1.26.8", goRoot, Arch.AMD64, "PATH", Map.of(), null);
        Doctor doctor = new Doctor(
                new CommonsExecProcessRunner(),
                Os.LINUX,
                "amd64",
                procRoot,
                Path.of("/"),
                (host, launcher, e, home, roots, logDir) -> List.of(go),
                Clock.systemUTC(),
                new DoctorTestSupport.Lines());
        return json(doctor.run(new DoctorSettings(tmp.resolve("out"), List.of(), "never", env, tmp)));
    }

    private JsonNode run(Map<String, String> extra) throws Exception {
        return run(extra, Path.of("/proc"));
    }

    @Test
    void cleanEnvironment_hasNoAmbientFinding_andGoBuildsWithAnAmd64Cc() throws Exception {
        JsonNode d = run(Map.of());

        assertThat(ids(d))
                .doesNotContain(
                        "goarch-set", "cgo-cflags-cxx-flag", "library-dir-wrong-arch", "toolchain-cc-arch-mismatch");
        JsonNode go = d.path("toolchains").get(0);
        assertThat(go.path("runs").asText()).isEqualTo("native");
        assertThat(go.path("ccProduces").asText()).isEqualTo("amd64");
        assertThat(d.path("environment").path("variables").path("GOARCH").isNull())
                .isTrue();
    }

    @Test
    void goarchInEnvironment_warnsThatGoRunBuildsBinariesThisMachineCannotExecute() throws Exception {
        JsonNode d = run(Map.of("GOARCH", "arm64"));

        JsonNode f = finding(d, "goarch-set").orElseThrow();
        assertThat(f.path("severity").asText()).isEqualTo("warning");
        assertThat(f.path("message").asText())
                .startsWith("GOARCH is set in the environment (GOARCH=arm64): go run "
                        + "and go test will build linux/arm64 binaries, which this amd64 machine cannot execute");
        assertThat(f.path("remedy").asText()).startsWith("unset GOARCH");
        assertThat(d.path("toolchains").get(0).path("goEnv").path("GOARCH").asText())
                .as("go env is asked in the user's environment")
                .isEqualTo("arm64");
    }

    @Test
    void cxxStandardInCgoCflags_isFound_withGccsWarning_andTheRemedyMovesIt() throws Exception {
        JsonNode d = run(Map.of("CGO_CFLAGS", "-O2 -std=gnu++17"));

        JsonNode f = finding(d, "cgo-cflags-cxx-flag").orElseThrow();
        assertThat(f.path("subject").asText()).isEqualTo("CGO_CFLAGS");
        assertThat(f.path("message").asText())
                .startsWith("CGO_CFLAGS contains -std=gnu++17, a C++ flag that clang " + "rejects for C")
                .contains("warns: cc1: warning: command-line option");
        assertThat(f.path("severity").asText()).as("gcc only warns").isEqualTo("warning");
        assertThat(f.path("remedy").asText()).isEqualTo("move -std=gnu++17 to CGO_CXXFLAGS");
    }

    @Test
    void libraryDirectoryOfArm64Archives_underAnAmd64Go_isError_namingTheDirectory() throws Exception {
        require(
                new PathLookup(System.getenv("PATH"))
                        .find("aarch64-linux-gnu-gcc")
                        .isPresent(),
                "aarch64-linux-gnu-gcc on PATH");
        Path lib = Files.createDirectories(tmp.resolve("arm64-lib"));
        Files.writeString(lib.resolve("answer.c"), "int answer(void) { return 42; }\n");
        exec(lib, "aarch64-linux-gnu-gcc", "-c", "answer.c", "-o", "answer.o");
        exec(lib, "aarch64-linux-gnu-ar", "rcs", "libanswer.a", "answer.o");

        JsonNode d = run(Map.of("CGO_LDFLAGS", "-L" + lib + " -lanswer"));

        JsonNode dir = d.path("environment").path("libraryDirectories").get(0);
        assertThat(dir.path("path").asText()).isEqualTo(lib.toString());
        assertThat(dir.path("archs").path("arm64").asInt()).isEqualTo(1);
        JsonNode f = finding(d, "library-dir-wrong-arch").orElseThrow();
        assertThat(f.path("severity").asText()).isEqualTo("error");
        assertThat(f.path("message").asText())
                .contains(lib + ", which holds only arm64 libraries (libanswer.a (arm64))"
                        + ", but Go builds amd64 here (go env GOARCH of the go on PATH, go1.26.8)");
        assertThat(f.path("remedy").asText())
                .startsWith("remove -L" + lib + " from CGO_LDFLAGS, or point it at amd64 "
                        + "libraries (such as /usr/lib/x86_64-linux-gnu)");
    }

    @Test
    void binfmtHandlerWithoutF_warnsThatContainersCannotUseIt() throws Exception {
        Path proc = tmp.resolve("proc");
        Path dir = Files.createDirectories(proc.resolve("sys/fs/binfmt_misc"));
        // This machine's real registration (Debian's qemu-user-static), with the F flag taken away.
        Files.writeString(dir.resolve("qemu-aarch64"), """
                enabled
                interpreter /usr/libexec/qemu-binfmt/aarch64-binfmt-P
                flags: P
                offset 0
                magic 7f454c460201010000000000000000000200b700
                mask ffffffffffffff00fffffffffffffffffeffffff
                """);
        Files.writeString(dir.resolve("status"), "enabled\n");

        JsonNode d = run(Map.of(), proc);

        JsonNode f = finding(d, "binfmt-no-fix-binary").orElseThrow();
        assertThat(f.path("severity").asText()).isEqualTo("warning");
        assertThat(f.path("message").asText())
                .startsWith("binfmt handler qemu-aarch64 lacks the F flag: containers " + "cannot use it");
        assertThat(f.path("remedy").asText()).contains("register it again with the F flag");
        assertThat(f.path("evidence").toString()).contains("read " + dir.resolve("qemu-aarch64"));
        JsonNode line = d.path("emulators").path("binfmt").get(0);
        assertThat(line.path("flags").asText()).isEqualTo("P");
        assertThat(line.path("arch").asText()).isEqualTo("arm64");
    }

    @Test
    void binfmtHandlerWithPF_andStaticInterpreter_hasNoFlagFinding() throws Exception {
        Path proc = tmp.resolve("proc");
        Path dir = Files.createDirectories(proc.resolve("sys/fs/binfmt_misc"));
        require(Files.exists(Path.of("/usr/bin/qemu-aarch64-static")), "qemu-aarch64-static");
        Files.writeString(dir.resolve("qemu-aarch64"), """
                enabled
                interpreter /usr/bin/qemu-aarch64-static
                flags: PF
                offset 0
                magic 7f454c460201010000000000000000000200b700
                mask ffffffffffffff00fffffffffffffffffeffffff
                """);

        JsonNode d = run(Map.of(), proc);

        assertThat(d.path("emulators")
                        .path("binfmt")
                        .get(0)
                        .path("interpreterLinking")
                        .asText())
                .isEqualTo("static");
        assertThat(ids(d))
                .doesNotContain(
                        "binfmt-no-fix-binary",
                        "binfmt-dynamic-interpreter",
                        "binfmt-no-preserve-argv0",
                        "binfmt-interpreter-missing");
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
