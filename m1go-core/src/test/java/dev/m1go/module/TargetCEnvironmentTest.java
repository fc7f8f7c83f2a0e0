package dev.m1go.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m1go.cases.ModuleUnit;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetCEnvironmentTest {

    private static ModuleUnit unit(Map<String, Map<String, String>> targetEnv) {
        return new ModuleUnit(
                Path.of("/m"),
                "example.com/m",
                ".",
                true,
                List.of(),
                List.of(),
                null,
                null,
                null,
                targetEnv,
                List.of());
    }

    @Test
    void foreignLinuxTarget_searchesItsMultiarchPkgConfigDir_nativeTargetIsLeftAlone() {
        assertThat(TargetCEnvironment.of(unit(Map.of()), Os.LINUX, Arch.AMD64, Os.LINUX, Arch.ARM64))
                .containsEntry("PKG_CONFIG_LIBDIR", "/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig");
        assertThat(TargetCEnvironment.of(unit(Map.of()), Os.LINUX, Arch.AMD64, Os.LINUX, Arch.AMD64))
                .isEmpty();
    }

    @Test
    void targetEnv_ofThatTargetOnly_winsOverM1gosChoice() {
        Map<String, Map<String, String>> te = Map.of(
                "linux-arm64",
                Map.of("PKG_CONFIG_LIBDIR", "/opt/arm64/pc", "CGO_LDFLAGS", "-L/opt/arm64/lib"),
                "linux-amd64",
                Map.of("CGO_CFLAGS", "-O0"));
        Map<String, String> env = TargetCEnvironment.of(unit(te), Os.LINUX, Arch.AMD64, Os.LINUX, Arch.ARM64);
        assertThat(env)
                .containsEntry("PKG_CONFIG_LIBDIR", "/opt/arm64/pc")
                .containsEntry("CGO_LDFLAGS", "-L/opt/arm64/lib")
                .doesNotContainKey("CGO_CFLAGS");
    }

    @Test
    void advice_missingPcFile_namesTheDirectoryAndTheMultiarchPackage() {
        String out = "# example.com/m/zz\n# [pkg-config --cflags  -- zlib]\nPackage zlib was not found in the "
                + "pkg-config search path.\nPerhaps you should add the directory containing `zlib.pc'\n";
        assertThat(TargetCEnvironment.advice(
                        out,
                        Map.of("PKG_CONFIG_LIBDIR", "/usr/lib/aarch64-linux-gnu/pkgconfig"),
                        Os.LINUX,
                        Arch.ARM64,
                        f -> f.equals("zlib.pc") ? java.util.Optional.of("zlib1g-dev") : java.util.Optional.empty()))
                .hasValueSatisfying(a -> assertThat(a)
                        .contains("PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig")
                        .contains("found no zlib.pc")
                        .contains("apt-get install zlib1g-dev:arm64")
                        .contains("m1go.targetEnv.linux-arm64."));
    }

    @Test
    void advice_hostLibrarySkippedAsIncompatible_saysSo() {
        String out = "/usr/bin/aarch64-linux-gnu-ld: skipping incompatible /usr/lib/x86_64-linux-gnu/libz.so when "
                + "searching for -lz\n/usr/bin/aarch64-linux-gnu-ld: cannot find -lz: No such file or directory\n";
        assertThat(TargetCEnvironment.advice(out, Map.of(), Os.LINUX, Arch.ARM64, f -> java.util.Optional.empty()))
                .hasValueSatisfying(a -> assertThat(a)
                        .contains("found no libz of this architecture (only /usr/lib/x86_64-linux-gnu/libz.so")
                        .contains("apt-get install libz-dev:arm64"));
        assertThat(TargetCEnvironment.advice(
                        "main.go:3:2: undefined: x\n", Map.of(), Os.LINUX, Arch.ARM64, f -> java.util.Optional.empty()))
                .isEmpty();
    }

    @Test
    void targetEnvKeys_areGroupedByTarget_andABadKeyNamesTheForm() throws Exception {
        assertThat(ModuleProject.targetEnv(Map.of("linux-arm64.CGO_LDFLAGS", "-L/x", "linux-arm64.CC", "clang")))
                .containsEntry("linux-arm64", Map.of("CGO_LDFLAGS", "-L/x", "CC", "clang"));
        assertThatThrownBy(() -> ModuleProject.targetEnv(Map.of("arm64.CGO_LDFLAGS", "-L/x")))
                .hasMessageContaining("'arm64.CGO_LDFLAGS' is not <goos>-<goarch>.<VARIABLE>");
    }
}
