package dev.m1go.host;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A CPU architecture under the names each tool uses for it: Go's GOARCH, {@code uname -m}, qemu's binary suffix,
 * the GNU triple of Debian's cross compilers, and the machine numbers in ELF and Mach-O headers.
 */
public enum Arch {
    AMD64("amd64", "x86_64", "x86_64", "x86_64-linux-gnu", 62, 0x01000007),
    ARM64("arm64", "aarch64", "aarch64", "aarch64-linux-gnu", 183, 0x0100000c),
    I386("386", "i686", "i386", "i686-linux-gnu", 3, 7),
    ARM("arm", "armv7l", "arm", "arm-linux-gnueabihf", 40, 12),
    RISCV64("riscv64", "riscv64", "riscv64", "riscv64-linux-gnu", 243, -1),
    PPC64LE("ppc64le", "ppc64le", "ppc64le", "powerpc64le-linux-gnu", 21, -1),
    S390X("s390x", "s390x", "s390x", "s390x-linux-gnu", 22, -1);

    private final String goarch;
    private final String uname;
    private final String qemu;
    private final String gnuTriple;
    private final int elfMachine;
    private final int machoCpuType;

    Arch(String goarch, String uname, String qemu, String gnuTriple, int elfMachine, int machoCpuType) {
        this.goarch = goarch;
        this.uname = uname;
        this.qemu = qemu;
        this.gnuTriple = gnuTriple;
        this.elfMachine = elfMachine;
        this.machoCpuType = machoCpuType;
    }

    /** Go's name: {@code amd64}, {@code arm64}, … */
    public String goarch() {
        return goarch;
    }

    /** What {@code uname -m} prints on Linux (macOS prints {@code arm64} for ARM64). */
    public String uname() {
        return uname;
    }

    /** Suffix of the qemu-user binary: {@code qemu-aarch64}. */
    public String qemu() {
        return qemu;
    }

    /** GNU triple of Debian's cross tools: {@code aarch64-linux-gnu}. */
    public String gnuTriple() {
        return gnuTriple;
    }

    /** The architecture name clang's {@code -arch} takes on macOS. */
    public String clangArch() {
        return this == AMD64 ? "x86_64" : goarch;
    }

    public int elfMachine() {
        return elfMachine;
    }

    public int machoCpuType() {
        return machoCpuType;
    }

    @Override
    public String toString() {
        return goarch;
    }

    /** Parses any of the names this architecture goes by ({@code arm64}, {@code aarch64}, {@code x86_64}, …). */
    public static Optional<Arch> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("x86-64") || n.equals("x64")) {
            return Optional.of(AMD64);
        }
        if (n.equals("armv8") || n.equals("arm64e")) {
            return Optional.of(ARM64);
        }
        if (n.equals("i386") || n.equals("x86") || n.equals("i486") || n.equals("i586")) {
            return Optional.of(I386);
        }
        return Arrays.stream(values())
                .filter(a -> a.goarch.equals(n) || a.uname.equals(n) || a.qemu.equals(n))
                .findFirst();
    }

    public static Optional<Arch> ofElfMachine(int machine) {
        return Arrays.stream(values()).filter(a -> a.elfMachine == machine).findFirst();
    }

    public static Optional<Arch> ofMachoCpuType(int cpuType) {
        return Arrays.stream(values()).filter(a -> a.machoCpuType == cpuType).findFirst();
    }
}
