package dev.m1go.module;

import dev.m1go.cases.CaseDefinitionException;
import dev.m1go.cases.Expectation;
import dev.m1go.cases.ModuleConfig;
import dev.m1go.cases.ModuleUnit;
import dev.m1go.cases.ReproCase;
import dev.m1go.cases.RunOptions;
import dev.m1go.classify.Outcome;
import dev.m1go.exec.Launch;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.settings.BuildEnvironment;
import dev.m1go.toolchain.GoPaths;
import dev.m1go.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Module mode's planning: checks {@code m1go.module}, copies the module to a place named by its content (builds and
 * tests run in the copy, so the user's tree is never written, and an unchanged module builds in the same directory
 * every run, so Go reuses what it compiled: {@link SharedModuleCopy}), reads {@code m1go.yaml}, asks {@code go list}
 * which packages {@code m1go.packages} and {@code m1go.tests} name, and makes one case per main package and one per
 * package with tests. {@link #close()} lets another run take the copy once this run is done with it.
 */
public final class ModuleProject implements AutoCloseable {

    /**
     * The module-mode parameters as given.
     *
     * @param module    {@code m1go.module}: the directory holding {@code go.mod}; {@code null}: not module mode
     * @param packages  {@code m1go.packages}: patterns of main packages to build and run
     * @param tests     {@code m1go.tests}: patterns of packages whose tests run
     * @param args      {@code m1go.args}: argv of each main package's run
     * @param targetEnv {@code m1go.targetEnv}: build environment per target, keyed {@code linux-arm64}
     * @param run       more test flags, {@code m1go.runEnv}, the time limit and scheduling of test binaries
     */
    public record Settings(
            Path module,
            List<String> packages,
            List<String> tests,
            List<String> args,
            List<String> goflags,
            String testRun,
            Integer testCount,
            String testTimeout,
            Map<String, Map<String, String>> targetEnv,
            RunOptions run) {
        public Settings {
            packages = clean(packages);
            tests = clean(tests);
            args = args == null ? List.of() : List.copyOf(args);
            goflags = clean(goflags);
            targetEnv = targetEnv == null ? Map.of() : Map.copyOf(targetEnv);
            run = run == null ? RunOptions.DEFAULT : run;
        }

        /** Settings run with {@link RunOptions#DEFAULT}. */
        public Settings(
                Path module,
                List<String> packages,
                List<String> tests,
                List<String> args,
                List<String> goflags,
                String testRun,
                Integer testCount,
                String testTimeout,
                Map<String, Map<String, String>> targetEnv) {
            this(
                    module,
                    packages,
                    tests,
                    args,
                    goflags,
                    testRun,
                    testCount,
                    testTimeout,
                    targetEnv,
                    RunOptions.DEFAULT);
        }

        private static List<String> clean(List<String> l) {
            return l == null
                    ? List.of()
                    : l.stream().map(String::trim).filter(x -> !x.isEmpty()).toList();
        }
    }

    /**
     * {@code m1go.targetEnv} as given, flat ({@code linux-arm64.CGO_LDFLAGS} → value, from a pom's map or
     * {@code m1go.targetEnv.linux-arm64.CGO_LDFLAGS=…}), grouped by target.
     *
     * @throws CaseDefinitionException naming the key that is not {@code <goos>-<goarch>.<VARIABLE>}
     */
    public static Map<String, Map<String, String>> targetEnv(Map<String, String> flat) throws CaseDefinitionException {
        Map<String, Map<String, String>> byTarget = new java.util.TreeMap<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(flat).entrySet()) {
            String k = e.getKey().trim();
            int dot = k.indexOf('.');
            String target = dot < 0 ? "" : k.substring(0, dot);
            String var = dot < 0 ? "" : k.substring(dot + 1);
            if (!target.matches("[a-z0-9]+-[a-z0-9]+") || !var.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new CaseDefinitionException("m1go.targetEnv key '" + k + "' is not <goos>-<goarch>.<VARIABLE>: "
                        + "write for example m1go.targetEnv.linux-arm64.CGO_LDFLAGS=-L/opt/arm64/lib (in a pom: "
                        + "<targetEnv><linux-arm64.CGO_LDFLAGS>…</linux-arm64.CGO_LDFLAGS></targetEnv>)");
            }
            byTarget.computeIfAbsent(target, x -> new java.util.TreeMap<>())
                    .put(var, e.getValue() == null ? "" : e.getValue());
        }
        return byTarget;
    }

    private final ProcessRunner processes;
    private final Map<String, String> environment;
    private final Path home;
    private SharedModuleCopy copy;

    public ModuleProject(ProcessRunner processes, Map<String, String> environment, Path home) {
        this.processes = processes;
        this.environment = Map.copyOf(environment);
        this.home = home;
    }

    /**
     * The cases of the module, sorted by id.
     *
     * @param lister a toolchain that runs here, to ask {@code go list}
     * @throws CaseDefinitionException naming the parameter or file to change
     */
    public List<ReproCase> cases(Settings s, Path outputDirectory, Toolchain lister, Launch launch, Path cacheDirectory)
            throws CaseDefinitionException, IOException {
        Path module = s.module().toAbsolutePath().normalize();
        if (!Files.isRegularFile(module.resolve("go.mod"))) {
            throw new CaseDefinitionException("m1go.module is " + module + ", which holds no go.mod: point it at the "
                    + "directory of your Go module (the one with go.mod)");
        }
        if (s.packages().isEmpty() && s.tests().isEmpty()) {
            throw new CaseDefinitionException("m1go.module is set but names nothing to run: give "
                    + "m1go.packages=./cmd/... (main packages to build and run) and/or m1go.tests=./... (packages "
                    + "whose tests run)");
        }
        if (s.testCount() != null && s.testCount() < 1) {
            throw new CaseDefinitionException("m1go.testCount is " + s.testCount() + ": give at least 1");
        }
        close();
        this.copy = SharedModuleCopy.place(module, outputDirectory, cacheDirectory);
        Path copy = this.copy.root();
        ModuleConfig config = ModuleConfig.read(copy);
        String modulePath = modulePath(Files.readString(copy.resolve("go.mod")));
        Map<String, ReproCase> cases = new LinkedHashMap<>();
        Path logs = Files.createDirectories(outputDirectory.resolve("logs").resolve("module"));
        if (!s.packages().isEmpty()) {
            List<Listed> mains =
                    list(s.packages(), copy, s, lister, launch, cacheDirectory, logs, "list-packages").stream()
                            .filter(l -> l.name().equals("main"))
                            .toList();
            if (mains.isEmpty()) {
                throw new CaseDefinitionException("m1go.packages=" + String.join(",", s.packages())
                        + " matches no main "
                        + "package in " + module + ": name directories of package main (for example ./cmd/...), or "
                        + "use m1go.tests for library packages");
            }
            for (Listed l : mains) {
                ModuleUnit u = unit(copy, modulePath, l.pkg(), false, s, config);
                cases.put(
                        id(l.pkg(), modulePath),
                        ReproCase.ofModule(id(l.pkg(), modulePath), u, expectation(config, l)));
            }
        }
        if (!s.tests().isEmpty()) {
            List<Listed> withTests =
                    list(s.tests(), copy, s, lister, launch, cacheDirectory, logs, "list-tests").stream()
                            .filter(Listed::hasTests)
                            .toList();
            if (withTests.isEmpty()) {
                throw new CaseDefinitionException("m1go.tests=" + String.join(",", s.tests()) + " matches no package "
                        + "with _test.go files in " + module);
            }
            for (Listed l : withTests) {
                String id = id(l.pkg(), modulePath) + ".test";
                cases.put(
                        id,
                        ReproCase.ofModule(
                                id, unit(copy, modulePath, l.pkg(), true, s, config), expectation(config, l)));
            }
        }
        return cases.values().stream()
                .sorted(Comparator.comparing(ReproCase::id))
                .toList();
    }

    private static ModuleUnit unit(
            Path copy, String modulePath, String pkg, boolean test, Settings s, ModuleConfig config) {
        return new ModuleUnit(
                copy,
                modulePath,
                pkg,
                test,
                s.args(),
                s.goflags(),
                s.testRun(),
                s.testCount(),
                s.testTimeout(),
                s.targetEnv(),
                config.testRules(pkg),
                s.run());
    }

    private static Expectation expectation(ModuleConfig config, Listed l) {
        return config.packageExpectation(l.pkg())
                .orElse(new Expectation(
                        new Expectation.Expected(
                                Outcome.PASS, null, "a program or test binary passes unless m1go.yaml says otherwise"),
                        List.of()));
    }

    /** The package directory ({@code cmd/server}); the root package is named after the module's last element. */
    public static String id(String pkg, String modulePath) {
        if (pkg.equals(".")) {
            String last = modulePath.substring(modulePath.lastIndexOf('/') + 1);
            return last.matches("v[0-9]+") && modulePath.contains("/")
                    ? id(".", modulePath.substring(0, modulePath.lastIndexOf('/')))
                    : last;
        }
        return pkg.substring(2);
    }

    public static String modulePath(String goMod) throws CaseDefinitionException {
        for (String line : goMod.split("\n")) {
            String l = line.strip();
            if (l.startsWith("module ")) {
                return l.substring("module ".length()).strip().replace("\"", "");
            }
        }
        throw new CaseDefinitionException("go.mod has no module line");
    }

    /** One package as {@code go list} printed it. */
    record Listed(String pkg, String name, boolean hasTests) {}

    private List<Listed> list(
            List<String> patterns,
            Path copy,
            Settings s,
            Toolchain t,
            Launch launch,
            Path cache,
            Path logs,
            String name)
            throws IOException, CaseDefinitionException {
        List<String> argv = new ArrayList<>(List.of(
                t.goBinary().toString(),
                "list",
                "-f",
                "{{.Dir}}\t{{.Name}}\t{{len .TestGoFiles}}\t{{len .XTestGoFiles}}"));
        argv.addAll(patterns);
        Map<String, String> env = BuildEnvironment.base(environment, false);
        env.putAll(Map.of(
                "GOTOOLCHAIN",
                "local",
                "GOROOT",
                t.goroot().toString(),
                "CGO_ENABLED",
                "1",
                "GOFLAGS",
                String.join(" ", s.goflags()),
                "GOMODCACHE",
                GoPaths.modCache(environment, home).toString(),
                "GOCACHE",
                cache.resolve("go-build").resolve(t.key()).toString()));
        ProcessResult r = processes.run(new ProcessSpec(
                launch.wrap(argv),
                launch.environmentWith(env),
                copy,
                Duration.ofMinutes(5),
                Duration.ofSeconds(3),
                logs.resolve(name + ".stdout"),
                logs.resolve(name + ".stderr")));
        if (!r.succeeded()) {
            // Offline, -mod=mod cannot fetch anything: the advice is to fill the module cache instead.
            String advice = OfflineAdvice.offline(environment)
                    ? "\nThe module's go.mod and go.sum are used as they " + "are, and " + OfflineAdvice.TEXT + "."
                    : "\nThe module's go.mod and go.sum are used as they are; fix them (go mod tidy) or pass "
                            + "m1go.goflags=-mod=mod / -mod=vendor.";
            throw new CaseDefinitionException("go list " + String.join(" ", patterns) + " failed in m1go.module "
                    + s.module() + " (" + t.version() + "): " + r.stderr().strip() + advice);
        }
        List<Listed> out = new ArrayList<>();
        Path real = copy.toRealPath();
        for (String line : r.stdout().split("\n")) {
            String[] f = line.split("\t");
            if (f.length < 4) {
                continue;
            }
            Path dir = Path.of(f[0]);
            Path base = dir.startsWith(real) ? real : copy;
            if (!dir.startsWith(base)) {
                continue; // a package outside the module (std, a dependency): not the user's code
            }
            String rel = base.relativize(dir).toString().replace('\\', '/');
            String pkg = rel.isEmpty() ? "." : "./" + rel;
            out.add(new Listed(pkg, f[1], !f[2].equals("0") || !f[3].equals("0")));
        }
        return out;
    }

    /**
     * Why this run's copy is not at its shared place (another run of the same module holds it), for the log; else
     * {@code null}.
     */
    public String copyNote() {
        return copy == null ? null : copy.note();
    }

    /** Lets another run build in this run's copy of the module; the copy stays. */
    @Override
    public void close() throws IOException {
        if (copy != null) {
            SharedModuleCopy c = copy;
            copy = null;
            c.close();
        }
    }
}
