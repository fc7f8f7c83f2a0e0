package dev.m1go.maven;

import dev.m1go.app.Context;
import dev.m1go.app.Defaults;
import dev.m1go.app.EnvironmentError;
import dev.m1go.app.MinimizeRequest;
import dev.m1go.app.MinimizeResult;
import dev.m1go.app.MinimizeUseCase;
import dev.m1go.core.UserError;
import dev.m1go.settings.GoNetwork;
import dev.m1go.settings.PropertyNames;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reduces a failing cell (a case, or a test or main package of your module) to the smallest case that still fails
 * the same way, and writes it in the case format, with a README holding its provenance and the reduction record, into
 * {@code target/m1go/minimized/<name>}. {@code m1go:reproduce -Dm1go.casesDirectory=target/m1go/minimized} runs it.
 */
@Mojo(name = "minimize", requiresProject = false, threadSafe = true)
public final class MinimizeMojo extends AbstractM1goMojo {

    /**
     * The case to minimize: one id of the catalog or of m1go.casesDirectory.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CASES)
    String cases;

    /**
     * A directory of your own cases (one subdirectory per case, each with case.yaml).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CASES_DIRECTORY)
    File casesDirectory;

    /**
     * Module mode: your Go module (the directory with go.mod) whose failing test or main package is minimized.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MODULE)
    File module;

    /**
     * Module mode: the package of the failing test named by m1go.minimize.test ({@code ./store}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TESTS)
    String tests;

    /**
     * Module mode: the failing test ({@code TestX}) of the package m1go.tests names; it runs alone, as
     * {@code -test.run '^TestX$'}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MINIMIZE_TEST)
    String minimizeTest;

    /**
     * Module mode: the failing main package ({@code ./cmd/server}), run with m1go.args.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PACKAGES)
    String packages;

    /**
     * Module mode: the arguments of the failing main package's run (a list, no shell).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ARGS)
    List<String> args;

    /**
     * Module mode: GOFLAGS for the builds ({@code -mod=vendor}, {@code -tags=foo}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.GOFLAGS)
    String goflags;

    /**
     * The toolchain of the failing cell (the first toolchain this selects, as in m1go:reproduce). Default: the
     * toolchain of the first cell of the last report in m1go.outputDirectory that failed this way; without one, the
     * newest toolchain of this host.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.GO_VERSIONS)
    String goVersions;

    /**
     * The target of the failing cell (GOOS/GOARCH). Default: as for m1go.goVersions; without a report, this host's.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TARGETS)
    String targets;

    /**
     * The runner of the failing cell (native, qemu, binfmt, …); a translated one gets the native cell of this host,
     * same toolchain, as its reference. Default: as for m1go.goVersions; without a report, native.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.RUNNERS)
    String runners;

    /**
     * The time budget of the reduction, in seconds: no candidate starts after it, and the best case so far is
     * written.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MINIMIZE_SECONDS, defaultValue = Defaults.MINIMIZE_SECONDS)
    int minimizeSeconds;

    /**
     * The build budget: at most this many builds of candidates (builds taken from the build cache do not count).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MINIMIZE_BUILDS, defaultValue = Defaults.MINIMIZE_BUILDS)
    int minimizeBuilds;

    /**
     * Runs of the failing cell's first measurement. A failure seen in every run is reduced with one run per
     * candidate; an intermittent one with this many runs per candidate, more as the case shrinks (up to four times as
     * many).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MINIMIZE_RUNS, defaultValue = Defaults.MINIMIZE_RUNS)
    int minimizeRuns;

    /**
     * Intermittent failures: a candidate still fails the same way while the lower bound of the 95 % Wilson interval
     * of its failure rate lies above this many percent.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MINIMIZE_THRESHOLD, defaultValue = Defaults.MINIMIZE_THRESHOLD)
    int minimizeThreshold;

    /**
     * Where the last report (report.json) is read to find the failing cell, where candidates are built and run
     * ({@code minimize-work/}), and where the minimized case goes ({@code minimized/<name>/}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/m1go")
    File outputDirectory;

    /**
     * As for m1go:reproduce: m1go's build cache (a candidate built before is not built again), Go's build caches and
     * m1go's Go reducer. Default: {@code $XDG_CACHE_HOME/m1go} when {@code XDG_CACHE_HOME} is set, else
     * {@code ~/.cache/m1go}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CACHE_DIRECTORY)
    File cacheDirectory;

    /**
     * More Go installations (GOROOTs), comma separated, besides the ones m1go finds by itself.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.GO_ROOTS)
    String goRoots;

    /**
     * Time limit of one run, in seconds (a case may set its own).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TIMEOUT_SECONDS, defaultValue = Defaults.TIMEOUT_SECONDS)
    int timeoutSeconds;

    /**
     * Time limit of one build (C library plus go build), in seconds.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BUILD_TIMEOUT_SECONDS, defaultValue = Defaults.BUILD_TIMEOUT_SECONDS)
    int buildTimeoutSeconds;

    /**
     * How many candidates build and run at once. Default (0): the number of processors.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.THREADS, defaultValue = Defaults.THREADS)
    int threads;

    /**
     * Skips m1go:minimize only (other goals still run).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MINIMIZE_SKIP, defaultValue = "false")
    boolean minimizeSkip;

    @Override
    String skippedBy() {
        String all = super.skippedBy();
        return all != null ? all : minimizeSkip ? PropertyNames.MINIMIZE_SKIP : null;
    }

    @Override
    String goal() {
        return "minimize";
    }

    @Override
    MinimizeRequest request(Context context) {
        return new MinimizeRequest(
                reportDirectory(outputDirectory),
                path(cacheDirectory),
                list(goRoots),
                goVersions,
                list(cases),
                path(casesDirectory),
                list(runners),
                list(targets),
                timeoutSeconds,
                buildTimeoutSeconds,
                threads,
                new MinimizeRequest.Module(
                        path(module),
                        list(tests),
                        minimizeTest,
                        list(packages),
                        elements(PropertyNames.ARGS, args),
                        goflags),
                new MinimizeRequest.Budget(minimizeSeconds, minimizeBuilds, minimizeRuns, minimizeThreshold));
    }

    @Override
    void run(Context context) throws MojoExecutionException {
        GoNetwork.Applied network = network(context.environment());
        Context c = context.withEnvironment(network.environment());
        network.notes().forEach(c.log()::info);
        MinimizeResult result;
        try {
            result = new MinimizeUseCase(c).run(request(c));
        } catch (UserError | EnvironmentError | IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        getLog().info("m1go: minimized case: " + result.directory());
    }
}
