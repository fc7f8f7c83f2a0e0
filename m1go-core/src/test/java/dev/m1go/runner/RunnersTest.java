package dev.m1go.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m1go.exec.Launch;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.host.BinfmtEntry;
import dev.m1go.host.Emulator;
import dev.m1go.host.Host;
import dev.m1go.host.Os;
import dev.m1go.toolchain.Launcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RunnersTest {

    private final List<ProcessSpec> started = new ArrayList<>();

    private ProcessResult record(ProcessSpec s) {
        started.add(s);
        return new ProcessResult(0, null, false, "", "", 1);
    }

    private static Host linuxAmd64(boolean qemu, boolean binfmt) {
        List<Emulator> emulators = qemu
                ? List.of(new Emulator("qemu-aarch64", Arch.ARM64, Path.of("/usr/bin/qemu-aarch64"), "7.2"))
                : List.of();
        List<BinfmtEntry> entries = binfmt
                ? List.of(new BinfmtEntry(
                        "qemu-aarch64", true, "/usr/libexec/qemu-binfmt/aarch64-binfmt-P", "PF", Arch.ARM64))
                : List.of();
        return new Host(
                Os.LINUX,
                Arch.AMD64,
                "x86_64",
                "amd64",
                "6.1",
                null,
                emulators,
                entries,
                Map.of(Arch.ARM64, Path.of("/usr/aarch64-linux-gnu")),
                new TreeMap<>());
    }

    private static Host arm64Mac(boolean rosetta) {
        List<Emulator> emulators =
                rosetta ? List.of(new Emulator("rosetta", Arch.AMD64, Path.of("/usr/bin/arch"), "ok")) : List.of();
        return new Host(
                Os.DARWIN,
                Arch.ARM64,
                "arm64",
                "aarch64",
                "24.0.0",
                false,
                emulators,
                List.of(),
                Map.of(),
                new TreeMap<>());
    }

    private ProcessSpec spec() {
        return new ProcessSpec(
                List.of("/m1go/bin", "arg"),
                Map.of("PATH", "/usr/bin"),
                Path.of("/tmp"),
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                Path.of("/tmp/o"),
                Path.of("/tmp/e"));
    }

    @Test
    void qemu_runsTheEmulatorExplicitly_withTheSysroot() throws Exception {
        Runners runners = new Runners(linuxAmd64(true, true), this::record, List.of());
        runners.select(List.of("qemu")).get(0).run(spec(), Arch.ARM64);
        assertThat(started.get(0).argv())
                .containsExactly("/usr/bin/qemu-aarch64", "-L", "/usr/aarch64-linux-gnu", "/m1go/bin", "arg");
    }

    @Test
    void qemu_passesTheSysrootToChildProcessesToo_andRecordsIt(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Runners runners = new Runners(linuxAmd64(true, true), this::record, List.of());
        ProcessSpec spec = new ProcessSpec(
                List.of("/m1go/bin", "arg"),
                Map.of("PATH", "/usr/bin"),
                tmp,
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                tmp.resolve("run-1.stdout"),
                tmp.resolve("run-1.stderr"));
        runners.select(List.of("qemu")).get(0).run(spec, Arch.ARM64);
        // qemu-aarch64 -L covers the binary it starts; a process that binary starts goes through binfmt_misc, which
        // only learns the sysroot from QEMU_LD_PREFIX.
        assertThat(started.get(0).environment())
                .containsEntry("QEMU_LD_PREFIX", "/usr/aarch64-linux-gnu")
                .containsEntry("PATH", "/usr/bin");
        assertThat(java.nio.file.Files.readString(tmp.resolve("run-1.command")))
                .contains("/usr/bin/qemu-aarch64 -L /usr/aarch64-linux-gnu /m1go/bin arg")
                .contains("QEMU_LD_PREFIX=/usr/aarch64-linux-gnu");
    }

    @Test
    void binfmt_execsTheBinaryDirectly_withQemuLdPrefix() throws Exception {
        Runners runners = new Runners(linuxAmd64(true, true), this::record, List.of());
        runners.select(List.of("binfmt")).get(0).run(spec(), Arch.ARM64);
        assertThat(started.get(0).argv()).containsExactly("/m1go/bin", "arg");
        assertThat(started.get(0).environment()).containsEntry("QEMU_LD_PREFIX", "/usr/aarch64-linux-gnu");
    }

    @Test
    void missingQemu_givesTheInstallCommand() {
        Runner qemu = new Runners(linuxAmd64(false, false), this::record, List.of())
                .select(List.of("qemu"))
                .get(0);
        assertThat(qemu.appliesTo(Os.LINUX, Arch.ARM64)).isTrue();
        assertThat(qemu.availability(Os.LINUX, Arch.ARM64).reason()).contains("apt-get install qemu-user");
    }

    @Test
    void missingBinfmt_sayHowToEnableIt() {
        Runner binfmt = new Runners(linuxAmd64(true, false), this::record, List.of())
                .select(List.of("binfmt"))
                .get(0);
        assertThat(binfmt.availability(Os.LINUX, Arch.ARM64).reason()).contains("update-binfmts --enable qemu-aarch64");
    }

    @Test
    void native_appliesOnlyToTheHostPlatform() {
        Runner nat = new Runners(linuxAmd64(true, true), this::record, List.of())
                .select(List.of("native"))
                .get(0);
        assertThat(nat.appliesTo(Os.LINUX, Arch.AMD64)).isTrue();
        assertThat(nat.appliesTo(Os.LINUX, Arch.ARM64)).isFalse();
    }

    @Test
    void rosetta_onAnArmMac_wrapsWithArchX86_64() throws Exception {
        Runners runners = new Runners(arm64Mac(true), this::record, List.of());
        Runner rosetta = runners.select(List.of("rosetta")).get(0);
        assertThat(rosetta.appliesTo(Os.DARWIN, Arch.AMD64)).isTrue();
        rosetta.run(spec(), Arch.AMD64);
        assertThat(started.get(0).argv()).containsExactly("/usr/bin/arch", "-x86_64", "/m1go/bin", "arg");
    }

    @Test
    void rosetta_missing_saysHowToInstallIt() {
        Runner rosetta = new Runners(arm64Mac(false), this::record, List.of())
                .select(List.of("rosetta"))
                .get(0);
        assertThat(rosetta.availability(Os.DARWIN, Arch.AMD64).reason()).contains("softwareupdate --install-rosetta");
    }

    @Test
    void rosetta_doesNotApplyOnLinux() {
        Runner rosetta = new Runners(linuxAmd64(true, true), this::record, List.of())
                .select(List.of("rosetta"))
                .get(0);
        assertThat(rosetta.appliesTo(Os.LINUX, Arch.AMD64)).isFalse();
        assertThat(rosetta.appliesTo(Os.DARWIN, Arch.AMD64)).isFalse();
    }

    @Test
    void unknownRunner_namesThePropertyAndTheValidNames() {
        Runners runners = new Runners(linuxAmd64(true, true), this::record, List.of());
        assertThatThrownBy(() -> runners.select(List.of("qemu", "rossetta")))
                .hasMessageContaining("'rossetta' in m1go.runners")
                .hasMessageContaining("native, rosetta, qemu, binfmt");
    }

    @Test
    void foreignToolchain_onLinux_needsBinfmt() throws Exception {
        Launch l = new Runners(linuxAmd64(true, true), this::record, List.of()).launchFor(Arch.ARM64);
        assertThat(l.runner()).isEqualTo("binfmt");
        assertThat(l.environment()).containsEntry("QEMU_LD_PREFIX", "/usr/aarch64-linux-gnu");
        assertThatThrownBy(() -> new Runners(linuxAmd64(true, false), this::record, List.of()).launchFor(Arch.ARM64))
                .isInstanceOf(Launcher.CannotLaunchException.class)
                .hasMessageContaining("binfmt_misc");
    }

    @Test
    void foreignToolchain_onArmMac_runsUnderRosetta() throws Exception {
        Launch l = new Runners(arm64Mac(true), this::record, List.of()).launchFor(Arch.AMD64);
        assertThat(l.prefix()).containsExactly("/usr/bin/arch", "-x86_64");
        assertThat(new Runners(arm64Mac(true), this::record, List.of())
                        .launchFor(Arch.ARM64)
                        .prefix())
                .isEmpty();
    }

    @Test
    void unknownRunner_suggestsTheClosestName() {
        Runners runners = new Runners(linuxAmd64(true, true), this::record, List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runners.select(List.of("binfnt")))
                .hasMessageStartingWith("Unknown runner 'binfnt' in m1go.runners (did you mean 'binfmt'?): use ");
    }

    /** The memory limit reaches the process; behind a translator it is marked so (more address-space headroom). */
    @Test
    void memoryLimit_reachesTheProcess_markedTranslatedBehindQemuAndBinfmt(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Runners runners = new Runners(linuxAmd64(true, true), this::record, List.of());
        ProcessSpec spec = new ProcessSpec(
                        List.of("/m1go/bin"),
                        Map.of(),
                        tmp,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(1),
                        tmp.resolve("run-1.stdout"),
                        tmp.resolve("run-1.stderr"))
                .withMemoryLimit(dev.m1go.exec.MemoryLimit.of(64));
        runners.select(List.of("native")).get(0).run(spec, Arch.AMD64);
        runners.select(List.of("qemu")).get(0).run(spec, Arch.ARM64);
        runners.select(List.of("binfmt")).get(0).run(spec, Arch.ARM64);

        assertThat(started)
                .extracting(ProcessSpec::memoryLimit)
                .containsExactly(
                        new dev.m1go.exec.MemoryLimit(64, false),
                        new dev.m1go.exec.MemoryLimit(64, true),
                        new dev.m1go.exec.MemoryLimit(64, true));
        assertThat(java.nio.file.Files.readString(tmp.resolve("run-1.command")))
                .contains("# memory limit of 64 MiB (m1go.memoryLimitMb)");
    }
}
