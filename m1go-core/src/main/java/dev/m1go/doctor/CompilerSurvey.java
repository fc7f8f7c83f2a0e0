package dev.m1go.doctor;

import dev.m1go.doctor.DoctorReport.CompilerSection;
import dev.m1go.host.Arch;
import dev.m1go.host.Host;
import dev.m1go.host.Observation;
import dev.m1go.host.Os;
import dev.m1go.host.PathLookup;
import dev.m1go.toolchain.CCompiler;
import dev.m1go.toolchain.CCompilers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The C compilers section: {@code cc}, {@code gcc}, {@code clang}, {@code $CC} and the cross compilers m1go would use,
 * each asked for its version and made to compile an empty file whose object header says what it produces. It has no
 * findings of its own; the toolchain and environment checks judge what these compilers mean for a Go build.
 */
final class CompilerSurvey {

    private CompilerSurvey() {}

    static List<CompilerSection> survey(
            Host host, Map<String, String> environment, CompilerProbe cc, CCompilers crossCompilers)
            throws IOException {
        PathLookup path = new PathLookup(environment.get("PATH"));
        Map<String, String> names = new LinkedHashMap<>();
        for (String n : List.of("cc", "gcc", "clang")) {
            names.put(n, "default");
        }
        List<String> fromEnv = EnvironmentCheck.words(environment.get("CC"));
        if (!fromEnv.isEmpty() && !names.containsKey(String.join(" ", fromEnv))) {
            names.put(String.join(" ", fromEnv), "CC");
        }
        List<CompilerSection> sections = new ArrayList<>();
        for (Map.Entry<String, String> n : names.entrySet()) {
            List<String> argv = EnvironmentCheck.words(n.getKey());
            Optional<Path> found = path.find(argv.get(0));
            if (found.isEmpty()) {
                if (!n.getValue().equals("default") || n.getKey().equals("cc")) {
                    sections.add(new CompilerSection(
                            n.getKey(),
                            n.getValue(),
                            null,
                            null,
                            null,
                            null,
                            argv.get(0) + " not found on PATH",
                            List.of()));
                }
                continue;
            }
            sections.add(compiler(n.getKey(), n.getValue(), argv, found.get(), cc));
        }
        for (Arch a : crossTargets(host, path)) {
            String role = "cross compiler for " + a.goarch();
            CCompilers.Result r = crossCompilers.forTarget(a);
            if (r.get().isEmpty()) {
                sections.add(new CompilerSection(
                        a.gnuTriple() + "-gcc", role, null, null, null, null, r.missing(), List.of()));
                continue;
            }
            CCompiler c = r.get().get();
            sections.add(compiler(
                    c.ccVariable(), role, c.cc(), path.find(c.cc().get(0)).orElseThrow(), cc));
        }
        return sections;
    }

    /** macOS: both architectures (clang -arch); Linux: the other of amd64/arm64 and every {@code <triple>-gcc}. */
    static Set<Arch> crossTargets(Host host, PathLookup path) {
        Set<Arch> targets = EnumSet.of(Arch.AMD64, Arch.ARM64);
        if (host.os() == Os.DARWIN) {
            return targets;
        }
        targets.remove(host.arch());
        for (Arch a : Arch.values()) {
            if (a != host.arch() && path.find(a.gnuTriple() + "-gcc").isPresent()) {
                targets.add(a);
            }
        }
        return targets;
    }

    private static CompilerSection compiler(String name, String role, List<String> argv, Path found, CompilerProbe cc)
            throws IOException {
        List<Observation> evidence = new ArrayList<>();
        Path real = found;
        try {
            real = found.toRealPath();
        } catch (IOException e) {
            // A dangling link: keep the name found on PATH.
        }
        evidence.add(Observation.read(
                "PATH lookup of " + argv.get(0), found.equals(real) ? found.toString() : found + " -> " + real));
        List<String> resolved = new ArrayList<>(argv);
        resolved.set(0, found.toString());
        Observation version = cc.version(resolved);
        evidence.add(version);
        CompilerProbe.Compiled c = cc.compileEmpty(List.of(), resolved, List.of());
        evidence.addAll(c.evidence());
        return new CompilerSection(
                name,
                role,
                found.toString(),
                version.firstLine(),
                c.arch().map(Arch::goarch).orElse(null),
                c.format(),
                c.problem(),
                evidence);
    }
}
