package dev.m1go.cli;

import static dev.m1go.settings.PropertyNames.BASELINE;
import static dev.m1go.settings.PropertyNames.BUILD_TIMEOUT_SECONDS;
import static dev.m1go.settings.PropertyNames.CACHE_DIRECTORY;
import static dev.m1go.settings.PropertyNames.CACHE_MAX_BYTES;
import static dev.m1go.settings.PropertyNames.CASES;
import static dev.m1go.settings.PropertyNames.CASES_DIRECTORY;
import static dev.m1go.settings.PropertyNames.CONTAINER_IMAGE;
import static dev.m1go.settings.PropertyNames.CONTAINER_KEEP_IMAGES;
import static dev.m1go.settings.PropertyNames.FAIL_IF_NO_CELLS;
import static dev.m1go.settings.PropertyNames.FAIL_IF_NO_TOOLCHAINS;
import static dev.m1go.settings.PropertyNames.FAIL_ON;
import static dev.m1go.settings.PropertyNames.FAIL_ON_REGRESSION;
import static dev.m1go.settings.PropertyNames.GOFLAGS;
import static dev.m1go.settings.PropertyNames.GO_ROOTS;
import static dev.m1go.settings.PropertyNames.GO_VERSIONS;
import static dev.m1go.settings.PropertyNames.INHERIT_ENVIRONMENT;
import static dev.m1go.settings.PropertyNames.ISSUE_BODY;
import static dev.m1go.settings.PropertyNames.MEMORY_LIMIT_MB;
import static dev.m1go.settings.PropertyNames.MODULE;
import static dev.m1go.settings.PropertyNames.OUTPUT_DIRECTORY;
import static dev.m1go.settings.PropertyNames.PACKAGES;
import static dev.m1go.settings.PropertyNames.REBUILD;
import static dev.m1go.settings.PropertyNames.REPORTS_DIRECTORY;
import static dev.m1go.settings.PropertyNames.RERUNS;
import static dev.m1go.settings.PropertyNames.RERUNS_ALL;
import static dev.m1go.settings.PropertyNames.RUNNERS;
import static dev.m1go.settings.PropertyNames.SHARD;
import static dev.m1go.settings.PropertyNames.STRESS_LOAD;
import static dev.m1go.settings.PropertyNames.STRESS_RUNS;
import static dev.m1go.settings.PropertyNames.STRESS_SECONDS;
import static dev.m1go.settings.PropertyNames.STRESS_STOP_ON_FAILURE;
import static dev.m1go.settings.PropertyNames.TARGETS;
import static dev.m1go.settings.PropertyNames.TESTS;
import static dev.m1go.settings.PropertyNames.TEST_BENCH;
import static dev.m1go.settings.PropertyNames.TEST_BENCHTIME;
import static dev.m1go.settings.PropertyNames.TEST_COUNT;
import static dev.m1go.settings.PropertyNames.TEST_CPU;
import static dev.m1go.settings.PropertyNames.TEST_PARALLEL;
import static dev.m1go.settings.PropertyNames.TEST_RUN;
import static dev.m1go.settings.PropertyNames.TEST_SHORT;
import static dev.m1go.settings.PropertyNames.TEST_SKIP;
import static dev.m1go.settings.PropertyNames.TEST_TIMEOUT;
import static dev.m1go.settings.PropertyNames.TEST_TIMEOUT_SECONDS;
import static dev.m1go.settings.PropertyNames.THREADS;
import static dev.m1go.settings.PropertyNames.TIMEOUT_SECONDS;
import static dev.m1go.settings.PropertyNames.TRANSLATED_TESTS_ONE_AT_A_TIME;

import dev.m1go.app.Context;
import dev.m1go.app.Defaults;
import dev.m1go.app.EnvironmentError;
import dev.m1go.app.ReproduceRequest;
import dev.m1go.app.ReproduceResult;
import dev.m1go.app.ReproduceUseCase;
import dev.m1go.core.UserError;
import dev.m1go.settings.GoNetwork;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code m1go reproduce}: the options of {@code m1go:reproduce}, each named by the one rule of
 * {@link dev.m1go.settings.Frontend#option} and described by the core's text; the matrix of the case catalog, or of
 * your module with {@code --module}.
 */
@Command(
        name = "reproduce",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        abbreviateSynopsis = true,
        showDefaultValues = true,
        description = "Build every reproducer case (or your module's packages and tests) with every Go toolchain for "
                + "every target, run each natively and under translation, classify each run and write report.json, "
                + "report.md, TEST-m1go.xml and report.html.")
final class ReproduceCommand extends GoalCommand {
    private static final String G = "reproduce.";

    @Option(names = "--output-directory", descriptionKey = G + OUTPUT_DIRECTORY, paramLabel = "DIR")
    Path outputDirectory;

    @Option(names = "--reports-directory", descriptionKey = G + REPORTS_DIRECTORY, paramLabel = "DIR")
    Path reportsDirectory;

    @Option(names = "--cache-directory", descriptionKey = G + CACHE_DIRECTORY, paramLabel = "DIR")
    Path cacheDirectory;

    @Option(
            names = "--rebuild",
            descriptionKey = G + REBUILD,
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            defaultValue = Defaults.FALSE)
    boolean rebuild;

    @Option(
            names = "--cache-max-bytes",
            descriptionKey = G + CACHE_MAX_BYTES,
            paramLabel = "BYTES",
            defaultValue = Defaults.CACHE_MAX_BYTES)
    long cacheMaxBytes;

    @Option(names = "--go-roots", descriptionKey = G + GO_ROOTS, split = ",", paramLabel = "GOROOT")
    List<String> goRoots;

    @Option(names = "--go-versions", descriptionKey = G + GO_VERSIONS, paramLabel = "VERSIONS")
    String goVersions;

    @Option(
            names = "--fail-if-no-toolchains",
            descriptionKey = G + FAIL_IF_NO_TOOLCHAINS,
            arity = "0..1",
            paramLabel = "true|false",
            fallbackValue = "true",
            defaultValue = Defaults.TRUE)
    boolean failIfNoToolchains;

    @Option(names = "--cases", descriptionKey = G + CASES, split = ",", paramLabel = "ID")
    List<String> cases;

    @Option(names = "--cases-directory", descriptionKey = G + CASES_DIRECTORY, paramLabel = "DIR")
    Path casesDirectory;

    @Option(names = "--runners", descriptionKey = G + RUNNERS, split = ",", paramLabel = "RUNNER")
    List<String> runners;

    @Option(names = "--targets", descriptionKey = G + TARGETS, split = ",", paramLabel = "GOOS/GOARCH")
    List<String> targets;

    @Option(
            names = "--timeout-seconds",
            descriptionKey = G + TIMEOUT_SECONDS,
            paramLabel = "S",
            defaultValue = Defaults.TIMEOUT_SECONDS)
    int timeoutSeconds;

    @Option(
            names = "--build-timeout-seconds",
            descriptionKey = G + BUILD_TIMEOUT_SECONDS,
            paramLabel = "S",
            defaultValue = Defaults.BUILD_TIMEOUT_SECONDS)
    int buildTimeoutSeconds;

    @Option(
            names = "--memory-limit-mb",
            descriptionKey = G + MEMORY_LIMIT_MB,
            paramLabel = "MIB",
            defaultValue = Defaults.MEMORY_LIMIT_MB)
    int memoryLimitMb;

    @Option(names = "--threads", descriptionKey = G + THREADS, paramLabel = "N", defaultValue = Defaults.THREADS)
    int threads;

    @Option(
            names = "--inherit-environment",
            descriptionKey = G + INHERIT_ENVIRONMENT,
            arity = "0..1",
            paramLabel = "true|false",
            fallbackValue = "true",
            defaultValue = Defaults.FALSE)
    boolean inheritEnvironment;

    @Option(names = "--reruns", descriptionKey = G + RERUNS, paramLabel = "N", defaultValue = Defaults.RERUNS)
    int reruns;

    @Option(
            names = "--reruns-all",
            descriptionKey = G + RERUNS_ALL,
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            defaultValue = Defaults.FALSE)
    boolean rerunsAll;

    @Option(
            names = "--stress-runs",
            descriptionKey = G + STRESS_RUNS,
            paramLabel = "N",
            defaultValue = Defaults.STRESS_RUNS)
    int stressRuns;

    @Option(
            names = "--stress-seconds",
            descriptionKey = G + STRESS_SECONDS,
            paramLabel = "S",
            defaultValue = Defaults.STRESS_SECONDS)
    int stressSeconds;

    @Option(
            names = "--stress-stop-on-failure",
            descriptionKey = G + STRESS_STOP_ON_FAILURE,
            arity = "0..1",
            paramLabel = "true|false",
            fallbackValue = "true",
            defaultValue = Defaults.FALSE)
    boolean stressStopOnFailure;

    @Option(
            names = "--stress-load",
            descriptionKey = G + STRESS_LOAD,
            paramLabel = "THREADS",
            defaultValue = Defaults.STRESS_LOAD)
    int stressLoad;

    @Option(
            names = "--fail-if-no-cells",
            descriptionKey = G + FAIL_IF_NO_CELLS,
            arity = "0..1",
            paramLabel = "true|false",
            fallbackValue = "true",
            defaultValue = Defaults.TRUE)
    boolean failIfNoCells;

    @Option(names = "--fail-on", descriptionKey = G + FAIL_ON, paramLabel = "WHEN", defaultValue = Defaults.FAIL_ON)
    String failOn;

    @Option(
            names = "--fail-on-regression",
            descriptionKey = G + FAIL_ON_REGRESSION,
            arity = "0..1",
            paramLabel = "true|false",
            fallbackValue = "true",
            defaultValue = Defaults.TRUE)
    boolean failOnRegression;

    @Option(names = "--baseline", descriptionKey = G + BASELINE, paramLabel = "REPORT_JSON")
    Path baseline;

    @Option(
            names = "--issue-body",
            descriptionKey = G + ISSUE_BODY,
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            defaultValue = Defaults.FALSE)
    boolean issueBody;

    @Option(names = "--container-image", descriptionKey = G + CONTAINER_IMAGE, paramLabel = "IMAGE")
    String containerImage;

    @Option(
            names = "--container-keep-images",
            descriptionKey = G + CONTAINER_KEEP_IMAGES,
            arity = "0..1",
            paramLabel = "true|false",
            fallbackValue = "true",
            defaultValue = Defaults.FALSE)
    boolean containerKeepImages;

    @Option(
            names = "--container-hosts",
            descriptionKey = G + "m1go.container.hosts",
            paramLabel = "GOOS-GOARCH=ENDPOINT")
    Map<String, String> containerHosts;

    @Option(names = "--module", descriptionKey = G + MODULE, paramLabel = "DIR")
    Path module;

    @Option(names = "--packages", descriptionKey = G + PACKAGES, split = ",", paramLabel = "PKG")
    List<String> packages;

    @Option(names = "--tests", descriptionKey = G + TESTS, split = ",", paramLabel = "PKG")
    List<String> tests;

    @Option(
            names = "--args",
            paramLabel = "ARG",
            description = "Module mode: one argument of each main package's "
                    + "run (no shell); repeat the option for more, in order. An empty argument is allowed here.")
    List<String> args;

    @Option(names = "--goflags", descriptionKey = G + GOFLAGS, paramLabel = "FLAGS")
    String goflags;

    @Option(names = "--test-run", descriptionKey = G + TEST_RUN, paramLabel = "REGEXP")
    String testRun;

    @Option(names = "--test-count", descriptionKey = G + TEST_COUNT, paramLabel = "N")
    Integer testCount;

    @Option(names = "--test-timeout", descriptionKey = G + TEST_TIMEOUT, paramLabel = "DURATION")
    String testTimeout;

    @Option(names = "--target-env", descriptionKey = G + "m1go.targetEnv", paramLabel = "GOOS-GOARCH.VAR=VALUE")
    Map<String, String> targetEnv;

    @Option(
            names = "--test-short",
            descriptionKey = G + TEST_SHORT,
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            defaultValue = Defaults.FALSE)
    boolean testShort;

    @Option(names = "--test-skip", descriptionKey = G + TEST_SKIP, paramLabel = "REGEXP")
    String testSkip;

    @Option(names = "--test-parallel", descriptionKey = G + TEST_PARALLEL, paramLabel = "N")
    Integer testParallel;

    @Option(names = "--test-cpu", descriptionKey = G + TEST_CPU, paramLabel = "N,N")
    String testCpu;

    @Option(names = "--test-bench", descriptionKey = G + TEST_BENCH, paramLabel = "REGEXP")
    String testBench;

    @Option(names = "--test-benchtime", descriptionKey = G + TEST_BENCHTIME, paramLabel = "DURATION|Nx")
    String testBenchtime;

    @Option(
            names = "--test-timeout-seconds",
            descriptionKey = G + TEST_TIMEOUT_SECONDS,
            paramLabel = "S",
            defaultValue = Defaults.TEST_TIMEOUT_SECONDS)
    int testTimeoutSeconds;

    @Option(
            names = "--translated-tests-one-at-a-time",
            descriptionKey = G + TRANSLATED_TESTS_ONE_AT_A_TIME,
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            defaultValue = Defaults.TRUE)
    boolean translatedTestsOneAtATime;

    @Option(names = "--run-env", descriptionKey = G + "m1go.runEnv", paramLabel = "VAR=VALUE")
    Map<String, String> runEnv;

    @Option(names = "--shard", descriptionKey = G + SHARD, paramLabel = "K/N")
    String shard;

    @Option(names = "--offline", description = "Use only Go's module cache (GOPROXY=off), as mvn -o does.")
    boolean offline;

    @Override
    public Integer call() throws UserError, EnvironmentError {
        GoNetwork.Applied network = GoNetwork.apply(System.getenv(), offline, null);
        Context context = context(network.environment());
        network.notes().forEach(context.log()::info);
        ReproduceResult result = new ReproduceUseCase(context).run(request(context));
        return exit(result.warnings(), result.failure());
    }

    ReproduceRequest request(Context context) throws UserError {
        return ReproduceRequest.builder()
                .outputDirectory(outputDirectory)
                .reportsDirectory(reportsDirectory)
                .cacheDirectory(cacheDirectory)
                .rebuild(rebuild)
                .cacheMaxBytes(cacheMaxBytes)
                .goRoots(goRoots)
                .goVersions(goVersions)
                .failIfNoToolchains(failIfNoToolchains)
                .cases(cases)
                .casesDirectory(casesDirectory)
                .runners(runners)
                .targets(targets)
                .timeoutSeconds(timeoutSeconds)
                .buildTimeoutSeconds(buildTimeoutSeconds)
                .memoryLimitMb(memoryLimitMb)
                .threads(threads)
                .inheritEnvironment(inheritEnvironment)
                .reruns(reruns)
                .rerunsAll(rerunsAll)
                .stressRuns(stressRuns)
                .stressSeconds(stressSeconds)
                .stressStopOnFailure(stressStopOnFailure)
                .stressLoad(stressLoad)
                .failIfNoCells(failIfNoCells)
                .failOn(failOn)
                .failOnRegression(failOnRegression)
                .baseline(baseline)
                .issueBody(issueBody)
                .containerImage(containerImage)
                .containerKeepImages(containerKeepImages)
                .containerHosts(containerHosts)
                .module(module)
                .packages(packages)
                .tests(tests)
                .args(args)
                .goflags(goflags)
                .testRun(testRun)
                .testCount(testCount)
                .testTimeout(testTimeout)
                .targetEnv(targetEnv)
                .testShort(testShort)
                .testSkip(testSkip)
                .testParallel(testParallel)
                .testCpu(testCpu)
                .testBench(testBench)
                .testBenchtime(testBenchtime)
                .testTimeoutSeconds(testTimeoutSeconds)
                .translatedTestsOneAtATime(translatedTestsOneAtATime)
                .runEnv(runEnv)
                .shard(shard)
                .build(context);
    }
}
