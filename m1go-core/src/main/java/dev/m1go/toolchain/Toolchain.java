package dev.m1go.toolchain;

import dev.m1go.host.Arch;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One Go installation.
 *
 * @param version     as {@code go version} prints it: {@code go1.22.12}
 * @param goroot      its GOROOT (real path)
 * @param binaryArch  the architecture of its own {@code go} binary, read from the binary's header
 * @param source      where m1go found it: {@code PATH}, {@code GOROOT}, {@code /usr/lib/go-*}, {@code GOTOOLCHAIN download},
 *                    {@code m1go.goRoots}, …
 * @param goEnv       a few values of {@code go env -json} (GOARCH, GOHOSTARCH, GOOS, CGO_ENABLED, CC, GOFLAGS,
 *                    GOTOOLCHAIN); empty when the toolchain could not run here
 * @param unusable    why this toolchain cannot run on this host (its cells are SKIPPED with this reason), or
 *                    {@code null}
 */
public record Toolchain(
        String version, Path goroot, Arch binaryArch, String source, Map<String, String> goEnv, String unusable) {

    public Toolchain {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(goroot, "goroot");
        Objects.requireNonNull(binaryArch, "binaryArch");
        Objects.requireNonNull(source, "source");
        goEnv = java.util.Collections.unmodifiableMap(new TreeMap<>(goEnv));
    }

    public GoVersion goVersion() {
        return GoVersion.parse(version).orElseThrow(() -> new IllegalStateException("not a Go version: " + version));
    }

    public Path goBinary() {
        return goroot.resolve("bin").resolve("go");
    }

    public boolean usable() {
        return unusable == null;
    }

    /** {@code go1.22.12} for a toolchain of the host's architecture, {@code go1.19.8 (arm64)} otherwise. */
    public String label(Arch hostArch) {
        return binaryArch == hostArch ? version : version + " (" + binaryArch.goarch() + ")";
    }

    /** A file-name-safe key that keeps two toolchains of one version apart: {@code go1.19.8-arm64}. */
    public String key() {
        return version + "-" + binaryArch.goarch();
    }
}
