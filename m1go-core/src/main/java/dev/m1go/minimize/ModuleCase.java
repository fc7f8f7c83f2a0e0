package dev.m1go.minimize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.m1go.cases.CaseDefinitionException;
import dev.m1go.cases.CaseLoader;
import dev.m1go.cases.Expectation;
import dev.m1go.cases.ReproCase;
import dev.m1go.cases.Variant;
import dev.m1go.classify.Outcome;
import dev.m1go.core.FileTrees;
import dev.m1go.core.Mappers;
import dev.m1go.core.UserError;
import dev.m1go.exec.Launch;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.module.ModuleProject;
import dev.m1go.settings.BuildEnvironment;
import dev.m1go.toolchain.GoPaths;
import dev.m1go.toolchain.Toolchain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Module mode: the failing test (or main package) of the user's module as a standalone case, a module of its own.
 * {@code go list -deps -test} says which packages of the module the test needs; their directories are copied with
 * go.mod and go.sum (dependencies outside the module keep coming from the module cache, and the minimized case gets
 * them vendored, only the packages it still uses). The test's files lose their {@code _test} suffix and a generated
 * {@code m1go_main.go} runs the one test through {@code testing.Main}, as {@code go test -run '^TestX$'} would, printing
 * {@code PASS} when it passes.
 *
 * <p>Limits: a test of a package main, an external test ({@code package x_test}) of the module's root package, and a
 * test of a subpackage that needs the module's root package are refused with a message; {@code TestMain} does not run.
 */
final class ModuleCase {

    /**
     * A package of the user's module as a case of its own.
     *
     * @param reportId   the case id its cells have in a report of {@code m1go:reproduce} ({@code store.test})
     * @param name       the minimized case's directory name
     * @param what       one phrase for logs and the README
     * @param provenance rows of the README's provenance table
     */
    record Standalone(ReproCase reproCase, String reportId, String name, String what, Map<String, String> provenance) {}

    private static final String MAIN = "m1go_main.go";
    /** What a module's {@code x_test.go} is called in the case: {@code m1gotest_x.go}. */
    static final String TEST_FILE_PREFIX = "m1gotest_";
    /** A test function as go test finds it: Test, then nothing or a character that is not a lower-case letter. */
    private static final java.util.regex.Pattern TEST_NAME =
            java.util.regex.Pattern.compile("Test([^\\p{Ll}\\W]\\w*)?");

    private final ProcessRunner processes;
    private final Map<String, String> environment;
    private final Path home;
    private final Path cacheDirectory;
    private final GoTool go;

    ModuleCase(ProcessRunner processes, Map<String, String> environment, Path home, Path cacheDirectory, GoTool go) {
        this.processes = processes;
        this.environment = environment;
        this.home = home;
        this.cacheDirectory = cacheDirectory;
        this.go = go;
    }

    Standalone standalone(MinimizeSettings.ModuleTarget target, Toolchain lister, Launch launch, Path work)
            throws UserError, IOException {
        Path module = target.module().toAbsolutePath().normalize();
        String goMod;
        try {
            goMod = Files.readString(module.resolve("go.mod"));
        } catch (IOException e) {
            throw new UserError("m1go.module is " + module + ", which holds no go.mod: point it at the directory of "
                    + "your Go module");
        }
        String modulePath;
        try {
            modulePath = ModuleProject.modulePath(goMod);
        } catch (CaseDefinitionException e) {
            throw new UserError(e.getMessage());
        }
        if (target.test() != null && !TEST_NAME.matcher(target.test()).matches()) {
            throw new UserError("m1go.minimize.test=" + target.test() + " is not the name of a test function "
                    + "(TestFlush)"
                    + (target.test().contains("/")
                            ? "; a subtest runs with its parent: name the " + "top-level test"
                            : ""));
        }
        String pkg = target.pkg().equals(".") || target.pkg().startsWith("./") ? target.pkg() : "./" + target.pkg();
        boolean test = target.test() != null;
        List<JsonNode> listed = list(module, pkg, test, target.goflags(), lister, launch, work);
        JsonNode self = listed.stream()
                .filter(n -> n.path("ForTest").isMissingNode()
                        && !n.path("ImportPath").asText().endsWith(".test")
                        && n.path("Dir")
                                .asText()
                                .equals(module.resolve(pkg).normalize().toString()))
                .findFirst()
                .orElseThrow(() -> new UserError("go list does not know " + pkg + " in " + module));
        String importPath = self.path("ImportPath").asText();
        String name = self.path("Name").asText();
        Set<Path> dirs = new LinkedHashSet<>();
        for (JsonNode n : listed) {
            if (n.path("Module").path("Main").asBoolean(false)
                    && !n.path("Dir").asText().isEmpty()) {
                dirs.add(Path.of(n.path("Dir").asText()));
            }
        }
        Path pkgDir = Path.of(self.path("Dir").asText());
        boolean atRoot = pkgDir.equals(module);
        if (test && name.equals("main")) {
            throw new UserError("m1go:minimize cannot yet run a test of a package main (" + pkg + ") on its own: "
                    + "move the code under test into a package it imports");
        }
        if (!atRoot && dirs.contains(module)) {
            throw new UserError("the test of " + pkg + " needs the module's root package, and the minimized case's "
                    + "root must hold its own main package: m1go:minimize cannot take this test apart yet");
        }
        Map<String, byte[]> files = new TreeMap<>();
        files.put("go.mod", goMod.getBytes(StandardCharsets.UTF_8));
        if (Files.isRegularFile(module.resolve("go.sum"))) {
            files.put("go.sum", Files.readAllBytes(module.resolve("go.sum")));
        }
        for (Path d : dirs) {
            copy(module, d, d.equals(pkgDir), files);
        }
        String rel = module.relativize(pkgDir).toString().replace('\\', '/');
        String prefix = rel.isEmpty() ? "" : rel + "/";
        List<String> runArgs = new ArrayList<>();
        if (test) {
            runArgs.add("-test.run=^" + target.test() + "$");
            testAsProgram(files, prefix, atRoot, importPath, target.test(), work);
        } else {
            runArgs.addAll(target.args());
            if (!atRoot) {
                moveToRoot(files, prefix);
            }
        }
        String reportId = reportId(target);
        String id = (ModuleProject.id(pkg, modulePath) + (test ? "-" + target.test() : ""))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        String what = test
                ? "test " + target.test() + " of package " + pkg + " of module " + modulePath
                : "main package " + pkg + " of module " + modulePath;
        Map<String, String> buildEnv =
                target.goflags().isEmpty() ? Map.of() : Map.of("GOFLAGS", String.join(" ", target.goflags()));
        ReproCase c = new ReproCase(
                id.isEmpty() ? "module" : id,
                what,
                "module " + modulePath,
                files,
                null,
                buildEnv,
                runArgs,
                Map.of(),
                test ? "PASS" : CaseLoader.DEFAULT_MARKER,
                false,
                null,
                List.of(Variant.defaultVariant()),
                new Expectation(new Expectation.Expected(Outcome.PASS, null, "a test passes"), List.of()),
                List.of(),
                null,
                null);
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("module", modulePath + " (" + module + ")");
        provenance.put("version", version(module, work));
        provenance.put(
                test ? "test" : "package",
                test
                        ? target.test() + " of " + pkg + " (run alone: -test.run '^" + target.test() + "$')"
                        : pkg + (target.args().isEmpty() ? "" : " with " + target.args()));
        return new Standalone(c, reportId, id + "-min", what, provenance);
    }

    /** The case id the target's cells have in a report of m1go:reproduce ({@code store.test}, {@code cmd/server}). */
    static String reportId(MinimizeSettings.ModuleTarget target) throws UserError {
        Path module = target.module().toAbsolutePath().normalize();
        String modulePath;
        try {
            modulePath = ModuleProject.modulePath(Files.readString(module.resolve("go.mod")));
        } catch (IOException | CaseDefinitionException e) {
            throw new UserError("m1go.module is " + module + ", which holds no readable go.mod: point it at the "
                    + "directory of your Go module");
        }
        if (target.test() != null && !TEST_NAME.matcher(target.test()).matches()) {
            throw new UserError("m1go.minimize.test=" + target.test() + " is not the name of a test function "
                    + "(TestFlush)"
                    + (target.test().contains("/")
                            ? "; a subtest runs with its parent: name the " + "top-level test"
                            : ""));
        }
        String pkg = target.pkg().equals(".") || target.pkg().startsWith("./") ? target.pkg() : "./" + target.pkg();
        return ModuleProject.id(pkg, modulePath) + (target.test() != null ? ".test" : "");
    }

    private List<JsonNode> list(
            Path module, String pkg, boolean test, List<String> goflags, Toolchain t, Launch launch, Path work)
            throws UserError, IOException {
        Map<String, String> env = new TreeMap<>(BuildEnvironment.base(environment, false));
        env.putAll(Map.of(
                "GOTOOLCHAIN",
                "local",
                "GOROOT",
                t.goroot().toString(),
                "CGO_ENABLED",
                "1",
                "GOFLAGS",
                String.join(" ", goflags),
                "GOPATH",
                work.resolve("gopath").toString(),
                "GOMODCACHE",
                GoPaths.modCache(environment, home).toString(),
                "GOCACHE",
                cacheDirectory.resolve("go-build").resolve(t.key()).toString()));
        List<String> argv = new ArrayList<>(List.of(t.goBinary().toString(), "list", "-deps", "-json"));
        if (test) {
            argv.add("-test");
        }
        argv.add(pkg);
        Path logs = Files.createDirectories(work.resolve("logs"));
        ProcessResult r = processes.run(new ProcessSpec(
                launch.wrap(argv),
                launch.environmentWith(env),
                module,
                Duration.ofMinutes(5),
                Duration.ofSeconds(3),
                logs.resolve("go-list.stdout"),
                logs.resolve("go-list.stderr")));
        if (!r.succeeded()) {
            throw new UserError("go list " + pkg + " failed in " + module + ": "
                    + r.stderr().strip());
        }
        List<JsonNode> out = new ArrayList<>();
        try (MappingIterator<JsonNode> it =
                Mappers.json().readerFor(JsonNode.class).readValues(r.stdout())) {
            while (it.hasNext()) {
                out.add(it.next());
            }
        }
        return out;
    }

    /** What one file of a case may hold: the case loader refuses more (m1go:reproduce of the minimized case). */
    private static final long MAX_FILE_BYTES = 32L << 20;

    /**
     * The regular files of a package directory (and its testdata); test files only of the package under test. A link
     * is followed only to a file inside the module (a case is posted upstream: nothing from outside the module may get
     * into it); a file too large for a case stops with its name.
     */
    private static void copy(Path module, Path dir, boolean underTest, Map<String, byte[]> files)
            throws IOException, UserError {
        Path realModule = module.toRealPath();
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.sorted().toList()) {
                String n = f.getFileName().toString();
                if (Files.isRegularFile(f)
                        && !n.equals("go.mod")
                        && !n.equals("go.sum")
                        && (underTest || !n.endsWith("_test.go"))) {
                    found.add(f);
                }
            }
        }
        Path testdata = dir.resolve("testdata");
        if (underTest && Files.isDirectory(testdata)) {
            try (Stream<Path> s = Files.walk(testdata)) {
                found.addAll(s.filter(Files::isRegularFile).sorted().toList());
            }
        }
        for (Path f : found) {
            if (!f.toRealPath().startsWith(realModule)) {
                continue; // a link out of the module
            }
            if (Files.size(f) > MAX_FILE_BYTES) {
                throw new UserError(f + " has " + Files.size(f) + " bytes, more than a case file may hold ("
                        + MAX_FILE_BYTES + "): m1go:minimize cannot copy this package into a case");
            }
            files.put(module.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
        }
    }

    /**
     * The package's test files as ordinary files; an internal test's functions stay in the package (exported:
     * {@code TestX}), an external test's files join the root's package main; the generated main runs the one test.
     */
    private void testAsProgram(
            Map<String, byte[]> files, String prefix, boolean atRoot, String importPath, String test, Path work)
            throws UserError, IOException {
        Map<String, byte[]> tests = new TreeMap<>();
        for (String k : List.copyOf(files.keySet())) {
            if (k.startsWith(prefix) && !k.substring(prefix.length()).contains("/") && k.endsWith("_test.go")) {
                tests.put(k, files.remove(k));
            }
        }
        boolean external = false;
        boolean found = false;
        Path scratch = Files.createTempDirectory(Files.createDirectories(work.resolve("scratch")), "module");
        try {
            for (Map.Entry<String, byte[]> t : tests.entrySet()) {
                Path p = scratch.resolve(t.getKey().replace('/', '_'));
                Files.write(p, t.getValue());
                GoTool.GoUnits u = go.units(List.of(p)).get(0);
                boolean xtest = u.pkg().endsWith("_test");
                boolean declares = u.decls().stream().anyMatch(d -> d.kind().equals("func " + test));
                external |= xtest && declares;
                found |= declares;
                // A prefix, not a suffix: x_arm64_test.go becomes m1gotest_x_arm64.go and keeps its build constraint.
                String base =
                        TEST_FILE_PREFIX + t.getKey().substring(prefix.length()).replaceFirst("_test\\.go$", ".go");
                if (xtest) {
                    if (atRoot) {
                        throw new UserError("m1go:minimize cannot yet run the external tests (package " + u.pkg()
                                + ") of the module's root package on their own");
                    }
                    files.put(base, rename(t.getValue(), u.clause(), "main"));
                } else {
                    files.put(prefix + base, atRoot ? rename(t.getValue(), u.clause(), "main") : t.getValue());
                }
            }
            if (atRoot) {
                for (Map.Entry<String, byte[]> f : List.copyOf(files.entrySet())) {
                    String k = f.getKey();
                    if (k.endsWith(".go") && !k.contains("/") && !k.startsWith(TEST_FILE_PREFIX)) {
                        Path p = scratch.resolve("root_" + k);
                        Files.write(p, f.getValue());
                        files.put(
                                k,
                                rename(f.getValue(), go.units(List.of(p)).get(0).clause(), "main"));
                    }
                }
            }
        } finally {
            FileTrees.delete(scratch);
        }
        if (!found) {
            throw new UserError(
                    "no test file of " + (prefix.isEmpty() ? "the module's root package" : prefix) + " declares func "
                            + test + ": check m1go.minimize.test=" + test + " and m1go.tests (the package)");
        }
        String call = atRoot || external ? test : "m1gotest." + test;
        String imports = atRoot || external ? "" : "\n\tm1gotest \"" + importPath + "\"\n";
        files.put(
                MAIN,
                ("// Generated by m1go:minimize: runs " + test + " of " + importPath + " alone, as go test "
                                + "-run '^" + test
                                + "$' would.\npackage main\n\nimport (\n\t\"regexp\"\n\t\"testing\"\n" + imports
                                + ")\n\nfunc main() {\n\ttesting.Main(regexp.MatchString,\n\t\t[]testing.InternalTest{{Name: \""
                                + test
                                + "\", F: " + call + "}}, nil, nil)\n}\n")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] rename(byte[] text, CSource.Span clause, String name) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(text, 0, clause.start());
        out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        out.write(text, clause.end(), text.length - clause.end());
        return out.toByteArray();
    }

    /** A main package in a subdirectory: its files become the case's root package. */
    private static void moveToRoot(Map<String, byte[]> files, String prefix) {
        for (String k : List.copyOf(files.keySet())) {
            String rest = k.substring(Math.min(k.length(), prefix.length()));
            if (k.startsWith(prefix) && !rest.contains("/")) {
                files.put(rest, files.remove(k));
            }
        }
    }

    /**
     * The dependencies of a finished minimized case: {@code go mod tidy} keeps only the requirements it still imports
     * and {@code go mod vendor} copies the packages it uses from them into {@code vendor/}, both offline (from the
     * module cache). A sentence for the README says what happened.
     */
    String settle(Path dir, Toolchain t, Launch launch, Path work) throws IOException {
        Map<String, String> env = new TreeMap<>(BuildEnvironment.base(environment, false));
        env.putAll(Map.of(
                "GOTOOLCHAIN",
                "local",
                "GOROOT",
                t.goroot().toString(),
                "GOFLAGS",
                "-mod=mod",
                "GOPROXY",
                "off",
                "GOSUMDB",
                "off",
                "GOPATH",
                work.resolve("gopath").toString(),
                "GOMODCACHE",
                GoPaths.modCache(environment, home).toString(),
                "GOCACHE",
                cacheDirectory.resolve("go-build").resolve(t.key()).toString()));
        Path logs = Files.createDirectories(work.resolve("logs"));
        int before = requirements(dir);
        for (String step : List.of("tidy", "vendor")) {
            if (step.equals("vendor") && requirements(dir) == 0) {
                break;
            }
            ProcessResult r = processes.run(new ProcessSpec(
                    launch.wrap(List.of(t.goBinary().toString(), "mod", step)),
                    launch.environmentWith(env),
                    dir,
                    Duration.ofMinutes(5),
                    Duration.ofSeconds(3),
                    logs.resolve("go-mod-" + step + ".stdout"),
                    logs.resolve("go-mod-" + step + ".stderr")));
            if (!r.succeeded()) {
                return "go mod " + step + " failed offline ("
                        + r.stderr().strip().lines().findFirst().orElse("") + "): go.mod keeps the module's " + before
                        + " requirements";
            }
        }
        int after = requirements(dir);
        return "go mod tidy kept " + after + " of the module's " + before + " requirements"
                + (after == 0 ? "" : "; go mod vendor copied the packages the case uses into vendor/");
    }

    private static int requirements(Path dir) throws IOException {
        int n = 0;
        boolean block = false;
        for (String line : Files.readString(dir.resolve("go.mod")).split("\n")) {
            String l = line.strip();
            if (l.startsWith("require (")) {
                block = true;
            } else if (block && l.equals(")")) {
                block = false;
            } else if (block && !l.isEmpty() && !l.startsWith("//") || l.startsWith("require ") && !l.endsWith("(")) {
                n++;
            }
        }
        return n;
    }

    private String version(Path module, Path work) throws IOException {
        if (!Files.exists(module.resolve(".git"))) {
            return "(not a git checkout)";
        }
        Map<String, String> env = BuildEnvironment.base(environment, false);
        ProcessResult r = processes.run(new ProcessSpec(
                List.of("git", "-C", module.toString(), "describe", "--always", "--dirty", "--tags"),
                env,
                module,
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                work.resolve("logs").resolve("git.stdout"),
                work.resolve("logs").resolve("git.stderr")));
        return r.succeeded() ? "git " + r.stdout().strip() : "(git describe failed)";
    }
}
