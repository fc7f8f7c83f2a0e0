package dev.m1go.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclaredToolchainsTest {

    @TempDir
    Path dir;

    private DeclaredToolchains.Declared go(String version, String arch) throws Exception {
        Path root = dir.resolve("go" + version + "-" + arch);
        Files.createDirectories(root.resolve("bin"));
        Files.writeString(root.resolve("bin/go"), "");
        return new DeclaredToolchains.Declared(Map.of("version", version, "arch", arch), root, "toolchains.xml");
    }

    @Test
    void noRequirement_addsEveryDeclaredGoroot() throws Exception {
        var a = go("1.22.12", "amd64");
        var b = go("1.19.8", "arm64");
        assertThat(DeclaredToolchains.select(List.of(a, b), null)).containsExactly(a.goroot(), b.goroot());
    }

    @Test
    void requirement_matchesVersionRangeAndExactArch() throws Exception {
        var a = go("1.22.12", "amd64");
        var b = go("1.19.8", "arm64");
        var c = go("1.23.5", "arm64");
        assertThat(DeclaredToolchains.select(List.of(a, b, c), "version=>=1.20, arch=arm64"))
                .containsExactly(c.goroot());
    }

    @Test
    void requirementMatchingNothing_namesThePropertyAndWhatIsDeclared() throws Exception {
        var a = go("1.22.12", "amd64");
        assertThatThrownBy(() -> DeclaredToolchains.select(List.of(a), "arch=riscv64"))
                .hasMessageStartingWith("m1go.goToolchains=arch=riscv64 matches no go toolchain of toolchains.xml");
        assertThatThrownBy(() -> DeclaredToolchains.select(List.of(a), "arm64"))
                .hasMessageContaining("'arm64' is not key=value");
    }

    @Test
    void aDeclaredGorootWithoutGo_isAnErrorNamingTheDeclaration() {
        var broken =
                new DeclaredToolchains.Declared(Map.of("version", "1.22"), dir.resolve("nope"), "~/.m2/toolchains.xml");
        assertThatThrownBy(() -> DeclaredToolchains.select(List.of(broken), ""))
                .hasMessageContaining("in ~/.m2/toolchains.xml names GOROOT")
                .hasMessageContaining("no bin/go");
    }

    /** A toolchain of toolchains.xml reaches the finder as one more GOROOT; it is labelled by where it came from. */
    @Test
    void aSelectedToolchain_isLabelledByWhereItWasDeclared_notAsM1goGoRoots() throws Exception {
        var declared = go("1.19.8", "arm64");
        Path other = dir.resolve("other-go");
        ToolchainSource finder = (host, launcher, env, home, roots, logDir) -> List.of(
                new Toolchain(
                        "go1.19.8",
                        declared.goroot().toRealPath(),
                        dev.m1go.host.Arch.ARM64,
                        "m1go.goRoots",
                        Map.of(),
                        null),
                new Toolchain("go1.22.12", other, dev.m1go.host.Arch.AMD64, "m1go.goRoots", Map.of(), null));
        List<DeclaredToolchains.Declared> selected = DeclaredToolchains.selected(List.of(declared), "arch=arm64");
        assertThat(DeclaredToolchains.labelled(finder, selected).find(null, null, Map.of(), dir, List.of(), dir))
                .extracting(Toolchain::source)
                .containsExactly("toolchains.xml", "m1go.goRoots");
    }
}
