package dev.m1go.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Small shell programs that stand in for the macOS tools the doctor asks, printing what an Apple silicon Mac (or an
 * Intel one) prints. Where each text comes from:
 * <ul>
 *   <li>{@code uname -m}: {@code arm64} on Apple silicon, {@code x86_64} in a process Rosetta 2 translates and on an
 *       Intel Mac; {@code uname -r}: {@code 23.6.0} is the Darwin release of macOS 14.6.</li>
 *   <li>{@code sysctl -n hw.optional.arm64}: {@code 1} on Apple silicon, also inside Rosetta.
 *       {@code sysctl -n sysctl.proc_translated}: {@code 1} translated, {@code 0} native, as Apple's "About the Rosetta
 *       translation environment" documents; where the OID does not exist (an Intel Mac) sysctl(8) prints
 *       {@code sysctl: unknown oid '…'} on stderr and exits 1 (the warning in macOS's sysctl.c, system_cmds).</li>
 *   <li>{@code arch -x86_64 /usr/bin/true}: silent exit 0 with Rosetta 2; without it, {@code arch: posix_spawnp:
 *       /usr/bin/true: Bad CPU type in executable} and exit 1. The stand-in exports the chosen slice as FAKE_ARCH
 *       for the programs it starts, as macOS starts universal binaries in the slice {@code arch} names.</li>
 *   <li>{@code clang --version}: the text of Apple clang 15.0.0 (Xcode 15.3 command line tools), whose Target line
 *       names the slice that runs; {@code clang -c} writes a Mach-O object whose header names the slice's
 *       architecture (or {@code -arch}'s): a universal clang started by a translated process builds x86_64.</li>
 *   <li>{@code gcc-13}: an x86_64-only Intel Homebrew gcc ("gcc-13 (Homebrew GCC 13.2.0) 13.2.0"), which builds
 *       x86_64 whoever starts it.</li>
 *   <li>{@code go}: answers {@code go version} and {@code go env -json} in the shape of Go 1.22's own output, with
 *       darwin values; GOARCH and CC follow the environment as they do for the real go.</li>
 * </ul>
 */
final class MacStandIns {

    enum Mac {
        /** An M1 with a native arm64 shell and JDK. */
        NATIVE_M1("arm64", "echo 1", "echo 0", true),
        /** An M1 whose shell and JDK are x86_64, translated by Rosetta 2. */
        TRANSLATED_M1("x86_64", "echo 1", "echo 1", true),
        /** An M1 on which Rosetta 2 was never installed. */
        M1_WITHOUT_ROSETTA("arm64", "echo 1", "echo 0", false),
        /** An Intel Mac: neither OID exists. */
        INTEL(
                "x86_64",
                "echo \"sysctl: unknown oid 'hw.optional.arm64'\" >&2; exit 1",
                "echo \"sysctl: unknown oid 'sysctl.proc_translated'\" >&2; exit 1",
                false);

        final String uname;
        final String arm64;
        final String translated;
        final boolean rosetta;

        Mac(String uname, String arm64, String translated, boolean rosetta) {
            this.uname = uname;
            this.arm64 = arm64;
            this.translated = translated;
            this.rosetta = rosetta;
        }
    }

    private MacStandIns() {}

    /** Writes the stand-ins into {@code bin}; returns it (to be the whole PATH). */
    static Path write(Path bin, Mac mac) throws IOException {
        Files.createDirectories(bin);
        script(bin.resolve("uname"), """
                case "$1" in
                  -m) echo %s ;;
                  -r) echo 23.6.0 ;;
                  *) echo Darwin ;;
                esac
                """.formatted(mac.uname));
        script(bin.resolve("sysctl"), """
                case "$2" in
                  hw.optional.arm64) %s ;;
                  sysctl.proc_translated) %s ;;
                  *) echo "sysctl: unknown oid '$2'" >&2; exit 1 ;;
                esac
                """.formatted(mac.arm64, mac.translated));
        script(bin.resolve("arch"), mac.rosetta ? """
                case "$1" in
                  -x86_64) FAKE_ARCH=x86_64 ;;
                  -arm64) FAKE_ARCH=arm64 ;;
                esac
                export FAKE_ARCH
                shift
                exec "$@"
                """ : """
                if [ "$1" = -x86_64 ]; then
                  echo "arch: posix_spawnp: $2: Bad CPU type in executable" >&2
                  exit 1
                fi
                FAKE_ARCH=arm64; export FAKE_ARCH; shift; exec "$@"
                """);
        String clang = """
                arch="${FAKE_ARCH:-%s}"
                out=""
                while [ $# -gt 0 ]; do
                  case "$1" in
                    --version)
                      printf 'Apple clang version 15.0.0 (clang-1500.3.9.4)\\nTarget: %%s-apple-darwin23.6.0\\nThread model: posix\\nInstalledDir: /Library/Developer/CommandLineTools/usr/bin\\n' "$arch"
                      exit 0 ;;
                    -arch) shift; arch="$1" ;;
                    -o) shift; out="$1" ;;
                  esac
                  shift
                done
                %s
                """.formatted(mac.uname, MACHO);
        script(bin.resolve("clang"), clang);
        script(bin.resolve("cc"), clang);
        script(bin.resolve("gcc-13"), """
                arch=x86_64
                out=""
                while [ $# -gt 0 ]; do
                  case "$1" in
                    --version) echo "gcc-13 (Homebrew GCC 13.2.0) 13.2.0"; exit 0 ;;
                    -o) shift; out="$1" ;;
                  esac
                  shift
                done
                %s
                """.formatted(MACHO));
        script(bin.resolve("ar"), "exit 0\n");
        return bin;
    }

    /** A GOROOT whose bin/go answers like a darwin Go 1.22.12 built for {@code goarch}. */
    static Path goroot(Path dir, String goarch) throws IOException {
        Path go = dir.resolve("bin/go");
        Files.createDirectories(go.getParent());
        script(go, """
                case "$1" in
                  version) echo "go version go1.22.12 darwin/%1$s" ;;
                  env) printf '%%s\\n' "{
                	\\"CC\\": \\"${CC:-clang}\\",
                	\\"CGO_ENABLED\\": \\"1\\",
                	\\"GOARCH\\": \\"${GOARCH:-%1$s}\\",
                	\\"GOFLAGS\\": \\"\\",
                	\\"GOHOSTARCH\\": \\"%1$s\\",
                	\\"GOHOSTOS\\": \\"darwin\\",
                	\\"GOOS\\": \\"darwin\\",
                	\\"GOTOOLCHAIN\\": \\"${GOTOOLCHAIN:-auto}\\",
                	\\"GOVERSION\\": \\"go1.22.12\\"
                }"
                  ;;
                esac
                """.formatted(goarch));
        Files.writeString(dir.resolve("go.env"), "# the defaults file of Go 1.21 and later\nGOTOOLCHAIN=auto\n");
        return dir;
    }

    /** Writes a 32-byte Mach-O 64 object header for $arch into $out (magic 0xfeedfacf, then the CPU type). */
    private static final String MACHO = """
            case "$arch" in
              arm64) cpu='\\014\\000\\000\\001' ;;
              *) cpu='\\007\\000\\000\\001' ;;
            esac
            printf "\\317\\372\\355\\376${cpu}\\000\\000\\000\\000\\001\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000" > "$out"
            """;

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
