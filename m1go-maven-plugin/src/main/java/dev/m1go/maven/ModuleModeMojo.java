package dev.m1go.maven;

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
                .targetEnv(targetEnv());
    }

    /** {@code <targetEnv>} of the pom with the {@code -Dm1go.targetEnv.<goos>-<goarch>.<VAR>} properties over it. */
    private Map<String, String> targetEnv() {
        Map<String, String> flat = new TreeMap<>(targetEnv == null ? Map.of() : targetEnv);
        flat.putAll(ReproduceRequest.Builder.targetEnvProperties(System.getProperties()));
        return flat;
    }
}
