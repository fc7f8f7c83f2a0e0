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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The ambient build environment: which variables are set, what each one does to a cgo build here, and whether the
 * library directories they point the linker at hold libraries of the architecture Go builds for (their headers are
 * read, not their names).
 */
final class EnvironmentCheck {

    /** The variables the doctor reports, set or not. */
    static final List<String> WATCHED = List.of("GOARCH", "GOOS", "CGO_ENABLED", "CGO_CFLAGS", "CGO_CPPFLAGS",
            "CGO_CXXFLAGS", "CGO_LDFLAGS", "CC", "CXX", "PKG_CONFIG_PATH", "LIBRARY_PATH", "CPATH", "GOFLAGS",
            "GOTOOLCHAIN", "GOROOT", "QEMU_LD_PREFIX");

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

    EnvironmentCheck(Host host, Map<String, String> environment, CompilerProbe compilers, Path rootDir) {
        this.host = host;
        this.environment = Map.copyOf(environment);
        this.compilers = compilers;
        this.rootDir = rootDir;
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
        Observation env = Observation.read("environment", set.length() == 0 ? "none of " + String.join(" ", WATCHED)
                + " is set" : set.toString());
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
                findings.add(new Finding("goarch-set", Severity.INFO, "GOARCH",
                        "GOARCH=" + goarch + " is set in the environment; it is this machine's architecture, so it "
                                + "changes nothing here, but it overrides every Go toolchain's default",
                        "unset GOARCH, and set it per command when you cross-compile (GOARCH=… go build …)",
                        List.of(env)));
            } else {
                boolean emulated = a.isPresent() && host.binfmtFor(a.get()).isPresent();
                findings.add(new Finding("goarch-set", Severity.WARNING, "GOARCH",
                        "GOARCH is set in the environment (GOARCH=" + goarch + "): go run and go test will build "
                                + host.os().goos() + "/" + goarch + " binaries, which this " + host.arch().goarch()
                                + " machine cannot execute" + (emulated ? " natively (only through binfmt_misc emulation)"
                                : "") + ", and cgo is off by default for such cross builds",
                        "unset GOARCH (unset GOARCH), and set it per command when you cross-compile: GOARCH=" + goarch
                                + " go build …", List.of(env)));
            }
        }
        String goos = environment.get("GOOS");
        if (goos != null && !goos.isBlank() && !goos.equals(host.os().goos())) {
            findings.add(new Finding("goos-set", Severity.WARNING, "GOOS",
                    "GOOS is set in the environment (GOOS=" + goos + "): go run and go test will build binaries for "
                            + goos + ", which this " + host.os().goos() + " machine cannot execute",
                    "unset GOOS, and set it per command when you cross-compile: GOOS=" + goos + " go build …",
                    List.of(env)));
        }
        if ("0".equals(environment.get("CGO_ENABLED"))) {
            findings.add(new Finding("cgo-disabled", Severity.WARNING, "CGO_ENABLED",
                    "CGO_ENABLED=0 is set in the environment: every Go build here ignores import \"C\", so cgo "
                            + "programs do not build", "unset CGO_ENABLED", List.of(env)));
        }
        String cc = environment.get("CC");
        if (cc != null && !cc.isBlank()) {
            findings.add(new Finding("cc-set", Severity.INFO, "CC",
                    "CC=" + cc + " is set in the environment: every Go toolchain here uses it for cgo, whatever "
                            + "architecture it builds for (see each toolchain's ccProduces)",
                    "unset CC unless every Go build here should use " + cc, List.of(env)));
        }
        String goflags = environment.get("GOFLAGS");
        if (goflags != null && !goflags.isBlank()) {
            findings.add(new Finding("goflags-set", Severity.INFO, "GOFLAGS",
                    "GOFLAGS=" + goflags + " is set in the environment: every go command here adds these flags",
                    "unset GOFLAGS unless every Go build should use them", List.of(env)));
        }
        String toolchain = environment.get("GOTOOLCHAIN");
        if (toolchain != null && !toolchain.isBlank() && !List.of("auto", "local", "path").contains(toolchain.trim())) {
            findings.add(new Finding("gotoolchain-set", Severity.INFO, "GOTOOLCHAIN",
                    "GOTOOLCHAIN=" + toolchain + " is set in the environment: the go you call (1.21 or later) switches "
                            + "to that release and downloads it when it is missing, so the toolchain that builds is not "
                            + "the one on PATH", "unset GOTOOLCHAIN to build with the go you call", List.of(env)));
        }
    }

    private void flagFindings(List<Finding> findings) throws IOException {
        for (String variable : List.of("CGO_CFLAGS", "CGO_CPPFLAGS")) {
            List<String> cxx = matching(variable, CXX_ONLY);
            if (cxx.isEmpty()) {
                continue;
            }
            Optional<List<String>> cc = defaultCompiler();
            List<Observation> evidence = new ArrayList<>(List.of(Observation.read("environment " + variable,
                    environment.get(variable))));
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
                    measured = c.output().isEmpty() ? "; here " + cmd + " accepts it silently"
                            : "; here " + cmd + " warns: " + firstLine(c.output());
                }
            }
            String list = String.join(" ", cxx);
            findings.add(new Finding("cgo-cflags-cxx-flag", severity, variable,
                    variable + " contains " + list + ", " + (cxx.size() == 1 ? "a C++ flag" : "C++ flags")
                            + " that clang rejects for C (cgo compiles C with these flags)" + measured,
                    "move " + list + " to CGO_CXXFLAGS", evidence));
        }
        List<String> c = matching("CGO_CXXFLAGS", C_ONLY);
        if (!c.isEmpty()) {
            findings.add(new Finding("cgo-cxxflags-c-flag", Severity.WARNING, "CGO_CXXFLAGS",
                    "CGO_CXXFLAGS contains " + String.join(" ", c) + ", a C language standard that C++ compilers "
                            + "reject (\"invalid argument … not allowed with 'C++'\")",
                    "move " + String.join(" ", c) + " to CGO_CFLAGS",
                    List.of(Observation.read("environment CGO_CXXFLAGS", environment.get("CGO_CXXFLAGS")))));
        }
    }

    /** The C compiler a plain {@code go build} here would call: {@code $CC}, else {@code cc}, {@code gcc}, {@code clang}. */
    private Optional<List<String>> defaultCompiler() {
        String cc = environment.get("CC");
        if (cc != null && !cc.isBlank()) {
            return Optional.of(words(cc));
        }
        PathLookup path = new PathLookup(environment.get("PATH"));
        return Optional.ofNullable(host.os() == Os.DARWIN ? "clang" : path.find("cc").isPresent() ? "cc"
                : path.find("gcc").isPresent() ? "gcc" : path.find("clang").isPresent() ? "clang" : null)
                .map(List::of);
    }

    private List<String> matching(String variable, Pattern pattern) {
        return words(environment.get(variable)).stream().filter(w -> pattern.matcher(w).matches()).toList();
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
                if (variable.equals("PKG_CONFIG_PATH") && p.getFileName() != null
                        && p.getFileName().toString().equals("pkgconfig") && p.getParent() != null) {
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
            return new LibraryDirectory(variable, dir.toString(), archs, List.of(),
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
            String key = h.flatMap(BinaryHeader::arch).map(Arch::goarch)
                    .orElse(h.map(x -> x.archs().size() > 1 ? "universal" : "unknown").orElse("unknown"));
            archs.merge(key, 1, Integer::sum);
            byArch.computeIfAbsent(key, k -> new ArrayList<>()).add(lib.getFileName().toString());
        }
        List<String> examples = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        byArch.forEach((a, names) -> {
            names.stream().limit(3).forEach(n -> examples.add(n + " (" + a + ")"));
            out.append(a).append(": ").append(names.size()).append(" (")
                    .append(String.join(", ", names.stream().limit(5).toList()))
                    .append(names.size() > 5 ? ", …" : "").append(")\n");
        });
        return new LibraryDirectory(variable, dir.toString(), archs, examples,
                List.of(Observation.read("headers of the " + read + " libraries in " + dir,
                        read == 0 ? "no .a, .so or .dylib files" : out.toString())));
    }

    private void libraryFindings(LibraryDirectory dir, Arch buildArch, String buildArchSource,
                                 List<Finding> findings) {
        Map<String, Integer> foreign = new TreeMap<>(dir.archs());
        boolean hasOwn = foreign.remove(buildArch.goarch()) != null;
        foreign.remove("unknown");
        foreign.remove("universal");
        if (foreign.isEmpty()) {
            return;
        }
        String kinds = String.join(", ", foreign.keySet());
        String examples = String.join(", ", dir.examples().stream()
                .filter(e -> !e.endsWith("(" + buildArch.goarch() + ")")).toList());
        String named = dir.variable().equals("CGO_LDFLAGS") ? "-L" + dir.path() : dir.path();
        String remedy = "remove " + named + " from " + dir.variable() + ", or point it at " + buildArch.goarch()
                + " libraries" + suggestion(buildArch);
        if (!hasOwn) {
            findings.add(new Finding("library-dir-wrong-arch", Severity.ERROR, dir.variable(),
                    dir.variable() + " points the linker at " + dir.path() + ", which holds only " + kinds
                            + " libraries (" + examples + "), but Go builds " + buildArch.goarch() + " here ("
                            + buildArchSource + "): links against them fail ('file in wrong format', 'skipping "
                            + "incompatible', 'building for … but attempting to link with file built for …')",
                    remedy, dir.evidence()));
        } else {
            findings.add(new Finding("library-dir-mixed-arch", Severity.WARNING, dir.variable(),
                    dir.variable() + " points the linker at " + dir.path() + ", which holds " + buildArch.goarch()
                            + " libraries and also " + kinds + " ones (" + examples + "): a library found there first "
                            + "may be of the wrong architecture", remedy, dir.evidence()));
        }
    }

    private String suggestion(Arch arch) {
        if (host.os() == Os.DARWIN) {
            return arch == Arch.ARM64 ? " (Homebrew keeps arm64 libraries in /opt/homebrew/lib)"
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
