package dev.m1go.settings;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every {@code m1go.*} property, named once, and the "did you mean" suggestion for a mistyped name or value.
 * The plugin's parameters use these constants; messages that name a property use them too.
 *
 * <p>One naming rule: the pom element of {@code m1go.x.y} is {@code xY} (the name after {@code m1go.}, each dot
 * followed by an upper-case letter): {@code m1go.goVersions} is {@code <goVersions>}, {@code m1go.container.image} is
 * {@code <containerImage>}, {@code m1go.doctor.failOn} is {@code <doctorFailOn>}. {@link #element(String)} applies
 * it; a test holds every parameter of the plugin descriptor to it.
 */
public final class PropertyNames {

    public static final String PREFIX = "m1go.";

    /** The goals, each with a {@code m1go.<goal>.skip}; a setting of one goal only is {@code m1go.<goal>.<name>}. */
    public static final List<String> GOALS = List.of("reproduce", "classify", "doctor", "merge", "inspect", "minimize");

    public static final String SKIP = "m1go.skip";
    public static final String REPRODUCE_SKIP = "m1go.reproduce.skip";
    public static final String CLASSIFY_SKIP = "m1go.classify.skip";
    public static final String DOCTOR_SKIP = "m1go.doctor.skip";
    public static final String MERGE_SKIP = "m1go.merge.skip";
    public static final String INSPECT_SKIP = "m1go.inspect.skip";
    public static final String MINIMIZE_SKIP = "m1go.minimize.skip";
    public static final String OUTPUT_DIRECTORY = "m1go.outputDirectory";
    public static final String REPORTS_DIRECTORY = "m1go.reportsDirectory";
    public static final String CACHE_DIRECTORY = "m1go.cacheDirectory";
    public static final String REBUILD = "m1go.rebuild";
    public static final String CACHE_MAX_BYTES = "m1go.cacheMaxBytes";
    public static final String GO_ROOTS = "m1go.goRoots";
    public static final String GO_TOOLCHAINS = "m1go.goToolchains";
    public static final String GO_VERSIONS = "m1go.goVersions";
    public static final String FAIL_IF_NO_TOOLCHAINS = "m1go.failIfNoToolchains";
    public static final String CASES = "m1go.cases";
    public static final String CASES_DIRECTORY = "m1go.casesDirectory";
    public static final String RUNNERS = "m1go.runners";
    public static final String TARGETS = "m1go.targets";
    public static final String TIMEOUT_SECONDS = "m1go.timeoutSeconds";
    public static final String BUILD_TIMEOUT_SECONDS = "m1go.buildTimeoutSeconds";
    public static final String THREADS = "m1go.threads";
    public static final String INHERIT_ENVIRONMENT = "m1go.inheritEnvironment";
    public static final String RERUNS = "m1go.reruns";
    public static final String RERUNS_ALL = "m1go.rerunsAll";
    public static final String STRESS_RUNS = "m1go.stress.runs";
    public static final String STRESS_SECONDS = "m1go.stress.seconds";
    public static final String STRESS_STOP_ON_FAILURE = "m1go.stress.stopOnFailure";
    public static final String STRESS_LOAD = "m1go.stress.load";
    public static final String FAIL_IF_NO_CELLS = "m1go.failIfNoCells";
    public static final String FAIL_ON = "m1go.failOn";
    public static final String FAIL_ON_REGRESSION = "m1go.failOnRegression";
    public static final String BASELINE = "m1go.baseline";
    public static final String ISSUE_BODY = "m1go.issueBody";
    public static final String SHARD = "m1go.shard";
    public static final String MODULE = "m1go.module";
    public static final String PACKAGES = "m1go.packages";
    public static final String TESTS = "m1go.tests";
    public static final String ARGS = "m1go.args";
    public static final String GOFLAGS = "m1go.goflags";
    public static final String TEST_RUN = "m1go.testRun";
    public static final String TEST_COUNT = "m1go.testCount";
    public static final String TEST_TIMEOUT = "m1go.testTimeout";
    /** Not a property of its own: {@code m1go.targetEnv.<goos>-<goarch>.<VARIABLE>} system properties. */
    public static final String TARGET_ENV_PREFIX = "m1go.targetEnv.";

    public static final String INPUTS = "m1go.inputs";
    public static final String CONTAINER_IMAGE = "m1go.container.image";
    public static final String CONTAINER_KEEP_IMAGES = "m1go.container.keepImages";
    public static final String LOG = "m1go.log";
    public static final String OS = "m1go.os";
    public static final String DOCTOR_FAIL_ON = "m1go.doctor.failOn";
    public static final String PATH = "m1go.path";
    public static final String TARGET = "m1go.target";
    public static final String MINIMIZE_TEST = "m1go.minimize.test";
    public static final String MINIMIZE_SECONDS = "m1go.minimize.seconds";
    public static final String MINIMIZE_BUILDS = "m1go.minimize.builds";
    public static final String MINIMIZE_RUNS = "m1go.minimize.runs";
    public static final String MINIMIZE_THRESHOLD = "m1go.minimize.threshold";
    public static final String TEST_SHORT = "m1go.testShort";
    public static final String TEST_SKIP = "m1go.testSkip";
    public static final String TEST_PARALLEL = "m1go.testParallel";
    public static final String TEST_CPU = "m1go.testCpu";
    public static final String TEST_BENCH = "m1go.testBench";
    public static final String TEST_BENCHTIME = "m1go.testBenchtime";
    public static final String TEST_TIMEOUT_SECONDS = "m1go.testTimeoutSeconds";
    public static final String TRANSLATED_TESTS_ONE_AT_A_TIME = "m1go.translatedTestsOneAtATime";
    /** Not a property of its own: {@code m1go.runEnv.<VARIABLE>} system properties. */
    public static final String RUN_ENV_PREFIX = "m1go.runEnv.";

    public static final String MEMORY_LIMIT_MB = "m1go.memoryLimitMb";
    /**
     * Not a property of its own: {@code m1go.container.hosts.<goos>-<goarch>} system properties, the Docker engine of
     * one platform's container cells.
     */
    public static final String CONTAINER_HOSTS_PREFIX = "m1go.container.hosts.";
    /** The families of per-key properties, each {@code <prefix><key>}. */
    public static final List<String> FAMILIES = List.of(TARGET_ENV_PREFIX, RUN_ENV_PREFIX, CONTAINER_HOSTS_PREFIX);

    /** Every property, in the order of the README's parameter table. */
    public static final List<String> ALL = List.of(
            SKIP,
            REPRODUCE_SKIP,
            CLASSIFY_SKIP,
            DOCTOR_SKIP,
            MERGE_SKIP,
            INSPECT_SKIP,
            MINIMIZE_SKIP,
            OUTPUT_DIRECTORY,
            REPORTS_DIRECTORY,
            CACHE_DIRECTORY,
            REBUILD,
            CACHE_MAX_BYTES,
            GO_ROOTS,
            GO_TOOLCHAINS,
            GO_VERSIONS,
            FAIL_IF_NO_TOOLCHAINS,
            CASES,
            CASES_DIRECTORY,
            RUNNERS,
            TARGETS,
            TIMEOUT_SECONDS,
            BUILD_TIMEOUT_SECONDS,
            THREADS,
            INHERIT_ENVIRONMENT,
            RERUNS,
            RERUNS_ALL,
            STRESS_RUNS,
            STRESS_SECONDS,
            STRESS_STOP_ON_FAILURE,
            STRESS_LOAD,
            FAIL_IF_NO_CELLS,
            FAIL_ON,
            FAIL_ON_REGRESSION,
            BASELINE,
            ISSUE_BODY,
            SHARD,
            MODULE,
            PACKAGES,
            TESTS,
            ARGS,
            GOFLAGS,
            TEST_RUN,
            TEST_COUNT,
            TEST_TIMEOUT,
            INPUTS,
            CONTAINER_IMAGE,
            CONTAINER_KEEP_IMAGES,
            LOG,
            OS,
            DOCTOR_FAIL_ON,
            PATH,
            TARGET,
            MINIMIZE_TEST,
            MINIMIZE_SECONDS,
            MINIMIZE_BUILDS,
            MINIMIZE_RUNS,
            MINIMIZE_THRESHOLD,
            TEST_SHORT,
            TEST_SKIP,
            TEST_PARALLEL,
            TEST_CPU,
            TEST_BENCH,
            TEST_BENCHTIME,
            TEST_TIMEOUT_SECONDS,
            TRANSLATED_TESTS_ONE_AT_A_TIME,
            MEMORY_LIMIT_MB);

    private PropertyNames() {}

    /** The pom element of an {@code m1go.*} property: {@code m1go.container.image} → {@code containerImage}. */
    public static String element(String property) {
        if (!property.startsWith(PREFIX)) {
            throw new IllegalArgumentException(property + " is not an m1go property");
        }
        String[] parts = property.substring(PREFIX.length()).split("\\.");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return sb.toString();
    }

    /**
     * The closest candidate to a mistyped value, when it is close enough to be a typo (case ignored; at most a third
     * of its letters differ, and at least one edit is allowed).
     */
    public static Optional<String> closest(String given, Collection<String> candidates) {
        String g = given.trim().toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(c ->
                        distance(g, c.toLowerCase(Locale.ROOT)) <= Math.max(1, Math.max(g.length(), c.length()) / 3))
                .min(Comparator.comparingInt((String c) -> distance(g, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** {@code " (did you mean 'c-abort'?)"}, or the empty string when no candidate is close. */
    public static String didYouMean(String given, Collection<String> candidates) {
        return closest(given, candidates)
                .map(c -> " (did you mean '" + c + "'?)")
                .orElse("");
    }

    /**
     * A property that starts with {@code m1go.} but is none of {@link #ALL} and not of the
     * {@code m1go.targetEnv.<goos>-<goarch>.<VARIABLE>}, {@code m1go.runEnv.<VARIABLE>} or
     * {@code m1go.container.hosts.<goos>-<goarch>} families (whose shape is checked where they are read).
     */
    public static boolean unknown(String property) {
        if (family(property) != null) {
            return false;
        }
        return property.startsWith(PREFIX) && !ALL.contains(property);
    }

    /**
     * The family prefix ({@link #FAMILIES}) a property belongs to with something after it, or {@code null}.
     */
    public static String family(String property) {
        for (String prefix : FAMILIES) {
            if (property.startsWith(prefix) && property.length() > prefix.length()) {
                return prefix;
            }
        }
        return null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
