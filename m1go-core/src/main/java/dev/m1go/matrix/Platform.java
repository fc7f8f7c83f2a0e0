package dev.m1go.matrix;

import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import java.util.Objects;

/** A target: GOOS/GOARCH. */
public record Platform(Os os, Arch arch) implements Comparable<Platform> {

    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
    }

    /**
     * Parses {@code linux/arm64}.
     *
     * @throws IllegalArgumentException naming {@code m1go.targets} and the accepted form
     */
    public static Platform parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Target '" + text.trim() + "' in m1go.targets is not GOOS/GOARCH: "
                    + "write it like linux/arm64 or darwin/amd64");
        }
        Os os = Os.parse(parts[0])
                .orElseThrow(() -> new IllegalArgumentException("Target '" + text.trim() + "' in m1go.targets: GOOS '"
                        + parts[0] + "' is not supported: use linux or darwin"));
        Arch arch = Arch.parse(parts[1])
                .orElseThrow(() -> new IllegalArgumentException("Target '" + text.trim() + "' in m1go.targets: GOARCH '"
                        + parts[1] + "' is unknown: use amd64 or arm64"));
        return new Platform(os, arch);
    }

    @Override
    public int compareTo(Platform o) {
        int c = os.compareTo(o.os);
        return c != 0 ? c : arch.compareTo(o.arch);
    }

    @Override
    public String toString() {
        return os.goos() + "/" + arch.goarch();
    }

    /** {@code linux-arm64}, for paths. */
    public String slug() {
        return os.goos() + "-" + arch.goarch();
    }
}
