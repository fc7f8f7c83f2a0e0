package dev.m1go.doctor;

import dev.m1go.doctor.DoctorReport.EnvironmentSection;
import dev.m1go.doctor.DoctorReport.LibraryDirectory;
import dev.m1go.host.Arch;
import dev.m1go.host.BinaryHeader;
import dev.m1go.host.Host;
import dev.m1go.host.Observation;
import dev.m1go.host.Os;
import dev.m1go.host.PathLookup;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The ambient build environment: which variables are set, what each one does to a cgo build here, and whether the
 * library directories they point the linker at hold libraries of the architecture Go builds for (their headers are
 * read, not their names).
 */
final class EnvironmentCheck {

    /** The variables the doctor reports, set or not. */
    static final List<String> WATCHED = List.of(
            "GOARCH",
            "GOOS",
            "CGO_ENABLED",
            "CGO_CFLAGS",
            "CGO_CPPFLAGS",
            "CGO_CXXFLAGS",
            "CGO_LDFLAGS",
            "CC",
            "CXX",
            "PKG_CONFIG_PATH",
            "LIBRARY_PATH",
            "CPATH",
            "GOFLAGS",
            "GOTOOLCHAIN",
            "GOROOT",
            "QEMU_LD_PREFIX");

    /** Flags that only mean something to a C++ compiler; clang rejects {@code -std=gnu++17} for C, gcc warns. */
    private static final Pattern CXX_ONLY = Pattern.compile(
            "-std=(?:c|gnu)\\+\\+\\S*|-stdlib=\\S+|-fno-rtti|-frtti|-fno-threadsafe-statics|-fvisibility-inlines-hidden");
    /** C language standards, which a C++ compiler rejects. */
    private static final Pattern C_ONLY = Pattern.compile("-std=(?:c|gnu|iso9899:)\\d\\w*");

    private static final int MAX_LIBRARIES = 400;

    private final Host host;
    private final Map<String, String> environment;
    private final CompilerProbe compilers;
    private final Path rootDir;
    private final Affects affects;

    /**
     * @param affects {@link Affects#MATRIX} when {@code m1go.inheritEnvironment} passes these variables on to the
     *                matrix's builds, else {@link Affects#MANUAL_BUILDS}
     */
    EnvironmentCheck(
            Host host, Map<String, String> environment, CompilerProbe compilers, Path rootDir, Affects affects) {
        this.host = host;
        this.environment = Map.copyOf(environment);
        this.compilers = compilers;
        this.rootDir = rootDir;
        this.affects = affects;
    }

    /**
     * m1go:reproduce sets GOOS, GOARCH, CGO_ENABLED, CC and GOTOOLCHAIN for every cell, inherited environment or not:
     * what these variables do never reaches the matrix.
     */
    private static final Set<FindingKind> SET_BY_THE_MATRIX = EnumSet.of(
            FindingKind.GOARCH_SET_NATIVE,
            FindingKind.GOARCH_SET_FOREIGN,
            FindingKind.GOOS_SET,
            FindingKind.CGO_DISABLED,
            FindingKind.CC_SET,
            FindingKind.GOTOOLCHAIN_SET);

    private Finding finding(
            FindingKind kind, Severity severity, String subject, List<Observation> evidence, Object... args) {
        return kind.finding(
                severity, SET_BY_THE_MATRIX.contains(kind) ? Affects.MANUAL_BUILDS : affects, subject, evidence, args);
    }

    private Finding finding(FindingKind kind, String subject, List<Observation> evidence, Object... args) {
        return finding(kind, kind.severity(), subject, evidence, args);
    }

    /**
     * @param buildArch the architecture {@code go build} produces here (GOARCH of the go on PATH)
     * @param buildArchSource where that answer comes from, for messages
     */
    EnvironmentSection check(Arch buildArch, String buildArchSource, List<Finding> findings) throws IOException {
        Map<String, String> variables = new TreeMap<>();
        StringBuilder set = new StringBuilder();
        for (String name : WATCHED) {
            String v = environment.get(name);
            variables.put(name, v);
            if (v != null) {
                set.append(name).append('=').append(v).append('\n');
            }
        }
        Observation env = Observation.read(
                "environment", set.length() == 0 ? "none of " + String.join(" ", WATCHED) + " is set" : set.toString());
        ambientFindings(env, findings);
        flagFindings(findings);
        List<LibraryDirectory> dirs = new ArrayList<>();
        for (Map.Entry<Path, String> d : libraryDirectories().entrySet()) {
            LibraryDirectory dir = scan(d.getValue(), d.getKey());
            dirs.add(dir);
            libraryFindings(dir, buildArch, buildArchSource, findings);
        }
        return new EnvironmentSection(variables, dirs, List.of(env));
    }

    private void ambientFindings(Observation env, List<Finding> findings) {
        String goarch = environment.get("GOARCH");
        if (goarch != null && !goarch.isBlank()) {
            Optional<Arch> a = Arch.parse(goarch);
            if (a.isPresent() && a.get() == host.arch()) {
                findings.add(finding(FindingKind.GOARCH_SET_NATIVE, "GOARCH", List.of(env), goarch));
            } else {
                boolean emulated = a.isPresent() && host.binfmtFor(a.get()).isPresent();
                findings.add(finding(
                        FindingKind.GOARCH_SET_FOREIGN,
                        "GOARCH",
                        List.of(env),
                        goarch,
                        host.os().goos(),
                        host.arch().goarch(),
                        emulated ? " natively (only through binfmt_misc emulation)" : ""));
            }
        }
        String goos = environment.get("GOOS");
        if (goos != null && !goos.isBlank() && !goos.equals(host.os().goos())) {
            findings.add(finding(
                    FindingKind.GOOS_SET, "GOOS", List.of(env), goos, host.os().goos()));
        }
        if ("0".equals(environment.get("CGO_ENABLED"))) {
            findings.add(finding(FindingKind.CGO_DISABLED, "CGO_ENABLED", List.of(env)));
        }
        String cc = environment.get("CC");
        if (cc != null && !cc.isBlank()) {
            findings.add(finding(FindingKind.CC_SET, "CC", List.of(env), cc));
        }
        String goflags = environment.get("GOFLAGS");
        if (goflags != null && !goflags.isBlank()) {
            findings.add(finding(FindingKind.GOFLAGS_SET, "GOFLAGS", List.of(env), goflags));
        }
        String toolchain = environment.get("GOTOOLCHAIN");
        if (toolchain != null
                && !toolchain.isBlank()
                && !List.of("auto", "local", "path").contains(toolchain.trim())) {
            findings.add(finding(FindingKind.GOTOOLCHAIN_SET, "GOTOOLCHAIN", List.of(env), toolchain));
        }
    }

    private void flagFindings(List<Finding> findings) throws IOException {
        for (String variable : List.of("CGO_CFLAGS", "CGO_CPPFLAGS")) {
            List<String> cxx = matching(variable, CXX_ONLY);
            if (cxx.isEmpty()) {
                continue;
            }
            Optional<List<String>> cc = defaultCompiler();
            List<Observation> evidence =
                    new ArrayList<>(List.of(Observation.read("environment " + variable, environment.get(variable))));
            Severity severity = Severity.WARNING;
            String measured = "";
            if (cc.isPresent()) {
                List<String> flags = new ArrayList<>(words(environment.get("CGO_CPPFLAGS")));
                flags.addAll(words(environment.get("CGO_CFLAGS")));
                CompilerProbe.Compiled c = compilers.compileEmpty(List.of(), cc.get(), flags);
                evidence.addAll(c.evidence());
                String cmd = String.join(" ", cc.get());
                if (c.problem() != null) {
                    severity = Severity.ERROR;
                    measured = "; here " + cmd + " fails on an empty C file with it: " + firstLine(c.output());
                } else {
                    measured = c.output().isEmpty()
                            ? "; here " + cmd + " accepts it silently"
                            : "; here " + cmd + " warns: " + firstLine(c.output());
                }
            }
            String list = String.join(" ", cxx);
            findings.add(finding(
                    FindingKind.CGO_CFLAGS_CXX_FLAG,
                    severity,
                    variable,
                    evidence,
                    variable,
                    list,
                    cxx.size() == 1 ? "a C++ flag" : "C++ flags",
                    measured));
        }
        List<String> c = matching("CGO_CXXFLAGS", C_ONLY);
        if (!c.isEmpty()) {
            findings.add(finding(
                    FindingKind.CGO_CXXFLAGS_C_FLAG,
                    "CGO_CXXFLAGS",
                    List.of(Observation.read("environment CGO_CXXFLAGS", environment.get("CGO_CXXFLAGS"))),
                    String.join(" ", c)));
        }
    }

    /** The C compiler a plain {@code go build} here would call: {@code $CC}, else {@code cc}, {@code gcc}, {@code clang}. */
    private Optional<List<String>> defaultCompiler() {
        String cc = environment.get("CC");
        if (cc != null && !cc.isBlank()) {
            return Optional.of(words(cc));
        }
        PathLookup path = new PathLookup(environment.get("PATH"));
        return Optional.ofNullable(
                        host.os() == Os.DARWIN
                                ? "clang"
                                : path.find("cc").isPresent()
                                        ? "cc"
                                        : path.find("gcc").isPresent()
                                                ? "gcc"
                                                : path.find("clang").isPresent() ? "clang" : null)
                .map(List::of);
    }

    private List<String> matching(String variable, Pattern pattern) {
        return words(environment.get(variable)).stream()
                .filter(w -> pattern.matcher(w).matches())
                .toList();
    }

    static List<String> words(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.trim().split("\\s+")).toList();
    }

    /** Directory → the variable that names it, in the order found. */
    private Map<Path, String> libraryDirectories() {
        Map<Path, String> dirs = new LinkedHashMap<>();
        List<String> ld = words(environment.get("CGO_LDFLAGS"));
        for (int i = 0; i < ld.size(); i++) {
            String w = ld.get(i);
            if (w.equals("-L") && i + 1 < ld.size()) {
                dirs.putIfAbsent(Path.of(ld.get(++i)), "CGO_LDFLAGS");
            } else if (w.startsWith("-L") && w.length() > 2) {
                dirs.putIfAbsent(Path.of(w.substring(2)), "CGO_LDFLAGS");
            }
        }
        for (String variable : List.of("LIBRARY_PATH", "PKG_CONFIG_PATH")) {
            String v = environment.get(variable);
            if (v == null) {
                continue;
            }
            for (String part : v.split(":")) {
                if (part.isBlank()) {
                    continue;
                }
                Path p = Path.of(part);
                if (variable.equals("PKG_CONFIG_PATH")
                        && p.getFileName() != null
                        && p.getFileName().toString().equals("pkgconfig")
                        && p.getParent() != null) {
                    p = p.getParent();
                }
                dirs.putIfAbsent(p, variable);
            }
        }
        return dirs;
    }

    private static LibraryDirectory scan(String variable, Path dir) throws IOException {
        Map<String, Integer> archs = new TreeMap<>();
        Map<String, List<String>> byArch = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return new LibraryDirectory(
                    variable,
                    dir.toString(),
                    archs,
                    List.of(),
                    List.of(Observation.read("directory " + dir, "does not exist")));
        }
        List<Path> libraries = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if ((n.endsWith(".a") || n.endsWith(".so") || n.contains(".so.") || n.endsWith(".dylib"))
                        && Files.isRegularFile(p)) {
                    libraries.add(p);
                }
            }
        }
        libraries.sort(null);
        int read = 0;
        for (Path lib : libraries.subList(0, Math.min(MAX_LIBRARIES, libraries.size()))) {
            Optional<BinaryHeader> h;
            try {
                h = BinaryHeader.read(lib);
            } catch (IOException e) {
                continue;
            }
            read++;
            String key = h.flatMap(BinaryHeader::arch)
                    .map(Arch::goarch)
                    .orElse(h.map(x -> x.archs().size() > 1 ? "universal" : "unknown")
                            .orElse("unknown"));
            archs.merge(key, 1, Integer::sum);
            byArch.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(lib.getFileName().toString());
        }
        List<String> examples = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        byArch.forEach((a, names) -> {
            names.stream().limit(3).forEach(n -> examples.add(n + " (" + a + ")"));
            out.append(a)
                    .append(": ")
                    .append(names.size())
                    .append(" (")
                    .append(String.join(", ", names.stream().limit(5).toList()))
                    .append(names.size() > 5 ? ", …" : "")
                    .append(")\n");
        });
        return new LibraryDirectory(
                variable,
                dir.toString(),
                archs,
                examples,
                List.of(Observation.read(
                        "headers of the " + read + " libraries in " + dir,
                        read == 0 ? "no .a, .so or .dylib files" : out.toString())));
    }

    private void libraryFindings(LibraryDirectory dir, Arch buildArch, String buildArchSource, List<Finding> findings) {
        Map<String, Integer> foreign = new TreeMap<>(dir.archs());
        boolean hasOwn = foreign.remove(buildArch.goarch()) != null;
        foreign.remove("unknown");
        foreign.remove("universal");
        if (foreign.isEmpty()) {
            return;
        }
        String kinds = String.join(", ", foreign.keySet());
        String examples = String.join(
                ", ",
                dir.examples().stream()
                        .filter(e -> !e.endsWith("(" + buildArch.goarch() + ")"))
                        .toList());
        String named = dir.variable().equals("CGO_LDFLAGS") ? "-L" + dir.path() : dir.path();
        String remedy = "remove " + named + " from " + dir.variable() + ", or point it at " + buildArch.goarch()
                + " libraries" + suggestion(buildArch);
        findings.add(finding(
                hasOwn ? FindingKind.LIBRARY_DIR_MIXED_ARCH : FindingKind.LIBRARY_DIR_WRONG_ARCH,
                dir.variable(),
                dir.evidence(),
                dir.variable(),
                dir.path(),
                kinds,
                examples,
                buildArch.goarch(),
                buildArchSource,
                remedy));
    }

    private String suggestion(Arch arch) {
        if (host.os() == Os.DARWIN) {
            return arch == Arch.ARM64
                    ? " (Homebrew keeps arm64 libraries in /opt/homebrew/lib)"
                    : arch == Arch.AMD64 ? " (an Intel Homebrew keeps x86_64 libraries in /usr/local/lib)" : "";
        }
        Path multiarch = rootDir.resolve("usr/lib").resolve(arch.gnuTriple());
        Path cross = rootDir.resolve("usr").resolve(arch.gnuTriple()).resolve("lib");
        if (arch == host.arch() && Files.isDirectory(multiarch)) {
            return " (such as /usr/lib/" + arch.gnuTriple() + ")";
        }
        if (Files.isDirectory(cross)) {
            return " (such as /usr/" + arch.gnuTriple() + "/lib)";
        }
        return Files.isDirectory(multiarch) ? " (such as /usr/lib/" + arch.gnuTriple() + ")" : "";
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }
}
