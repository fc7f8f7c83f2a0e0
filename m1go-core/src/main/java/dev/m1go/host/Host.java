package dev.m1go.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What this machine is, as observed: the OS and its native architecture (asked from the OS, not from the JVM), the
 * JVM's own idea of it, whether this process is translated, the emulators and binfmt handlers, the cross sysroots,
 * and the ambient build environment (recorded, not passed on).
 *
 * @param os          the operating system
 * @param arch        the CPU's native architecture as the OS reports it ({@code uname -m};
 *                    {@code hw.optional.arm64} on macOS, which stays true inside Rosetta)
 * @param unameMachine what {@code uname -m} printed (under Rosetta it says x86_64 on an arm64 Mac)
 * @param jvmArch     {@code os.arch} of this JVM
 * @param kernel      {@code uname -r} (Linux) or the Darwin release
 * @param translated  this process runs translated ({@code sysctl.proc_translated}); {@code null} when unknowable
 * @param emulators   user-mode emulators found on PATH
 * @param binfmt      binfmt_misc entries (Linux)
 * @param sysroots    directories holding the C runtime of a foreign architecture ({@code /usr/aarch64-linux-gnu})
 * @param ambient     the build variables set in m1go's environment ({@code CGO_CFLAGS}, {@code GOARCH}, …)
 */
public record Host(
        Os os,
        Arch arch,
        String unameMachine,
        String jvmArch,
        String kernel,
        Boolean translated,
        List<Emulator> emulators,
        List<BinfmtEntry> binfmt,
        Map<Arch, Path> sysroots,
        SortedMap<String, String> ambient) {

    public Host {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
        unameMachine = Objects.requireNonNullElse(unameMachine, "");
        jvmArch = Objects.requireNonNullElse(jvmArch, "");
        kernel = Objects.requireNonNullElse(kernel, "");
        emulators = List.copyOf(emulators);
        binfmt = List.copyOf(binfmt);
        sysroots = Map.copyOf(sysroots);
        ambient = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(ambient));
    }

    public Optional<Path> sysroot(Arch a) {
        return Optional.ofNullable(sysroots.get(a));
    }

    /** An enabled binfmt_misc handler for {@code a}, if the kernel has one. */
    public Optional<BinfmtEntry> binfmtFor(Arch a) {
        return binfmt.stream().filter(e -> e.enabled() && e.arch() == a).findFirst();
    }

    /** Emulators for {@code a}, the dynamic {@code qemu-x} before {@code qemu-x-static}. */
    public List<Emulator> emulatorsFor(Arch a) {
        return emulators.stream().filter(e -> e.arch() == a).toList();
    }
}
