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
        dev.m1go.module.ModuleProject.Settings module,
        String shard,
        int memoryLimitMb) {

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
    /** The upper bound of {@code m1go.memoryLimitMb}: 1 TiB. */
    public static final int MAX_MEMORY_LIMIT_MB = 1 << 20;
    /** The lower bound of {@code m1go.memoryLimitMb} when it is not 0: a Go program needs more than this to start. */
    public static final int MIN_MEMORY_LIMIT_MB = 16;
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
     * A builder whose setters carry the settings' names, so that two numbers or two flags cannot change places
     * unnoticed; the four settings without a default are given here.
     *
     * @throws NullPointerException naming the one of them that is null
     */
    public static Builder builder(
            Path outputDirectory, Path cacheDirectory, Map<String, String> environment, Path home) {
        return new Builder(outputDirectory, cacheDirectory, environment, home);
    }

    /**
     * Builds {@link ReproduceSettings}; each setter sets the setting of its name. Without a setter a setting has its
     * default, the same as {@code dev.m1go.app.Defaults} gives front ends (a test holds them together): no extra
     * GOROOTs, cases, runners or targets (m1go picks its own), {@code failIfNoToolchains} and {@code failIfNoCells}
     * on, 60 s per run and 900 s per build, one thread per processor (at most {@link #MAX_THREADS}), a clean
     * environment, no reruns, the build cache used and bounded to {@code MatrixRequest.DEFAULT_CACHE_MAX_BYTES}, no
     * stress mode, no module mode and no memory limit.
     */
    public static final class Builder {
        private final Path outputDirectory;
        private final Path cacheDirectory;
        private final Map<String, String> environment;
        private final Path home;
        private List<String> goRoots = List.of();
        private String goVersions;
        private boolean failIfNoToolchains = true;
        private List<String> cases = List.of();
        private Path casesDirectory;
        private List<String> runners = List.of();
        private List<String> targets = List.of();
        private int timeoutSeconds = 60;
        private int buildTimeoutSeconds = 900;
        private int threads = Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS);
        private boolean inheritEnvironment;
        private int reruns;
        private boolean rerunsAll;
        private boolean failIfNoCells = true;
        private boolean rebuild;
        private long cacheMaxBytes = dev.m1go.matrix.MatrixRequest.DEFAULT_CACHE_MAX_BYTES;
        private StressSettings stress = StressSettings.NONE;
        private dev.m1go.module.ModuleProject.Settings module;
        private String shard;
        private int memoryLimitMb;

        private Builder(Path outputDirectory, Path cacheDirectory, Map<String, String> environment, Path home) {
            this.outputDirectory = given(outputDirectory, "outputDirectory");
            this.cacheDirectory = given(cacheDirectory, "cacheDirectory");
            this.environment = given(environment, "environment");
            this.home = given(home, "home");
        }

        public Builder goRoots(List<String> v) {
            goRoots = v;
            return this;
        }

        public Builder goVersions(String v) {
            goVersions = v;
            return this;
        }

        public Builder failIfNoToolchains(boolean v) {
            failIfNoToolchains = v;
            return this;
        }

        public Builder cases(List<String> v) {
            cases = v;
            return this;
        }

        public Builder casesDirectory(Path v) {
            casesDirectory = v;
            return this;
        }

        public Builder runners(List<String> v) {
            runners = v;
            return this;
        }

        public Builder targets(List<String> v) {
            targets = v;
            return this;
        }

        public Builder timeoutSeconds(int v) {
            timeoutSeconds = v;
            return this;
        }

        public Builder buildTimeoutSeconds(int v) {
            buildTimeoutSeconds = v;
            return this;
        }
        /** Taken as given: {@link Preflight} refuses a number out of range (a front end resolves 0 beforehand). */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public Builder inheritEnvironment(boolean v) {
            inheritEnvironment = v;
            return this;
        }

        public Builder reruns(int v) {
            reruns = v;
            return this;
        }

        public Builder rerunsAll(boolean v) {
            rerunsAll = v;
            return this;
        }

        public Builder failIfNoCells(boolean v) {
            failIfNoCells = v;
            return this;
        }

        public Builder rebuild(boolean v) {
            rebuild = v;
            return this;
        }

        public Builder cacheMaxBytes(long v) {
            cacheMaxBytes = v;
            return this;
        }
        /** Null: {@link StressSettings#NONE}. */
        public Builder stress(StressSettings v) {
            stress = v;
            return this;
        }
        /** Null: not in module mode. */
        public Builder module(dev.m1go.module.ModuleProject.Settings v) {
            module = v;
            return this;
        }
        /** {@code K/N}: only that share of the planned cells ({@code m1go.shard}); null or blank: all of them. */
        public Builder shard(String v) {
            shard = v == null || v.isBlank() ? null : v.trim();
            return this;
        }
        /** {@code m1go.memoryLimitMb}; 0: no limit. */
        public Builder memoryLimitMb(int v) {
            memoryLimitMb = v;
            return this;
        }

        public ReproduceSettings build() {
            return new ReproduceSettings(
                    outputDirectory,
                    cacheDirectory,
                    goRoots,
                    goVersions,
                    failIfNoToolchains,
                    cases,
                    casesDirectory,
                    runners,
                    targets,
                    timeoutSeconds,
                    buildTimeoutSeconds,
                    threads,
                    inheritEnvironment,
                    reruns,
                    rerunsAll,
                    failIfNoCells,
                    environment,
                    home,
                    rebuild,
                    cacheMaxBytes,
                    stress,
                    module,
                    shard,
                    memoryLimitMb);
        }

        private static <T> T given(T value, String setting) {
            return Objects.requireNonNull(value, () -> "ReproduceSettings: " + setting + " not given");
        }
    }

    /** These settings in module mode. */
    public ReproduceSettings withModule(dev.m1go.module.ModuleProject.Settings moduleSettings) {
        return toBuilder().module(moduleSettings).build();
    }

    /** These settings with more GOROOTs after {@code goRoots} (the toolchains a front end declares). */
    public ReproduceSettings withMoreGoRoots(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(goRoots);
        all.addAll(more);
        return toBuilder().goRoots(all).build();
    }

    private Builder toBuilder() {
        return builder(outputDirectory, cacheDirectory, environment, home)
                .goRoots(goRoots)
                .goVersions(goVersions)
                .failIfNoToolchains(failIfNoToolchains)
                .cases(cases)
                .casesDirectory(casesDirectory)
                .runners(runners)
                .targets(targets)
                .timeoutSeconds(timeoutSeconds)
                .buildTimeoutSeconds(buildTimeoutSeconds)
                .threads(threads)
                .inheritEnvironment(inheritEnvironment)
                .reruns(reruns)
                .rerunsAll(rerunsAll)
                .failIfNoCells(failIfNoCells)
                .rebuild(rebuild)
                .cacheMaxBytes(cacheMaxBytes)
                .stress(stress)
                .module(module)
                .shard(shard)
                .memoryLimitMb(memoryLimitMb);
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
        return values == null
                ? List.of()
                : values.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
