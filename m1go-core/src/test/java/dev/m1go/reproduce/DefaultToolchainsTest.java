package dev.m1go.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.host.Arch;
import dev.m1go.toolchain.Toolchain;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default matrix's toolchains: all of the host's architecture, the newest usable one of each other. */
class DefaultToolchainsTest {

    private static Toolchain go(String version, Arch arch, String unusable) {
        return new Toolchain(
                version, Path.of("/fake/" + arch.goarch() + "/" + version), arch, "test", Map.of(), unusable);
    }

    @Test
    void defaultSelection_keepsEveryHostToolchain_andTheNewestTranslatedOne() {
        List<Toolchain> all = List.of(
                go("go1.19.8", Arch.AMD64, null),
                go("go1.19.8", Arch.ARM64, null),
                go("go1.23.5", Arch.AMD64, null),
                go("go1.23.5", Arch.ARM64, null),
                go("go1.27.3", Arch.AMD64, null),
                go("go1.27.3", Arch.ARM64, null));
        assertThat(Reproduce.defaultSelection(all, Arch.AMD64))
                .extracting(t -> t.version() + "/" + t.binaryArch().goarch())
                .containsExactly("go1.19.8/amd64", "go1.23.5/amd64", "go1.27.3/amd64", "go1.27.3/arm64");
    }

    @Test
    void defaultSelection_onAnArmHost_takesTheNewestAmd64ToolchainUnderTranslation() {
        List<Toolchain> all = List.of(
                go("go1.21.13", Arch.AMD64, null), go("go1.22.12", Arch.AMD64, null), go("go1.26.8", Arch.ARM64, null));
        assertThat(Reproduce.defaultSelection(all, Arch.ARM64))
                .extracting(Toolchain::version)
                .containsExactly("go1.22.12", "go1.26.8");
    }

    @Test
    void defaultSelection_passesOverANewerTranslatedToolchainThatCannotRun() {
        List<Toolchain> all = List.of(
                go("go1.26.8", Arch.AMD64, null),
                go("go1.23.5", Arch.ARM64, null),
                go("go1.27.3", Arch.ARM64, "Exec format error"));
        assertThat(Reproduce.defaultSelection(all, Arch.AMD64))
                .extracting(Toolchain::version)
                .containsExactly("go1.26.8", "go1.23.5");
    }
}
