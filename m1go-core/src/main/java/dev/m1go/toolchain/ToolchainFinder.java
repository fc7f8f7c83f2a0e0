package dev.m1go.toolchain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.m1go.core.Mappers;
import dev.m1go.exec.Launch;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.host.BinaryHeader;
import dev.m1go.host.PathLookup;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds every Go installation on the machine and identifies each one: version from {@code go version} (always with
 * {@code GOTOOLCHAIN=local}, so that nothing switches toolchains behind m1go's back), architecture from the
 * {@code go} binary's header, and a few {@code go env} values. A toolchain of another architecture is run through
 * the {@link Launcher} (binfmt or Rosetta) and becomes part of the matrix like any other.
 */
final class ToolchainFinder {

    static final List<String> GO_ENV_KEYS = List.of(
            "GOARCH", "GOHOSTARCH", "GOOS", "GOHOSTOS", "CGO_ENABLED", "CC", "GOFLAGS", "GOTOOLCHAIN", "GOVERSION");

    private final ProcessRunner runner;
    private final Launcher launcher;
    private final Map<String, String> environment;
    private final Path home;
    private final Arch hostArch;
    private final Path logDir;
    private final Path root;

    /**
     * @param environment the environment m1go was started with (for PATH, GOROOT, GOMODCACHE, GOPATH)
     * @param home        the user's home directory (for {@code ~/sdk} and {@code ~/go})
     */
    public ToolchainFinder(
            ProcessRunner runner,
            Launcher launcher,
            Map<String, String> environment,
            Path home,
            Arch hostArch,
            Path logDir) {
        this(runner, launcher, environment, home, hostArch, logDir, Path.of("/"));
    }

    /**
     * @param root the file system root below which the well-known places ({@code /usr/local/go}, {@code /usr/lib/go-*},
     *             Homebrew's Cellar) are looked up: {@code /}, or a temporary tree in tests
     */
    ToolchainFinder(
            ProcessRunner runner,
            Launcher launcher,
            Map<String, String> environment,
            Path home,
            Arch hostArch,
            Path logDir,
            Path root) {
        this.root = root;
        this.runner = runner;
        this.launcher = launcher;
        this.environment = Map.copyOf(environment);
        this.home = home;
        this.hostArch = hostArch;
        this.logDir = logDir;
    }

    /**
     * Every toolchain found, sorted by version then architecture, one per real GOROOT.
     *
     * @param userRoots GOROOTs (or {@code go} binaries) the user named in {@code m1go.goRoots}; each must exist
     * @throws IllegalArgumentException naming {@code m1go.goRoots} when a user root is not a Go installation
     */
    public List<Toolchain> find(List<Path> userRoots) throws IOException {
        return find(userRoots, (version, arch) -> true);
    }

    /**
     * Like {@link #find(List)}, leaving out early, without running their {@code go} command, the installations whose
     * VERSION file and binary header say that {@code wanted} would not take them (a toolchain of another architecture
     * costs two translated {@code go} runs to identify).
     */
    public List<Toolchain> find(List<Path> userRoots, java.util.function.BiPredicate<GoVersion, Arch> wanted)
            throws IOException {
        Map<Path, String> candidates = new LinkedHashMap<>();
        for (Path root : userRoots) {
            Path goroot = userGoroot(root);
            candidates.putIfAbsent(goroot.toRealPath(), "m1go.goRoots");
        }
        new PathLookup(environment.get("PATH")).find("go").ifPresent(go -> add(candidates, goroot(go), "PATH"));
        Optional.ofNullable(environment.get("GOROOT")).ifPresent(r -> add(candidates, Path.of(r), "GOROOT"));
        add(candidates, root.resolve("usr/local/go"), "/usr/local/go");
        add(candidates, root.resolve("usr/lib/go"), "/usr/lib/go");
        glob(root.resolve("usr/lib"), "go-*").forEach(p -> add(candidates, p, "/usr/lib/go-*"));
        glob(home.resolve("sdk"), "go*").forEach(p -> add(candidates, p, "~/sdk"));
        otherArchitectureRoots(root.resolve("opt")).forEach(p -> add(candidates, p, "/opt/go-*"));
        glob(modCache().resolve("golang.org"), "toolchain@*").forEach(p -> add(candidates, p, "GOTOOLCHAIN download"));
        for (String cellar : List.of("opt/homebrew/Cellar/go", "usr/local/Cellar/go")) {
            glob(root.resolve(cellar), "*").forEach(p -> add(candidates, p.resolve("libexec"), "Homebrew"));
        }

        Map<Path, String> wantedCandidates = new LinkedHashMap<>();
        for (Map.Entry<Path, String> c : candidates.entrySet()) {
            if (!unwanted(c.getKey(), wanted)) {
                wantedCandidates.put(c.getKey(), c.getValue());
            }
        }
        List<Toolchain> found = identifyAll(wantedCandidates);
        found.sort(Comparator.comparing(Toolchain::goVersion)
                .thenComparing(t -> t.binaryArch() == hostArch ? 0 : 1)
                .thenComparing(t -> t.binaryArch().goarch())
                .thenComparing(t -> t.goroot().toString()));
        return List.copyOf(found);
    }

    /**
     * Where toolchains of another architecture are unpacked (scripts/install-linux-matrix.sh puts arm64 ones there):
     * the GOROOTs under {@code <opt>/go-<arch>/}: Debian packages unpacked with {@code dpkg-deb -x} there
     * ({@code usr/lib/go-1.X}) and Go releases placed or linked there ({@code go1.X.Y}), e.g.
     * {@code /opt/go-arm64/usr/lib/go-1.22} and {@code /opt/go-arm64/go1.27.3}.
     */
    static List<Path> otherArchitectureRoots(Path opt) {
        List<Path> roots = new ArrayList<>();
        for (Path arch : glob(opt, "go-*")) {
            roots.addAll(glob(arch.resolve("usr/lib"), "go-*"));
            roots.addAll(glob(arch, "go1*"));
        }
        return roots;
    }

    private static Path userGoroot(Path given) {
        Path p = given.toAbsolutePath().normalize();
        if (Files.isRegularFile(p)
                && p.getFileName().toString().equals("go")
                && p.getParent() != null
                && p.getParent().getParent() != null) {
            p = p.getParent().getParent();
        }
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new IllegalArgumentException("m1go.goRoots names " + given + ", which is a file, not a directory: "
                    + "give the GOROOT of a Go installation (the directory that holds bin/go), or remove the entry");
        }
        if (!Files.isDirectory(p)) {
            throw new IllegalArgumentException("m1go.goRoots names " + given + ", which does not exist: "
                    + "give the GOROOT of a Go installation (the directory that holds bin/go), or remove the entry");
        }
        if (!Files.isRegularFile(p.resolve("bin/go"))) {
            throw new IllegalArgumentException("m1go.goRoots names " + given + ", which has no bin/go: "
                    + "give the GOROOT of a Go installation (the directory that holds bin/go)");
        }
        return p;
    }

    private static Path goroot(Path goOnPath) {
        try {
            Path real = goOnPath.toRealPath();
            return real.getParent().getParent();
        } catch (IOException e) {
            return goOnPath.toAbsolutePath().getParent().getParent();
        }
    }

    private static void add(Map<Path, String> candidates, Path goroot, String source) {
        if (!Files.isRegularFile(goroot.resolve("bin/go"))) {
            return;
        }
        try {
            candidates.putIfAbsent(goroot.toRealPath(), source);
        } catch (IOException e) {
            // Vanished or unreadable: not a toolchain m1go can use.
        }
    }

    private static List<Path> glob(Path dir, String pattern) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, pattern)) {
            s.forEach(out::add);
        } catch (IOException e) {
            return out;
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private Path modCache() {
        return GoPaths.modCache(environment, home);
    }

    /**
     * Identifies the candidates side by side, one per core: a toolchain of another architecture takes a second or
     * more under its translator, and the candidates do not depend on each other.
     */
    private List<Toolchain> identifyAll(Map<Path, String> candidates) throws IOException {
        List<Toolchain> found = new ArrayList<>();
        dev.m1go.core.Parallel.map(
                        List.copyOf(candidates.entrySet()),
                        Runtime.getRuntime().availableProcessors(),
                        "m1go-toolchain-identify",
                        c -> identify(c.getKey(), c.getValue()))
                .forEach(t -> t.ifPresent(found::add));
        return found;
    }

    private Optional<Toolchain> identify(Path goroot, String source) throws IOException {
        Path go = goroot.resolve("bin/go");
        Optional<Arch> arch = BinaryHeader.read(go).flatMap(BinaryHeader::arch);
        if (arch.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> versionFile = versionFile(goroot);
        Launch launch;
        try {
            launch = launcher.launchFor(arch.get());
        } catch (Launcher.CannotLaunchException e) {
            return versionFile.map(v -> new Toolchain(v, goroot, arch.get(), source, Map.of(), e.getMessage()));
        }
        // One go command per toolchain (a translated one takes a quarter of a second or more): go env's GOVERSION
        // (Go 1.16+) is what go version prints. An older go, or one that does not run, is asked go version.
        Map<String, String> env = goEnv(launch, goroot);
        String reported = env.get("GOVERSION");
        if (reported != null && GoVersion.fromGoVersionOutput(reported).isPresent()) {
            return Optional.of(new Toolchain(firstWord(reported), goroot, arch.get(), source, env, null));
        }
        ProcessResult version = go(launch, goroot, "version");
        Optional<String> v = GoVersion.fromGoVersionOutput(version.stdout()).map(x -> firstWord(version.stdout()));
        if (!version.succeeded() || v.isEmpty()) {
            String why = "its go binary did not run here (" + firstLine(version.combinedOutput()) + ")";
            return versionFile.map(vf -> new Toolchain(vf, goroot, arch.get(), source, Map.of(), why));
        }
        return Optional.of(new Toolchain(v.get(), goroot, arch.get(), source, env, null));
    }

    private Map<String, String> goEnv(Launch launch, Path goroot) throws IOException {
        // Only these keys: asked for everything, go env also probes the C compiler for GOGCCFLAGS (four gcc runs).
        List<String> args = new ArrayList<>(List.of("env", "-json"));
        args.addAll(GO_ENV_KEYS);
        ProcessResult r = go(launch, goroot, args.toArray(String[]::new));
        Map<String, String> values = new TreeMap<>();
        if (!r.succeeded()) {
            return values;
        }
        try {
            JsonNode node = Mappers.tree(r.stdout());
            for (String k : GO_ENV_KEYS) {
                JsonNode n = node.get(k);
                if (n != null && n.isTextual()) {
                    values.put(k, n.asText());
                }
            }
        } catch (IOException e) {
            // An old go without -json support: leave it empty, the version is what matters.
        }
        return values;
    }

    private ProcessResult go(Launch launch, Path goroot, String... args) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(goroot.resolve("bin/go").toString());
        argv.addAll(List.of(args));
        Map<String, String> env = new TreeMap<>();
        for (String k : List.of("PATH", "HOME", "TMPDIR")) {
            Optional.ofNullable(environment.get(k)).ifPresent(v -> env.put(k, v));
        }
        env.put("GOTOOLCHAIN", "local");
        env.put("GOROOT", goroot.toString());
        env.put("GOFLAGS", "");
        Path dir = Files.createDirectories(logDir);
        String name = "go-" + Integer.toHexString(goroot.toString().hashCode()) + "-" + args[0];
        return runner.run(new ProcessSpec(
                launch.wrap(argv),
                launch.environmentWith(env),
                dir,
                Duration.ofSeconds(120),
                Duration.ofSeconds(2),
                dir.resolve(name + ".out"),
                dir.resolve(name + ".err")));
    }

    private static boolean unwanted(Path goroot, java.util.function.BiPredicate<GoVersion, Arch> wanted)
            throws IOException {
        Optional<Arch> arch = BinaryHeader.read(goroot.resolve("bin/go")).flatMap(BinaryHeader::arch);
        Optional<GoVersion> version = versionFile(goroot).flatMap(GoVersion::parse);
        return arch.isPresent() && version.isPresent() && !wanted.test(version.get(), arch.get());
    }

    private static Optional<String> versionFile(Path goroot) {
        try {
            Path f = goroot.resolve("VERSION");
            if (Files.isRegularFile(f)) {
                String first =
                        Files.readAllLines(f).stream().findFirst().orElse("").trim();
                if (GoVersion.parse(first).isPresent()) {
                    return Optional.of(first);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** {@code go version go1.22.12 linux/amd64} → {@code go1.22.12}. */
    private static String firstWord(String goVersionOutput) {
        for (String w : goVersionOutput.trim().split("\\s+")) {
            if (w.startsWith("go") && GoVersion.parse(w).isPresent()) {
                return w;
            }
        }
        return goVersionOutput.trim();
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("no output");
    }
}
