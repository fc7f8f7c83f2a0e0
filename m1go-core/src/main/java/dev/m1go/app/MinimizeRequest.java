package dev.m1go.app;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code m1go:minimize} is asked to do, in named groups: the failing cell and the engine's settings, module mode,
 * and the reduction's budgets. Each component carries its setting's name ({@code m1go.minimize.seconds} is
 * {@code seconds}).
 *
 * @param outputDirectory {@code null}: {@link Defaults#OUTPUT_DIRECTORY} below the working directory
 * @param cacheDirectory  {@code null}: the default cache directory
 * @param threads         0: the number of processors
 */
public record MinimizeRequest(
        Path outputDirectory,
        Path cacheDirectory,
        List<String> goRoots,
        String goVersions,
        List<String> cases,
        Path casesDirectory,
        List<String> runners,
        List<String> targets,
        int timeoutSeconds,
        int buildTimeoutSeconds,
        int threads,
        Module module,
        Budget budget) {

    /** Module mode: on when {@code module} is set; the package of {@code tests} with {@code test}, or {@code packages}. */
    public record Module(
            Path module, List<String> tests, String test, List<String> packages, List<String> args, String goflags) {
        public Module {
            tests = list(tests);
            packages = list(packages);
            args = args == null ? List.of() : List.copyOf(args);
        }

        public static final Module NONE = new Module(null, List.of(), null, List.of(), List.of(), null);
    }

    /** {@code m1go.minimize.seconds}, {@code .builds}, {@code .runs} and {@code .threshold} (percent). */
    public record Budget(int seconds, int builds, int runs, int threshold) {
        public static final Budget DEFAULT = new Budget(
                Defaults.integer(Defaults.MINIMIZE_SECONDS),
                Defaults.integer(Defaults.MINIMIZE_BUILDS),
                Defaults.integer(Defaults.MINIMIZE_RUNS),
                Defaults.integer(Defaults.MINIMIZE_THRESHOLD));
    }

    public MinimizeRequest {
        goRoots = list(goRoots);
        cases = list(cases);
        runners = list(runners);
        targets = list(targets);
        module = module == null ? Module.NONE : module;
        budget = budget == null ? Budget.DEFAULT : budget;
    }

    private static List<String> list(List<String> v) {
        return v == null
                ? List.of()
                : v.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
