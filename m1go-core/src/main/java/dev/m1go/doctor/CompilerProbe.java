package dev.m1go.doctor;

import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.host.BinaryHeader;
import dev.m1go.host.Observation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks a C compiler what it really produces: compiles an empty C file and reads the object's header with
 * {@link BinaryHeader}, the way {@code file} would. Its name or {@code --version} says what it was built as; the
 * object says what it builds.
 */
final class CompilerProbe {

    private final ProcessRunner processes;
    private final Map<String, String> environment;
    private final Path workDir;
    private final AtomicInteger number = new AtomicInteger();

    CompilerProbe(ProcessRunner processes, Map<String, String> environment, Path workDir) {
        this.processes = processes;
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
    }

    /**
     * What one compile of an empty file did.
     *
     * @param produced the object's architecture, when it compiled and the header was readable
     * @param format   the object's format ({@code ELF}, {@code Mach-O}), or {@code null}
     * @param problem  why there is no object, or {@code null}
     */
    record Compiled(Arch produced, String format, String problem, List<Observation> evidence) {
        Compiled {
            evidence = List.copyOf(evidence);
        }

        Optional<Arch> arch() {
            return Optional.ofNullable(produced);
        }

        /** The compiler's complaint (its output), empty when it printed nothing. */
        String output() {
            return evidence.stream()
                    .filter(o -> o.source().contains(" -c "))
                    .map(Observation::output)
                    .filter(s -> !s.isEmpty())
                    .findFirst()
                    .orElse("");
        }
    }

    /** The first line of {@code <cc> --version}. */
    Observation version(List<String> cc) throws IOException {
        List<String> argv = new ArrayList<>(cc);
        argv.add("--version");
        return run(argv, "version");
    }

    /**
     * Compiles an empty C file with {@code prefix + cc + flags -c empty.c -o empty.o}.
     *
     * @param prefix how to start the compiler ({@code arch -arm64} on macOS, to run it as a process of that
     *               architecture would); empty to start it from this process
     */
    Compiled compileEmpty(List<String> prefix, List<String> cc, List<String> flags) throws IOException {
        int n = number.incrementAndGet();
        Path dir = Files.createDirectories(workDir.resolve("cc-" + n));
        Path source = dir.resolve("empty.c");
        Files.writeString(source, "/* m1go doctor: an empty C file */\n");
        Path object = dir.resolve("empty.o");
        List<String> argv = new ArrayList<>(prefix);
        argv.addAll(cc);
        argv.addAll(flags);
        argv.addAll(List.of("-c", source.toString(), "-o", object.toString()));
        Observation compile = run(argv, "compile");
        List<Observation> evidence = new ArrayList<>(List.of(compile));
        if (compile.exitCode() == null || compile.exitCode() != 0 || !Files.isRegularFile(object)) {
            String why = compile.exitCode() == null
                    ? compile.firstLine()
                    : "compiling an empty C file failed (exit " + compile.exitCode() + "): " + compile.firstLine();
            return new Compiled(null, null, why, evidence);
        }
        Optional<BinaryHeader> header = BinaryHeader.read(object);
        evidence.add(Observation.read(
                "header of " + object, header.map(CompilerProbe::describe).orElse("not an ELF, Mach-O or ar file")));
        if (header.isEmpty() || header.get().arch().isEmpty()) {
            return new Compiled(
                    null,
                    header.map(BinaryHeader::format).orElse(null),
                    "the object's header names no architecture m1go knows",
                    evidence);
        }
        return new Compiled(header.get().arch().get(), header.get().format(), null, evidence);
    }

    /** {@code ELF arm64, interpreter /lib/ld-linux-aarch64.so.1}: a header the way {@code file} sums it up. */
    static String describe(BinaryHeader h) {
        String archs = h.archs().isEmpty()
                ? "unknown architecture"
                : String.join(" ", h.archs().stream().map(Arch::goarch).toList());
        return h.format() + " " + archs
                + (h.dynamic()
                        ? ", interpreter " + h.interpreter()
                        : h.format().equals("ELF") ? ", statically linked" : "");
    }

    private Observation run(List<String> argv, String what) throws IOException {
        int n = number.incrementAndGet();
        Path dir = Files.createDirectories(workDir);
        ProcessSpec spec = new ProcessSpec(
                argv,
                environment,
                dir,
                Duration.ofSeconds(60),
                Duration.ofSeconds(1),
                dir.resolve(what + "-" + n + ".out"),
                dir.resolve(what + "-" + n + ".err"));
        ProcessResult r = processes.run(spec);
        return new Observation(spec.display(), r.exitCode(), r.combinedOutput());
    }
}
