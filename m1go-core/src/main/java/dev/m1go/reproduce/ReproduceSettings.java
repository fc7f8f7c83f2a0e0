package dev.m1go.reproduce;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of {@code m1go:reproduce}, as given (validated by {@link Reproduce}). Each field names its
 * {@code m1go.*} property in the README's table.
 */
public record ReproduceSettings(
        Path outputDirectory,
        Path cacheDirectory,
        List<String> goRoots,
        String goVersions,
        boolean failIfNoToolchains,
        List<String> cases,
        Path casesDirectory,
        List<String> runners,
        List<String> targets,
        int timeoutSeconds,
        int buildTimeoutSeconds,
        int threads,
        boolean inheritEnvironment,
        int reruns,
        boolean rerunsAll,
        boolean failIfNoCells,
        Map<String, String> environment,
        Path home,
        boolean rebuild,
        long cacheMaxBytes,
        StressSettings stress,
        dev.m1go.module.ModuleProject.Settings module) {

    /**
     * Stress mode as given: {@code m1go.stress.runs}, {@code m1go.stress.seconds}, {@code m1go.stress.stopOnFailure},
     * {@code m1go.stress.load}.
     */
    public record StressSettings(int stressRuns, int stressSeconds, boolean stressStopOnFailure, int stressLoad) {
        public static final StressSettings NONE = new StressSettings(0, 0, false, 0);
    }

    /** The upper bound of {@code m1go.timeoutSeconds} and {@code m1go.buildTimeoutSeconds}: one day. */
    public static final int MAX_TIMEOUT_SECONDS = 86_400;
    /** The upper bound of {@code m1go.threads}. */
    public static final int MAX_THREADS = 1024;
    /** The upper bound of {@code m1go.reruns}. */
    public static final int MAX_RERUNS = 1000;
    /** The upper bound of {@code m1go.cacheMaxBytes}: 1 TiB. */
    public static final long MAX_CACHE_BYTES = 1L << 40;
    /** The upper bound of {@code m1go.stress.runs}. */
    public static final int MAX_STRESS_RUNS = 1_000_000;
    /** The upper bound of {@code m1go.stress.seconds}: one week. */
    public static final int MAX_STRESS_SECONDS = 604_800;
    /** The upper bound of {@code m1go.stress.load}. */
    public static final int MAX_STRESS_LOAD = 1024;
    /** The upper bound of {@code m1go.testCount}. */
    public static final int MAX_TEST_COUNT = 100_000;

    public ReproduceSettings {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        goRoots = clean(goRoots);
        cases = clean(cases);
        runners = clean(runners);
        targets = clean(targets);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(home, "home");
        stress = stress == null ? StressSettings.NONE : stress;
    }

    /**
     * Settings that use the build cache, bounded to its default size, without stress mode and without module mode (the
     * case catalog and {@code m1go.casesDirectory} on the matrix).
     */
    public ReproduceSettings(Path outputDirectory, Path cacheDirectory, List<String> goRoots, String goVersions,
                             boolean failIfNoToolchains, List<String> cases, Path casesDirectory, List<String> runners,
                             List<String> targets, int timeoutSeconds, int buildTimeoutSeconds, int threads,
                             boolean inheritEnvironment, int reruns, boolean rerunsAll, boolean failIfNoCells,
                             Map<String, String> environment, Path home) {
        this(outputDirectory, cacheDirectory, goRoots, goVersions, failIfNoToolchains, cases, casesDirectory, runners,
                targets, timeoutSeconds, buildTimeoutSeconds, threads, inheritEnvironment, reruns, rerunsAll,
                failIfNoCells, environment, home, false, dev.m1go.matrix.MatrixRequest.DEFAULT_CACHE_MAX_BYTES,
                StressSettings.NONE, null);
    }

    /** These settings in module mode. */
    public ReproduceSettings withModule(dev.m1go.module.ModuleProject.Settings moduleSettings) {
        return new ReproduceSettings(outputDirectory, cacheDirectory, goRoots, goVersions, failIfNoToolchains, cases,
                casesDirectory, runners, targets, timeoutSeconds, buildTimeoutSeconds, threads, inheritEnvironment,
                reruns, rerunsAll, failIfNoCells, environment, home, rebuild, cacheMaxBytes, stress, moduleSettings);
    }

    /** These settings with more GOROOTs after {@code goRoots} (the toolchains a front end declares). */
    public ReproduceSettings withMoreGoRoots(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(goRoots);
        all.addAll(more);
        return new ReproduceSettings(outputDirectory, cacheDirectory, all, goVersions, failIfNoToolchains, cases,
                casesDirectory, runners, targets, timeoutSeconds, buildTimeoutSeconds, threads, inheritEnvironment,
                reruns, rerunsAll, failIfNoCells, environment, home, rebuild, cacheMaxBytes, stress, module);
    }

    /**
     * The default {@code m1go.cacheDirectory}: {@code $XDG_CACHE_HOME/m1go} when that variable names an absolute path
     * (the XDG base directory rule, which Go's own build cache follows too), else {@code ~/.cache/m1go}.
     */
    public static Path defaultCacheDirectory(Map<String, String> environment, Path home) {
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("m1go");
        }
        return home.resolve(".cache/m1go");
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
