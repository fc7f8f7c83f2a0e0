package dev.m1go.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolchainFinderOtherArchitectureTest {

    @TempDir
    Path opt;

    @Test
    void otherArchitectureRoots_areTheDebianAndReleaseGorootsUnderOptGoArch() throws Exception {
        for (String d : new String[] {
            "go-arm64/usr/lib/go-1.19",
            "go-arm64/usr/lib/go-1.23",
            "go-arm64/go1.27.3",
            "go-arm64/modcache",
            "go-riscv64/usr/lib/go-1.22",
            "other/usr/lib/go-1.21"
        }) {
            Files.createDirectories(opt.resolve(d));
        }
        assertThat(ToolchainFinder.otherArchitectureRoots(opt))
                .containsExactly(
                        opt.resolve("go-arm64/usr/lib/go-1.19"), opt.resolve("go-arm64/usr/lib/go-1.23"),
                        opt.resolve("go-arm64/go1.27.3"), opt.resolve("go-riscv64/usr/lib/go-1.22"));
    }

    /** A go binary of which only the ELF header is real: enough for the header check, never run. */
    private static void fakeGoroot(Path goroot, String version, int elfMachine) throws Exception {
        Files.createDirectories(goroot.resolve("bin"));
        byte[] header = new byte[64];
        header[0] = 0x7f;
        header[1] = 'E';
        header[2] = 'L';
        header[3] = 'F';
        header[4] = 2; // 64-bit
        header[5] = 1; // little endian
        header[6] = 1;
        header[16] = 2; // ET_EXEC
        header[18] = (byte) elfMachine;
        header[19] = (byte) (elfMachine >> 8);
        Files.write(goroot.resolve("bin/go"), header);
        Files.writeString(goroot.resolve("VERSION"), version + "\ntime 2025-01-01T00:00:00Z\n");
    }

    @Test
    void find_leavesOutUnwantedToolchains_withoutRunningTheirGoCommand() throws Exception {
        Path arm64 = opt.resolve("arm64-go");
        Path amd64 = opt.resolve("amd64-go");
        fakeGoroot(arm64, "go1.22.12", 183);
        fakeGoroot(amd64, "go1.22.12", 62);
        java.util.List<java.util.List<String>> ran =
                java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        ToolchainFinder finder = new ToolchainFinder(
                spec -> {
                    ran.add(spec.argv());
                    return new dev.m1go.exec.ProcessResult(1, null, false, "", "not a real go", 1);
                },
                arch -> dev.m1go.exec.Launch.direct(),
                java.util.Map.of("PATH", ""),
                opt.resolve("home"),
                dev.m1go.host.Arch.AMD64,
                opt.resolve("logs"));
        java.util.List<Toolchain> found =
                finder.find(java.util.List.of(arm64, amd64), (version, arch) -> arch == dev.m1go.host.Arch.AMD64);
        assertThat(ran).noneMatch(argv -> argv.get(0).startsWith(arm64.toString()));
        assertThat(ran).anyMatch(argv -> argv.get(0).startsWith(amd64.toString()));
        assertThat(found).noneMatch(t -> t.goroot().startsWith(arm64));
    }

    @Test
    void otherArchitectureRoots_withoutOpt_isEmpty() {
        assertThat(ToolchainFinder.otherArchitectureRoots(opt.resolve("missing")))
                .isEmpty();
    }
}
