package dev.m1go.host;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A user-mode emulator found on the host.
 *
 * @param name    {@code qemu-aarch64}, {@code qemu-aarch64-static}, {@code rosetta}
 * @param arch    the architecture it runs
 * @param path    where it is
 * @param version its own version line ({@code qemu-aarch64 version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)})
 */
public record Emulator(String name, Arch arch, Path path, String version) {
    public Emulator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(path, "path");
        version = Objects.requireNonNullElse(version, "");
    }
}
