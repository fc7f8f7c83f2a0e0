package dev.m1go.toolchain;

import dev.m1go.host.Arch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code m1go.goVersions}: a {@link GoVersionRange} whose comma-separated alternatives may each name the architecture
 * of the toolchain's own {@code go} binary after {@code @}: {@code 1.22@arm64} (arm64 toolchains of 1.22.x),
 * {@code @amd64} (every amd64 toolchain), {@code >=1.21@amd64, 1.19@arm64}. An alternative without {@code @} takes
 * toolchains of every architecture.
 */
public final class ToolchainFilter {

    private record Alternative(GoVersionRange versions, Arch arch) {
        boolean test(GoVersion v, Arch a) {
            return (versions == null || versions.contains(v)) && (arch == null || arch == a);
        }
    }

    private final List<Alternative> anyOf;

    private ToolchainFilter(List<Alternative> anyOf) {
        this.anyOf = List.copyOf(anyOf);
    }

    /**
     * Parses the property's value.
     *
     * @throws IllegalArgumentException quoting the part it cannot read
     */
    public static ToolchainFilter parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Alternative> anyOf = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String p = part.trim();
            int at = p.lastIndexOf('@');
            Arch arch = null;
            if (at >= 0) {
                String name = p.substring(at + 1).trim();
                arch = Arch.parse(name)
                        .orElseThrow(() -> new IllegalArgumentException("'" + part.trim() + "' names the architecture '"
                                + name + "', which m1go does not know (amd64, arm64, …)"));
                p = p.substring(0, at).trim();
            }
            anyOf.add(new Alternative(p.isEmpty() ? null : GoVersionRange.parse(p), arch));
        }
        if (anyOf.isEmpty()) {
            throw new IllegalArgumentException("empty Go version range");
        }
        return new ToolchainFilter(anyOf);
    }

    public boolean test(Toolchain t) {
        return test(t.goVersion(), t.binaryArch());
    }

    /** Whether a toolchain of this version whose {@code go} binary is of this architecture is wanted. */
    public boolean test(GoVersion version, Arch arch) {
        return anyOf.stream().anyMatch(a -> a.test(version, arch));
    }
}
