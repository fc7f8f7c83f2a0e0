package dev.m1go.maven;

import dev.m1go.app.Defaults;
import dev.m1go.app.ReproduceRequest;
import dev.m1go.settings.PropertyNames;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The module-mode parameters of {@code m1go:reproduce} (module mode is on when {@code m1go.module} is set): a named
 * group of the goal's parameters, apart from the matrix's so that each class reads as one thing.
 */
abstract class ModuleModeMojo extends AbstractM1goMojo {

    /**
     * Module mode: your Go module (the directory with go.mod) on the matrix instead of the case catalog.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MODULE)
    File module;

    /**
     * Module mode: main packages to build and run, comma separated ({@code ./cmd/server,./tools/...}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PACKAGES)
    String packages;

    /**
     * Module mode: packages whose tests run ({@code ./...}), each as a test binary ({@code go test -c}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TESTS)
    String tests;

    /**
     * Module mode: arguments of each main package's run (a list, no shell). An empty element
     * ({@code -Dm1go.args=a,,end}, a trailing comma, an empty {@code <arg></arg>}) is an error naming its position:
     * Maven passes it as nothing, so it cannot mean an empty argument.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ARGS)
    List<String> args;

    /**
     * Module mode: {@code GOFLAGS} for the builds ({@code -mod=vendor}, {@code -tags=foo}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.GOFLAGS)
    String goflags;

    /**
     * Module mode: {@code -test.run} of every test binary.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TEST_RUN)
    String testRun;

    /**
     * Module mode: {@code -test.count} of every test binary.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TEST_COUNT)
    Integer testCount;

    /**
     * Module mode: {@code -test.timeout} of every test binary ({@code 2m}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TEST_TIMEOUT)
    String testTimeout;

    /**
     * Module mode: build environment per target, keys {@code <goos>-<goarch>.<VARIABLE>}
     * ({@code <linux-arm64.CGO_LDFLAGS>…</linux-arm64.CGO_LDFLAGS>}); on the command line
     * {@code -Dm1go.targetEnv.linux-arm64.CGO_LDFLAGS=…}.
     *
     * @since 0.1.0
     */
    @Parameter
    Map<String, String> targetEnv;

    /**
     * Module mode: {@code -test.short} for every test binary (tests that check {@code testing.Short()} leave out their
     * long parts).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TEST_SHORT, defaultValue = Defaults.FALSE)
    boolean testShort;

    /**
     * Module mode: {@code -test.skip} of every test binary: tests matching this regular expression do not run. Test
     * binaries of Go before 1.20 do not know the flag: their cells are skipped, saying so.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TEST_SKIP)
    String testSkip;

    /**
     * Module mode: {@code -test.parallel} of every test binary (how many parallel tests run at once).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TEST_PARALLEL)
    Integer testParallel;

    /**
     * Module mode: {@code -test.cpu} of every test binary ({@code 1,2,4}: each test and benchmark runs once per
     * {@code GOMAXPROCS} value).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TEST_CPU)
    String testCpu;

    /**
     * Module mode: {@code -test.bench} of every test binary: the benchmarks matching this regular expression run too;
     * report.json keeps ns/op per benchmark of each cell and report.md compares translated cells with native ones.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TEST_BENCH)
    String testBench;

    /**
     * Module mode: {@code -test.benchtime} of every test binary ({@code 100x}, {@code 2s}), for m1go.testBench.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TEST_BENCHTIME)
    String testBenchtime;

    /**
     * Module mode: time limit of one test-binary run on a native runner, in seconds; a translated run gets three
     * times as long. Programs keep m1go.timeoutSeconds.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TEST_TIMEOUT_SECONDS, defaultValue = Defaults.TEST_TIMEOUT_SECONDS)
    int testTimeoutSeconds;

    /**
     * Module mode: at most one translated test binary runs at a time, while native ones keep the other workers busy:
     * two emulated test binaries side by side starve tests with deadlines.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TRANSLATED_TESTS_ONE_AT_A_TIME, defaultValue = Defaults.TRUE)
    boolean translatedTestsOneAtATime;

    /**
     * Module mode: environment of every run of the module's programs and test binaries (not of builds), keys
     * {@code <VARIABLE>} ({@code <GODEBUG>asyncpreemptoff=1</GODEBUG>}); on the command line
     * {@code -Dm1go.runEnv.GODEBUG=asyncpreemptoff=1}. Reports name the variables, never their values.
     *
     * @since 0.1.0
     */
    @Parameter
    Map<String, String> runEnv;

    /** These parameters on a request. */
    ReproduceRequest.Builder moduleMode(ReproduceRequest.Builder request) {
        return request.module(path(module))
                .packages(list(packages))
                .tests(list(tests))
                .args(elements(PropertyNames.ARGS, args))
                .goflags(goflags)
                .testRun(testRun)
                .testCount(testCount)
                .testTimeout(testTimeout)
                .targetEnv(targetEnv())
                .testShort(testShort)
                .testSkip(testSkip)
                .testParallel(testParallel)
                .testCpu(testCpu)
                .testBench(testBench)
                .testBenchtime(testBenchtime)
                .testTimeoutSeconds(testTimeoutSeconds)
                .translatedTestsOneAtATime(translatedTestsOneAtATime)
                .runEnv(runEnv());
    }

    /** {@code <runEnv>} of the pom with the {@code -Dm1go.runEnv.<VAR>} properties over it. */
    private Map<String, String> runEnv() {
        Map<String, String> env = new TreeMap<>(runEnv == null ? Map.of() : runEnv);
        env.putAll(ReproduceRequest.Builder.runEnvProperties(System.getProperties()));
        return env;
    }

    /** {@code <targetEnv>} of the pom with the {@code -Dm1go.targetEnv.<goos>-<goarch>.<VAR>} properties over it. */
    private Map<String, String> targetEnv() {
        Map<String, String> flat = new TreeMap<>(targetEnv == null ? Map.of() : targetEnv);
        flat.putAll(ReproduceRequest.Builder.targetEnvProperties(System.getProperties()));
        return flat;
    }
}
