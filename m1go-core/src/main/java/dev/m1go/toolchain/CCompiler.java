package dev.m1go.toolchain;

import dev.m1go.host.Arch;
import java.util.List;
import java.util.Objects;

/**
 * The C compiler and archiver m1go uses for one target.
 *
 * @param target  the architecture the compiler produces code for
 * @param family  {@code gcc} or {@code clang} (from {@code --version}); expectations may depend on it
 * @param cc      argv of the compiler ({@code aarch64-linux-gnu-gcc}, {@code clang -arch x86_64})
 * @param ar      argv of the archiver
 * @param version the first line of {@code cc --version}
 */
public record CCompiler(Arch target, String family, List<String> cc, List<String> ar, String version) {

    public CCompiler {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(family, "family");
        cc = List.copyOf(cc);
        ar = List.copyOf(ar);
        version = Objects.requireNonNullElse(version, "");
    }

    /** The value of Go's {@code CC} variable: the command with its fixed arguments. */
    public String ccVariable() {
        return String.join(" ", cc);
    }
}
