package dev.m1go.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolchainFinderTest {

    @TempDir
    Path opt;

    @Test
    void otherArchitectureRoots_areTheDebianAndReleaseGorootsUnderOptGoArch() throws Exception {
        for (String d : new String[] {"go-arm64/usr/lib/go-1.19", "go-arm64/usr/lib/go-1.23", "go-arm64/go1.27.3",
                "go-arm64/modcache", "go-riscv64/usr/lib/go-1.22", "other/usr/lib/go-1.21"}) {
            Files.createDirectories(opt.resolve(d));
        }
        assertThat(ToolchainFinder.otherArchitectureRoots(opt)).containsExactly(
                opt.resolve("go-arm64/usr/lib/go-1.19"), opt.resolve("go-arm64/usr/lib/go-1.23"),
                opt.resolve("go-arm64/go1.27.3"), opt.resolve("go-riscv64/usr/lib/go-1.22"));
    }

    @Test
    void otherArchitectureRoots_withoutOpt_isEmpty() {
        assertThat(ToolchainFinder.otherArchitectureRoots(opt.resolve("missing"))).isEmpty();
    }
}
