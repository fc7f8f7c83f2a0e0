package dev.m1go.cli;

import static dev.m1go.settings.PropertyNames.ARGS;
import static dev.m1go.settings.PropertyNames.BUILD_TIMEOUT_SECONDS;
import static dev.m1go.settings.PropertyNames.CACHE_DIRECTORY;
import static dev.m1go.settings.PropertyNames.CASES;
import static dev.m1go.settings.PropertyNames.CASES_DIRECTORY;
import static dev.m1go.settings.PropertyNames.GOFLAGS;
import static dev.m1go.settings.PropertyNames.GO_ROOTS;
import static dev.m1go.settings.PropertyNames.GO_VERSIONS;
import static dev.m1go.settings.PropertyNames.MINIMIZE_BUILDS;
import static dev.m1go.settings.PropertyNames.MINIMIZE_RUNS;
import static dev.m1go.settings.PropertyNames.MINIMIZE_SECONDS;
import static dev.m1go.settings.PropertyNames.MINIMIZE_TEST;
import static dev.m1go.settings.PropertyNames.MINIMIZE_THRESHOLD;
import static dev.m1go.settings.PropertyNames.MODULE;
import static dev.m1go.settings.PropertyNames.OUTPUT_DIRECTORY;
import static dev.m1go.settings.PropertyNames.PACKAGES;
import static dev.m1go.settings.PropertyNames.RUNNERS;
import static dev.m1go.settings.PropertyNames.TARGETS;
import static dev.m1go.settings.PropertyNames.TESTS;
import static dev.m1go.settings.PropertyNames.THREADS;
import static dev.m1go.settings.PropertyNames.TIMEOUT_SECONDS;

import dev.m1go.app.Context;
import dev.m1go.app.Defaults;
import dev.m1go.app.EnvironmentError;
import dev.m1go.app.MinimizeRequest;
import dev.m1go.app.MinimizeResult;
import dev.m1go.app.MinimizeUseCase;
import dev.m1go.core.UserError;
import dev.m1go.settings.GoNetwork;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code m1go minimize}: the options of {@code m1go:minimize}; reduces a failing case (or a test of your module) to the
 * smallest case that still fails the same way.
 */
@Command(
        name = "minimize",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        abbreviateSynopsis = true,
        showDefaultValues = true,
        description = "Reduce a failing cell (a case, or a test or main package of your "
                + "module) to the smallest case that still fails the same way, and write it in the case format with a README "
                + "into target/m1go/minimized/<name>.")
final class MinimizeCommand extends GoalCommand {
    private static final String G = "minimize.";

    @Option(names = "--cases", descriptionKey = G + CASES, split = ",", paramLabel = "ID")
    List<String> cases;

    @Option(names = "--cases-directory", descriptionKey = G + CASES_DIRECTORY, paramLabel = "DIR")
    Path casesDirectory;

    @Option(names = "--module", descriptionKey = G + MODULE, paramLabel = "DIR")
    Path module;

    @Option(names = "--tests", descriptionKey = G + TESTS, split = ",", paramLabel = "PKG")
    List<String> tests;

    @Option(names = "--test", descriptionKey = G + MINIMIZE_TEST, paramLabel = "NAME")
    String test;

    @Option(names = "--packages", descriptionKey = G + PACKAGES, split = ",", paramLabel = "PKG")
    List<String> packages;

    @Option(names = "--args", descriptionKey = G + ARGS, paramLabel = "ARG")
    List<String> args;

    @Option(names = "--goflags", descriptionKey = G + GOFLAGS, paramLabel = "FLAGS")
    String goflags;

    @Option(names = "--go-versions", descriptionKey = G + GO_VERSIONS, paramLabel = "VERSION")
    String goVersions;

    @Option(names = "--targets", descriptionKey = G + TARGETS, split = ",", paramLabel = "GOOS/GOARCH")
    List<String> targets;

    @Option(names = "--runners", descriptionKey = G + RUNNERS, split = ",", paramLabel = "RUNNER")
    List<String> runners;

    @Option(
            names = "--seconds",
            descriptionKey = G + MINIMIZE_SECONDS,
            paramLabel = "S",
            defaultValue = Defaults.MINIMIZE_SECONDS)
    int seconds;

    @Option(
            names = "--builds",
            descriptionKey = G + MINIMIZE_BUILDS,
            paramLabel = "N",
            defaultValue = Defaults.MINIMIZE_BUILDS)
    int builds;

    @Option(
            names = "--runs",
            descriptionKey = G + MINIMIZE_RUNS,
            paramLabel = "N",
            defaultValue = Defaults.MINIMIZE_RUNS)
    int runs;

    @Option(
            names = "--threshold",
            descriptionKey = G + MINIMIZE_THRESHOLD,
            paramLabel = "PERCENT",
            defaultValue = Defaults.MINIMIZE_THRESHOLD)
    int threshold;

    @Option(names = "--output-directory", descriptionKey = G + OUTPUT_DIRECTORY, paramLabel = "DIR")
    Path outputDirectory;

    @Option(names = "--cache-directory", descriptionKey = G + CACHE_DIRECTORY, paramLabel = "DIR")
    Path cacheDirectory;

    @Option(names = "--go-roots", descriptionKey = G + GO_ROOTS, split = ",", paramLabel = "GOROOT")
    List<String> goRoots;

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

    @Option(names = "--threads", descriptionKey = G + THREADS, paramLabel = "N", defaultValue = Defaults.THREADS)
    int threads;

    @Option(names = "--offline", description = "Use only Go's module cache (GOPROXY=off), as mvn -o does.")
    boolean offline;

    @Override
    public Integer call() throws UserError, EnvironmentError {
        GoNetwork.Applied network = GoNetwork.apply(System.getenv(), offline, null);
        Context context = context(network.environment());
        network.notes().forEach(context.log()::info);
        MinimizeResult result = new MinimizeUseCase(context).run(request());
        spec.commandLine().getErr().println("m1go: minimized case: " + result.directory());
        spec.commandLine().getErr().flush();
        return exit(List.of(), null);
    }

    MinimizeRequest request() {
        return new MinimizeRequest(
                outputDirectory,
                cacheDirectory,
                goRoots,
                goVersions,
                cases,
                casesDirectory,
                runners,
                targets,
                timeoutSeconds,
                buildTimeoutSeconds,
                threads,
                new MinimizeRequest.Module(module, tests, test, packages, args, goflags),
                new MinimizeRequest.Budget(seconds, builds, runs, threshold));
    }
}
