package dev.m1go.binary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.host.Arch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mach-O thin and universal binaries built here with Go's own cross compiler (pure Go, {@code GOOS=darwin}) and
 * {@code llvm-lipo}, and Go's build information read from ELF and Mach-O alike.
 */
class MachOFactsTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void build() throws Exception {
        Path go = NativeTools.require("go");
        Path lipo = NativeTools.require("llvm-lipo", "lipo");
        Files.writeString(dir.resolve("go.mod"), "module example.com/hello\n\ngo 1.19\n");
        Files.writeString(dir.resolve("main.go"), "package main\n\nvar v string\n\nfunc main() { println(v) }\n");
        for (String[] t : new String[][] {{"darwin", "arm64"}, {"darwin", "amd64"}, {"linux", "amd64"}}) {
            NativeTools.run(
                    dir,
                    Map.of(
                            "GOOS",
                            t[0],
                            "GOARCH",
                            t[1],
                            "CGO_ENABLED",
                            "0",
                            "GOTOOLCHAIN",
                            "local",
                            "GOFLAGS",
                            "-mod=mod"),
                    go.toString(),
                    "build",
                    "-ldflags=-X main.v=m1go",
                    "-o",
                    "hello-" + t[0] + "-" + t[1],
                    ".");
        }
        NativeTools.run(
                dir,
                Map.of(),
                lipo.toString(),
                "-create",
                "-output",
                "hello-universal",
                "hello-darwin-arm64",
                "hello-darwin-amd64");
    }

    @Test
    void machoThin_machineTypeLinkageAndGoBuildInfo() throws Exception {
        BinaryFacts f = BinaryInspector.read(dir.resolve("hello-darwin-arm64"), "hello-darwin-arm64");
        assertThat(f.format()).isEqualTo("Mach-O");
        assertThat(f.machine()).isEqualTo("arm64");
        assertThat(f.bits()).isEqualTo(64);
        assertThat(f.type()).isEqualTo("EXECUTE");
        assertThat(f.interpreter()).isEqualTo("/usr/lib/dyld");
        assertThat(f.linkage()).isEqualTo("dynamic");
        assertThat(f.needed()).contains("/usr/lib/libSystem.B.dylib");
        assertThat(f.buildId()).matches("[0-9a-f]{32}");
        assertThat(f.go().goVersion()).startsWith("go1.");
        assertThat(f.go().path()).isEqualTo("example.com/hello");
        assertThat(f.go().setting("GOOS")).isEqualTo("darwin");
        assertThat(f.go().setting("GOARCH")).isEqualTo("arm64");
        assertThat(f.go().setting("CGO_ENABLED")).isEqualTo("0");
        assertThat(f.go().setting("-ldflags")).isEqualTo("-X main.v=m1go");
    }

    @Test
    void universal_listsEachSlice_andMissesTheTargetSlice() throws Exception {
        BinaryFacts f = BinaryInspector.inspect(dir.resolve("hello-universal"), "hello-universal", Arch.ARM64);
        assertThat(f.format()).isEqualTo("Mach-O universal");
        assertThat(f.slices()).extracting(BinaryFacts::machine).containsExactlyInAnyOrder("arm64", "amd64");
        assertThat(f.slices())
                .allSatisfy(s -> assertThat(s.go().setting("GOOS")).isEqualTo("darwin"));
        assertThat(f.findings()).isEmpty();
        assertThat(BinaryInspector.inspect(dir.resolve("hello-universal"), "hello-universal", Arch.I386)
                        .findings())
                .singleElement()
                .asString()
                .startsWith("hello-universal has slices for ");
    }

    @Test
    void elfGoBinary_buildInfoAsGoVersionMPrintsIt() throws Exception {
        BinaryFacts f = BinaryInspector.read(dir.resolve("hello-linux-amd64"), "hello-linux-amd64");
        assertThat(f.linkage()).isEqualTo("static");
        assertThat(f.go().module()).startsWith("example.com/hello");
        assertThat(f.go().setting("GOARCH")).isEqualTo("amd64");
        assertThat(f.go().setting("GOAMD64")).isEqualTo("v1");
    }
}
