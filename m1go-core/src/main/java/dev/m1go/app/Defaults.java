package dev.m1go.app;

import dev.m1go.settings.PropertyNames;
import java.util.Map;

/**
 * The default of every setting that has one, as the text a front end declares (annotation values must be constant
 * strings): the Maven plugin's {@code @Parameter(defaultValue = Defaults.TIMEOUT_SECONDS)} and the command's
 * {@code @Option(defaultValue = Defaults.TIMEOUT_SECONDS)} read the same constant, and the request builders start
 * from the same values. Settings without a default (the cache directory, the report directory of a goal run without a
 * project) are resolved by the builders.
 */
public final class Defaults {

    public static final String TIMEOUT_SECONDS = "60";
    /** A test binary's run on a native runner; three times as long translated ({@link dev.m1go.cases.RunOptions}). */
    public static final String TEST_TIMEOUT_SECONDS = "300";

    public static final String BUILD_TIMEOUT_SECONDS = "900";
    /** 0: the number of processors (at most {@link dev.m1go.reproduce.ReproduceSettings#MAX_THREADS}). */
    public static final String THREADS = "0";

    public static final String CACHE_MAX_BYTES = "2147483648";
    public static final String RERUNS = "0";
    public static final String STRESS_RUNS = "0";
    public static final String STRESS_SECONDS = "0";
    public static final String STRESS_LOAD = "0";
    /** 0: no memory limit. */
    public static final String MEMORY_LIMIT_MB = "0";

    public static final String FAIL_ON = "regression";
    /** m1go:merge only reports by default. */
    public static final String MERGE_FAIL_ON = "never";

    public static final String DOCTOR_FAIL_ON = "error";
    public static final String TRUE = "true";
    public static final String FALSE = "false";
    /** m1go:minimize's time budget, in seconds. */
    public static final String MINIMIZE_SECONDS = "1800";
    /** m1go:minimize's build budget. */
    public static final String MINIMIZE_BUILDS = "600";
    /** Runs of m1go:minimize's first measurement. */
    public static final String MINIMIZE_RUNS = "10";
    /** m1go:minimize's threshold for intermittent failures, in percent. */
    public static final String MINIMIZE_THRESHOLD = "10";
    /** The report directory below the project (Maven: {@code ${project.build.directory}/m1go}) or the current one. */
    public static final String OUTPUT_DIRECTORY = "target/m1go";

    private Defaults() {}

    /**
     * Every default of a goal by key, for the tests that hold each front end's declared defaults to these; a goal's
     * own {@code m1go.failOn} ({@code m1go:merge}'s is {@code never}) wins over the shared one.
     */
    public static Map<String, String> of(String goal) {
        Map<String, String> all = new java.util.TreeMap<>(Map.ofEntries(
                Map.entry(PropertyNames.OUTPUT_DIRECTORY, OUTPUT_DIRECTORY),
                Map.entry(PropertyNames.REBUILD, FALSE),
                Map.entry(PropertyNames.CACHE_MAX_BYTES, CACHE_MAX_BYTES),
                Map.entry(PropertyNames.FAIL_IF_NO_TOOLCHAINS, TRUE),
                Map.entry(PropertyNames.TIMEOUT_SECONDS, TIMEOUT_SECONDS),
                Map.entry(PropertyNames.BUILD_TIMEOUT_SECONDS, BUILD_TIMEOUT_SECONDS),
                Map.entry(PropertyNames.THREADS, THREADS),
                Map.entry(PropertyNames.INHERIT_ENVIRONMENT, FALSE),
                Map.entry(PropertyNames.RERUNS, RERUNS),
                Map.entry(PropertyNames.RERUNS_ALL, FALSE),
                Map.entry(PropertyNames.STRESS_RUNS, STRESS_RUNS),
                Map.entry(PropertyNames.STRESS_SECONDS, STRESS_SECONDS),
                Map.entry(PropertyNames.STRESS_STOP_ON_FAILURE, FALSE),
                Map.entry(PropertyNames.STRESS_LOAD, STRESS_LOAD),
                Map.entry(PropertyNames.FAIL_IF_NO_CELLS, TRUE),
                Map.entry(PropertyNames.FAIL_ON_REGRESSION, TRUE),
                Map.entry(PropertyNames.CONTAINER_KEEP_IMAGES, FALSE),
                Map.entry(PropertyNames.FAIL_ON, FAIL_ON),
                Map.entry(PropertyNames.ISSUE_BODY, FALSE),
                Map.entry(PropertyNames.DOCTOR_FAIL_ON, DOCTOR_FAIL_ON),
                Map.entry(PropertyNames.MINIMIZE_SECONDS, MINIMIZE_SECONDS),
                Map.entry(PropertyNames.MINIMIZE_BUILDS, MINIMIZE_BUILDS),
                Map.entry(PropertyNames.MINIMIZE_RUNS, MINIMIZE_RUNS),
                Map.entry(PropertyNames.MINIMIZE_THRESHOLD, MINIMIZE_THRESHOLD),
                Map.entry(PropertyNames.TEST_SHORT, FALSE),
                Map.entry(PropertyNames.TEST_TIMEOUT_SECONDS, TEST_TIMEOUT_SECONDS),
                Map.entry(PropertyNames.TRANSLATED_TESTS_ONE_AT_A_TIME, TRUE),
                Map.entry(PropertyNames.MEMORY_LIMIT_MB, MEMORY_LIMIT_MB)));
        if (goal.equals("merge")) {
            all.put(PropertyNames.FAIL_ON, MERGE_FAIL_ON);
        }
        return all;
    }

    static int integer(String value) {
        return Integer.parseInt(value);
    }
}
