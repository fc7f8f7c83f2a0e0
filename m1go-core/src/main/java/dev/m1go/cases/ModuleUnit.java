package dev.m1go.cases;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a module-mode "case" builds and runs: one package of the user's Go module, either a main package
 * ({@code m1go.packages}) built with {@code go build} and run with {@code m1go.args}, or a package's test binary
 * ({@code m1go.tests}) built with {@code go test -c} and run with {@code -test.v}.
 *
 * @param root        m1go's copy of the module (builds and tests run there; the user's tree is never written)
 * @param modulePath  the module path from {@code go.mod}
 * @param pkg         the package relative to the module root: {@code ./cmd/server}, or {@code .}
 * @param test        a test binary rather than a main package
 * @param args        argv after the binary for a main package (no shell)
 * @param goflags     {@code m1go.goflags}, passed as {@code GOFLAGS} to builds
 * @param testRun     {@code -test.run} regular expression, or {@code null}
 * @param testCount   {@code -test.count}, or {@code null}
 * @param testTimeout {@code -test.timeout} ({@code 2m}), or {@code null}
 * @param targetEnv   extra build environment per target, keyed {@code linux-arm64}
 * @param testRules   expectations per test-name pattern (from {@code m1go.yaml}), first match wins
 * @param run         more test flags, the run environment, the time limit of a test binary and its scheduling
 */
public record ModuleUnit(
        Path root,
        String modulePath,
        String pkg,
        boolean test,
        List<String> args,
        List<String> goflags,
        String testRun,
        Integer testCount,
        String testTimeout,
        Map<String, Map<String, String>> targetEnv,
        List<TestRule> testRules,
        RunOptions run) {

    /** A unit run with {@link RunOptions#DEFAULT}. */
    public ModuleUnit(
            Path root,
            String modulePath,
            String pkg,
            boolean test,
            List<String> args,
            List<String> goflags,
            String testRun,
            Integer testCount,
            String testTimeout,
            Map<String, Map<String, String>> targetEnv,
            List<TestRule> testRules) {
        this(
                root,
                modulePath,
                pkg,
                test,
                args,
                goflags,
                testRun,
                testCount,
                testTimeout,
                targetEnv,
                testRules,
                RunOptions.DEFAULT);
    }

    public ModuleUnit {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(modulePath, "modulePath");
        Objects.requireNonNull(pkg, "pkg");
        args = List.copyOf(args);
        goflags = List.copyOf(goflags);
        Map<String, Map<String, String>> env = new TreeMap<>();
        targetEnv.forEach((k, v) -> env.put(k, java.util.Collections.unmodifiableMap(new TreeMap<>(v))));
        targetEnv = java.util.Collections.unmodifiableMap(env);
        testRules = List.copyOf(testRules);
        run = run == null ? RunOptions.DEFAULT : run;
    }

    /** The package's directory in m1go's copy. */
    public Path directory() {
        return root.resolve(pkg).normalize();
    }

    /** The arguments of a test binary: {@code -test.v} and the test options that were given ({@link RunOptions} last). */
    public List<String> testArgs() {
        List<String> a = new java.util.ArrayList<>(List.of("-test.v"));
        if (testRun != null) {
            a.add("-test.run=" + testRun);
        }
        if (testCount != null) {
            a.add("-test.count=" + testCount);
        }
        if (testTimeout != null) {
            a.add("-test.timeout=" + testTimeout);
        }
        a.addAll(run.testFlags());
        return a;
    }

    /** The expectation of the test {@code name}, when a rule of {@code m1go.yaml} names it. */
    public Optional<Expectation> expectationOf(String name) {
        return testRules.stream()
                .filter(r -> r.name().matcher(name).find())
                .map(TestRule::expectation)
                .findFirst();
    }

    /** {@code tests: - name: REGEX, expect: {...}} in {@code m1go.yaml}. */
    public record TestRule(Pattern name, Expectation expectation) {
        public TestRule {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expectation, "expectation");
        }
    }
}
