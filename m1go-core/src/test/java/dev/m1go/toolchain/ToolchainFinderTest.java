package dev.m1go.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m1go.exec.Launch;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery over a temporary tree of fake GOROOTs. Each {@code bin/go} is an ELF header of its architecture (the
 * finder reads the architecture from the binary, as on a real install) and a fake process runner answers its
 * {@code go version} and {@code go env -json}, recording every argv and environment.
 */
class ToolchainFinderTest {

    @TempDir
    Path tmp;

    private Path root;
    private Path home;
    private final Map<Path, String> versions = new HashMap<>();
    private final List<ProcessSpec> calls = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Answers {@code <goroot>/bin/go version|env -json} for the GOROOTs in {@link #versions}; anything else fails. */
    private final ProcessRunner fakeGo = spec -> {
        calls.add(spec);
        List<String> argv = spec.argv();
        int at = argv.size() - 1;
        while (at >= 0 && !argv.get(at).endsWith("/bin/go")) {
            at--;
        }
        Path goroot = Path.of(argv.get(at)).getParent().getParent();
        String v = versions.get(goroot);
        List<String> args = argv.subList(at + 1, argv.size());
        if (v == null) {
            return result(spec, 126, "", "cannot execute binary file: Exec format error");
        }
        String arch = v.substring(v.indexOf(' ') + 1);
        String version = v.substring(0, v.indexOf(' '));
        if (args.equals(List.of("version"))) {
            return result(spec, 0, "go version " + version + " linux/" + arch + "\n", "");
        }
        if (args.equals(envArgs())) {
            return result(
                    spec,
                    0,
                    "{\"GOARCH\": \"" + arch + "\", \"GOHOSTARCH\": \"" + arch + "\", \"GOOS\": \"linux\","
                            + " \"CGO_ENABLED\": \"1\", \"CC\": \"gcc\", \"GOVERSION\": \"" + version
                            + "\", \"GOPATH\": \"x\"}\n",
                    "");
        }
        return result(spec, 2, "", "unknown command");
    };

    /** {@code env -json} and only the keys m1go reads: no C compiler probe for GOGCCFLAGS. */
    private static List<String> envArgs() {
        return Stream.concat(Stream.of("env", "-json"), ToolchainFinder.GO_ENV_KEYS.stream())
                .toList();
    }

    /** Runs amd64 natively; arm64 through a stand-in emulator prefix. */
    private final Launcher launcher = arch -> switch (arch) {
        case AMD64 -> Launch.direct();
        case ARM64 -> new Launch("binfmt", List.of("/stand-in/qemu-aarch64"), Map.of(), true);
        default -> throw new Launcher.CannotLaunchException("nothing runs " + arch.goarch() + " programs here");
    };

    private static ProcessResult result(ProcessSpec spec, int exit, String out, String err) {
        return new ProcessResult(exit, null, false, out, err, 1);
    }

    @BeforeEach
    void tree() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        home = Files.createDirectories(tmp.resolve("home"));
    }

    private Path fakeGoroot(Path goroot, String version, Arch arch) throws IOException {
        Files.createDirectories(goroot.resolve("bin"));
        ByteBuffer elf = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        elf.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        elf.putShort(16, (short) 2);
        elf.putShort(18, (short) (arch == Arch.ARM64 ? 183 : 62));
        Files.write(goroot.resolve("bin/go"), elf.array());
        goroot.resolve("bin/go").toFile().setExecutable(true);
        if (version != null) {
            versions.put(goroot, version + " " + arch.goarch());
        }
        return goroot;
    }

    private List<Toolchain> find(Map<String, String> environment, List<Path> userRoots) throws IOException {
        return new ToolchainFinder(fakeGo, launcher, environment, home, Arch.AMD64, tmp.resolve("logs"), root)
                .find(userRoots);
    }

    @Test
    void everyWellKnownPlace_isSearched_oncePerRealGoroot_sortedByVersion_withTheFirstSourceKept() throws Exception {
        Path local = fakeGoroot(root.resolve("usr/local/go"), "go1.22.12", Arch.AMD64);
        fakeGoroot(root.resolve("usr/lib/go-1.19"), "go1.19.8", Arch.AMD64);
        Files.createSymbolicLink(root.resolve("usr/lib/go-1.22"), local);
        fakeGoroot(home.resolve("sdk/go1.23.4"), "go1.23.4", Arch.AMD64);
        Path modCache = tmp.resolve("modcache");
        fakeGoroot(modCache.resolve("golang.org/toolchain@v0.0.1-go1.27.3.linux-amd64"), "go1.27.3", Arch.AMD64);
        fakeGoroot(root.resolve("opt/homebrew/Cellar/go/1.21.13/libexec"), "go1.21.13", Arch.AMD64);
        Path arm64 = fakeGoroot(tmp.resolve("opt/go-arm64"), "go1.19.8", Arch.ARM64);

        List<Toolchain> found = find(
                Map.of("PATH", local.resolve("bin") + ":/nowhere", "GOMODCACHE", modCache.toString()),
                List.of(arm64.resolve("bin/go")));

        assertThat(found)
                .extracting(Toolchain::version, Toolchain::binaryArch, Toolchain::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("go1.19.8", Arch.AMD64, "/usr/lib/go-*"),
                        org.assertj.core.groups.Tuple.tuple("go1.19.8", Arch.ARM64, "m1go.goRoots"),
                        org.assertj.core.groups.Tuple.tuple("go1.21.13", Arch.AMD64, "Homebrew"),
                        org.assertj.core.groups.Tuple.tuple("go1.22.12", Arch.AMD64, "PATH"),
                        org.assertj.core.groups.Tuple.tuple("go1.23.4", Arch.AMD64, "~/sdk"),
                        org.assertj.core.groups.Tuple.tuple("go1.27.3", Arch.AMD64, "GOTOOLCHAIN download"));
        assertThat(found).allSatisfy(t -> assertThat(t.usable()).isTrue());
        assertThat(found.get(1).goEnv())
                .containsEntry("GOARCH", "arm64")
                .containsEntry("CC", "gcc")
                .doesNotContainKey("GOPATH");
    }

    @Test
    void everyGoCommand_runsWithGotoolchainLocal_itsOwnGoroot_andNoGoflags_andForeignOnesThroughTheLauncher()
            throws Exception {
        Path arm64 = fakeGoroot(tmp.resolve("go-arm64"), "go1.19.8", Arch.ARM64);
        find(Map.of("PATH", "/nowhere", "GOTOOLCHAIN", "go1.30.0", "GOFLAGS", "-mod=vendor"), List.of(arm64));

        assertThat(calls)
                .extracting(c -> c.argv())
                .as("go env's GOVERSION spares a go version run")
                .containsExactly(Stream.concat(
                                Stream.of(
                                        "/stand-in/qemu-aarch64",
                                        arm64.resolve("bin/go").toString()),
                                envArgs().stream())
                        .toList());
        assertThat(calls)
                .allSatisfy(c -> assertThat(c.environment())
                        .containsEntry("GOTOOLCHAIN", "local")
                        .containsEntry("GOROOT", arm64.toString())
                        .containsEntry("GOFLAGS", ""));
    }

    @Test
    void aGoThatDoesNotRun_isUnusableWithTheReason_whenItsVersionFileNamesIt_andLeftOutOtherwise() throws Exception {
        Path broken = fakeGoroot(root.resolve("usr/lib/go-1.21"), null, Arch.AMD64);
        Files.writeString(broken.resolve("VERSION"), "go1.21.13\ntime 2024-08-01\n");
        fakeGoroot(root.resolve("usr/lib/go-1.20"), null, Arch.AMD64);

        List<Toolchain> found = find(Map.of("PATH", "/nowhere"), List.of());

        assertThat(found).singleElement().satisfies(t -> {
            assertThat(t.version()).isEqualTo("go1.21.13");
            assertThat(t.unusable())
                    .isEqualTo("its go binary did not run here (cannot execute binary file: Exec " + "format error)");
        });
    }

    @Test
    void aToolchainNothingCanLaunch_isUnusable_withTheLaunchersReason_andNeverRun() throws Exception {
        Path riscv = Files.createDirectories(root.resolve("usr/lib/go-1.22"));
        Files.createDirectories(riscv.resolve("bin"));
        ByteBuffer elf = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        elf.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        elf.putShort(18, (short) 243);
        Files.write(riscv.resolve("bin/go"), elf.array());
        Files.writeString(riscv.resolve("VERSION"), "go1.22.12\n");

        assertThat(find(Map.of("PATH", "/nowhere"), List.of())).singleElement().satisfies(t -> {
            assertThat(t.binaryArch()).isEqualTo(Arch.RISCV64);
            assertThat(t.unusable()).isEqualTo("nothing runs riscv64 programs here");
        });
        assertThat(calls).isEmpty();
    }

    @Test
    void aUserRootThatIsNotAGoInstallation_namesTheParameter() throws Exception {
        assertThatThrownBy(() -> find(Map.of(), List.of(tmp.resolve("no-such-go"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("m1go.goRoots names " + tmp.resolve("no-such-go") + ", which does not exist");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> find(Map.of(), List.of(empty)))
                .hasMessageStartingWith("m1go.goRoots names " + empty + ", which has no bin/go");
    }
}
