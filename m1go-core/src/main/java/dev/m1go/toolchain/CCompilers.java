package dev.m1go.toolchain;

import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.host.PathLookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the C compiler for a target: the host's {@code gcc} (or {@code cc}) for its own architecture, Debian's
 * {@code <triple>-gcc} cross compilers for the others on Linux, {@code clang -arch …} on macOS. Each answer is
 * computed once.
 */
public final class CCompilers {

    private final Os hostOs;
    private final Arch hostArch;
    private final PathLookup path;
    private final ProcessRunner runner;
    private final Map<String, String> environment;
    private final Path logDir;
    private final Map<Arch, Result> cache = new ConcurrentHashMap<>();

    /** A compiler, or why there is none. */
    public record Result(CCompiler compiler, String missing) {
        public Optional<CCompiler> get() {
            return Optional.ofNullable(compiler);
        }
    }

    public CCompilers(Os hostOs, Arch hostArch, Map<String, String> environment, ProcessRunner runner, Path logDir) {
        this.hostOs = hostOs;
        this.hostArch = hostArch;
        this.environment = Map.copyOf(environment);
        this.path = new PathLookup(environment.get("PATH"));
        this.runner = runner;
        this.logDir = logDir;
    }

    public Result forTarget(Arch target) {
        return cache.computeIfAbsent(target, this::resolve);
    }

    private Result resolve(Arch target) {
        try {
            if (hostOs == Os.DARWIN) {
                return found(
                        target,
                        List.of("clang", "-arch", target.clangArch()),
                        List.of("ar"),
                        "clang",
                        "clang not found: install the Xcode command line tools (xcode-select --install)");
            }
            if (target == hostArch) {
                Optional<Path> gcc = path.find("gcc").or(() -> path.find("cc"));
                if (gcc.isEmpty()) {
                    return new Result(null, "no C compiler (gcc or cc) on PATH: apt-get install gcc");
                }
                return found(
                        target,
                        List.of(gcc.get().getFileName().toString()),
                        List.of("ar"),
                        gcc.get().getFileName().toString(),
                        "");
            }
            String triple = target.gnuTriple();
            String pkgArch = target == Arch.AMD64 ? "x86-64" : target.goarch();
            return found(
                    target,
                    List.of(triple + "-gcc"),
                    List.of(triple + "-ar"),
                    triple + "-gcc",
                    triple + "-gcc not found: apt-get install gcc-" + pkgArch + "-linux-gnu libc6-dev-"
                            + debianArch(target) + "-cross");
        } catch (IOException e) {
            return new Result(null, "could not run the C compiler for " + target + ": " + e.getMessage());
        }
    }

    private static String debianArch(Arch a) {
        return switch (a) {
            case ARM64 -> "arm64";
            case AMD64 -> "amd64";
            case I386 -> "i386";
            case ARM -> "armhf";
            default -> a.goarch();
        };
    }

    private Result found(Arch target, List<String> cc, List<String> ar, String program, String missing)
            throws IOException {
        if (path.find(cc.get(0)).isEmpty()) {
            return new Result(null, missing.isEmpty() ? program + " not found on PATH" : missing);
        }
        if (path.find(ar.get(0)).isEmpty()) {
            return new Result(null, ar.get(0) + " not found on PATH: install binutils for " + target);
        }
        List<String> argv = new ArrayList<>(cc);
        argv.add("--version");
        Path dir = Files.createDirectories(logDir);
        String name = "cc-" + target.goarch() + "-version";
        ProcessResult r = runner.run(new ProcessSpec(
                argv,
                environment,
                dir,
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                dir.resolve(name + ".out"),
                dir.resolve(name + ".err")));
        String version = r.stdout().strip().lines().findFirst().orElse("");
        String family = version.toLowerCase(Locale.ROOT).contains("clang") ? "clang" : "gcc";
        return new Result(new CCompiler(target, family, cc, ar, version), null);
    }
}
