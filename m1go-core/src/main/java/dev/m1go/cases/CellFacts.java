package dev.m1go.cases;

import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.toolchain.GoVersion;
import java.util.Objects;

/**
 * What an expectation rule can depend on, for one cell.
 *
 * @param ccFamily {@code gcc} or {@code clang}, or {@code null} when no C compiler was found
 */
public record CellFacts(
        GoVersion go, Arch toolchainArch, Os goos, Arch goarch, String runner, String variant, String ccFamily) {
    public CellFacts {
        Objects.requireNonNull(go, "go");
        Objects.requireNonNull(toolchainArch, "toolchainArch");
        Objects.requireNonNull(goos, "goos");
        Objects.requireNonNull(goarch, "goarch");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(variant, "variant");
    }
}
