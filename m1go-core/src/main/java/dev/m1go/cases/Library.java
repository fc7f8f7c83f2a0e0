package dev.m1go.cases;

import java.util.List;
import java.util.Objects;

/**
 * A static C library a case links with {@code #cgo LDFLAGS: ${SRCDIR}/lib<name>.a}.
 *
 * @param name    library name: {@code hello} gives {@code libhello.a}
 * @param sources C files compiled into it
 * @param cflags  extra compiler flags
 * @param otherArch build it for another architecture than the target (amd64 for an arm64 target and the other way
 *                round): the mixed-architecture link people meet with Homebrew's two prefixes
 */
public record Library(String name, List<String> sources, List<String> cflags, boolean otherArch) {
    public Library {
        Objects.requireNonNull(name, "name");
        sources = List.copyOf(sources);
        cflags = List.copyOf(cflags);
    }
}
