package dev.m1go.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.exec.CommonsExecProcessRunner;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.runner.Runner;
import dev.m1go.runner.Runners;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The macOS side of the host probe and the Rosetta runner, with stand-in {@code uname}, {@code sysctl} and
 * {@code arch} programs first on PATH printing what an Apple silicon Mac prints. (No Mac is available to the build;
 * these texts are what `uname -m`, `sysctl -n hw.optional.arm64`, `sysctl -n sysctl.proc_translated` print there:
 * arm64/x86_64, 1, 0 or 1, and "sysctl: unknown oid 'hw.optional.arm64'" on Intel Macs.)
 */
class MacStandInTest {

    @TempDir
    Path dir;

    private void program(String name, String body) throws IOException {
        Path p = Files.writeString(Files.createDirectories(dir.resolve("bin")).resolve(name), "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void mac(String unameM, String arm64, String translated, boolean rosetta) throws IOException {
        program("uname", "case \"$1\" in -m) echo " + unameM + ";; -r) echo 24.1.0;; *) echo Darwin;; esac\n");
        program("sysctl", """
                case "$2" in
                  hw.optional.arm64) %s;;
                  sysctl.proc_translated) %s;;
                  *) echo "sysctl: unknown oid '$2'" >&2; exit 1;;
                esac
                """.formatted(arm64, translated));
        program(
                "arch",
                rosetta
                        ? "[ \"$1\" = -x86_64 ] && shift; exec \"$@\"\n"
                        : "echo \"arch: posix_spawnp: $2: Bad CPU type in executable\" >&2; exit 1\n");
    }

    private Host probe() throws IOException {
        Map<String, String> env = Map.of("PATH", dir.resolve("bin") + ":/usr/bin:/bin");
        return new HostProbe(
                        new CommonsExecProcessRunner(),
                        env,
                        dir.resolve("logs"),
                        dir.resolve("proc"),
                        dir.resolve("usr"),
                        Os.DARWIN,
                        "x86_64")
                .probe();
    }

    @Test
    void appleSilicon_translatedShell_isArm64_translated_withRosetta() throws IOException {
        mac("x86_64", "echo 1", "echo 1", true);
        Host h = probe();
        assertThat(h.arch()).isEqualTo(Arch.ARM64);
        assertThat(h.unameMachine()).isEqualTo("x86_64");
        assertThat(h.jvmArch()).isEqualTo("x86_64");
        assertThat(h.translated()).isTrue();
        assertThat(h.emulators()).extracting(Emulator::name).containsExactly("rosetta");
    }

    @Test
    void appleSilicon_nativeShell_isArm64_notTranslated() throws IOException {
        mac("arm64", "echo 1", "echo 0", true);
        Host h = probe();
        assertThat(h.arch()).isEqualTo(Arch.ARM64);
        assertThat(h.translated()).isFalse();
    }

    @Test
    void intelMac_hasNoArm64Oid_andNoRosetta() throws IOException {
        mac(
                "x86_64",
                "echo \"sysctl: unknown oid 'hw.optional.arm64'\" >&2; exit 1",
                "echo \"sysctl: unknown oid 'sysctl.proc_translated'\" >&2; exit 1",
                false);
        Host h = probe();
        assertThat(h.arch()).isEqualTo(Arch.AMD64);
        assertThat(h.translated()).isFalse();
        assertThat(h.emulators()).isEmpty();
    }

    @Test
    void appleSiliconWithoutRosetta_hasNoRosettaEmulator_andTheRunnerSaysHowToInstallIt() throws IOException {
        mac("arm64", "echo 1", "echo 0", false);
        Host h = probe();
        assertThat(h.emulators()).isEmpty();
        Runner rosetta = new Runners(h, new CommonsExecProcessRunner(), List.of())
                .select(List.of("rosetta"))
                .get(0);
        assertThat(rosetta.availability(Os.DARWIN, Arch.AMD64).reason()).contains("softwareupdate --install-rosetta");
    }

    @Test
    void rosettaRunner_startsTheBinaryThroughArch() throws IOException {
        mac("arm64", "echo 1", "echo 0", true);
        Host h = probe();
        Path binary = dir.resolve("reproducer");
        Files.writeString(binary, "#!/bin/sh\necho \"args: $*\"\necho M1GO_OK\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        Runner rosetta = new Runners(h, new CommonsExecProcessRunner(), List.of())
                .select(List.of("rosetta"))
                .get(0);
        assertThat(rosetta.availability(Os.DARWIN, Arch.AMD64).available()).isTrue();
        ProcessResult r = rosetta.run(
                new ProcessSpec(
                        List.of(binary.toString(), "one"),
                        Map.of("PATH", "/usr/bin:/bin"),
                        dir,
                        Duration.ofSeconds(20),
                        Duration.ofSeconds(1),
                        dir.resolve("o"),
                        dir.resolve("e")),
                Arch.AMD64);
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).isEqualTo("args: one\nM1GO_OK\n");
        assertThat(rosetta.translates(Arch.AMD64)).isTrue();
    }
}
