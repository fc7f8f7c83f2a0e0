package dev.m1go.matrix;

import dev.m1go.cases.ReproCase;
import dev.m1go.runner.Runner;
import dev.m1go.toolchain.Toolchain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything one matrix run needs, already validated.
 *
 * @param outputDirectory    {@code target/m1go}: cases, builds, logs and reports
 * @param cacheDirectory     kept between runs: Go's build caches, one per toolchain, and m1go's build cache
 * @param environment        the environment m1go was started with
 * @param inheritEnvironment pass the whole environment to builds and runs instead of a clean one
 * @param reruns             extra runs for each cell that did not pass (or every cell with {@code rerunsAll})
 * @param rebuild            build every binary again instead of taking it from the build cache (the new builds are
 *                           still stored)
 * @param cacheMaxBytes      the size the build cache is trimmed to at the end of a run (least recently used first)
 * @param stress             how often every cell runs in stress mode ({@link Stress#NONE}: once, plus reruns)
 * @param memoryLimitMb      {@code m1go.memoryLimitMb}: the memory limit of each run of a cell's binary, in MiB; 0 for
 *                           none (builds are never limited)
 */
public record MatrixRequest(
        Path outputDirectory,
        Path cacheDirectory,
        List<ReproCase> cases,
        List<Toolchain> toolchains,
        List<Platform> targets,
        List<Runner> runners,
        Duration runTimeout,
        Duration buildTimeout,
        Duration quitGrace,
        int threads,
        boolean inheritEnvironment,
        Map<String, String> environment,
        Path home,
        int reruns,
        boolean rerunsAll,
        boolean rebuild,
        long cacheMaxBytes,
        Stress stress,
        int memoryLimitMb) {

    public MatrixRequest {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
        cases = List.copyOf(cases);
        toolchains = List.copyOf(toolchains);
        targets = List.copyOf(targets);
        runners = List.copyOf(runners);
        Objects.requireNonNull(runTimeout, "runTimeout");
        Objects.requireNonNull(buildTimeout, "buildTimeout");
        Objects.requireNonNull(quitGrace, "quitGrace");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        environment = java.util.Collections.unmodifiableMap(new TreeMap<>(environment));
        Objects.requireNonNull(home, "home");
        if (reruns < 0) {
            throw new IllegalArgumentException("reruns must not be negative");
        }
        if (cacheMaxBytes < 0) {
            throw new IllegalArgumentException("cacheMaxBytes must not be negative");
        }
        Objects.requireNonNull(stress, "stress");
        if (memoryLimitMb < 0) {
            throw new IllegalArgumentException("memoryLimitMb must not be negative");
        }
    }

    /**
     * A builder whose setters carry the components' names, so that two durations or two numbers cannot change places
     * unnoticed. Without a setter: a clean environment ({@code inheritEnvironment} false), no reruns, the build cache
     * used ({@code rebuild} false) and bounded to {@link #DEFAULT_CACHE_MAX_BYTES}, {@link Stress#NONE}, no memory limit. Every other
     * component must be set; {@link Builder#build()} names those that are not.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link MatrixRequest}; each setter sets the component of its name. */
    public static final class Builder {
        private Path outputDirectory;
        private Path cacheDirectory;
        private List<ReproCase> cases;
        private List<Toolchain> toolchains;
        private List<Platform> targets;
        private List<Runner> runners;
        private Duration runTimeout;
        private Duration buildTimeout;
        private Duration quitGrace;
        private Integer threads;
        private boolean inheritEnvironment;
        private Map<String, String> environment;
        private Path home;
        private int reruns;
        private boolean rerunsAll;
        private boolean rebuild;
        private long cacheMaxBytes = DEFAULT_CACHE_MAX_BYTES;
        private Stress stress = Stress.NONE;
        private int memoryLimitMb;

        private Builder() {}

        public Builder outputDirectory(Path v) {
            outputDirectory = v;
            return this;
        }

        public Builder cacheDirectory(Path v) {
            cacheDirectory = v;
            return this;
        }

        public Builder cases(List<ReproCase> v) {
            cases = v;
            return this;
        }

        public Builder toolchains(List<Toolchain> v) {
            toolchains = v;
            return this;
        }

        public Builder targets(List<Platform> v) {
            targets = v;
            return this;
        }

        public Builder runners(List<Runner> v) {
            runners = v;
            return this;
        }

        public Builder runTimeout(Duration v) {
            runTimeout = v;
            return this;
        }

        public Builder buildTimeout(Duration v) {
            buildTimeout = v;
            return this;
        }

        public Builder quitGrace(Duration v) {
            quitGrace = v;
            return this;
        }

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public Builder inheritEnvironment(boolean v) {
            inheritEnvironment = v;
            return this;
        }

        public Builder environment(Map<String, String> v) {
            environment = v;
            return this;
        }

        public Builder home(Path v) {
            home = v;
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

        public Builder rebuild(boolean v) {
            rebuild = v;
            return this;
        }

        public Builder cacheMaxBytes(long v) {
            cacheMaxBytes = v;
            return this;
        }

        public Builder stress(Stress v) {
            stress = v;
            return this;
        }

        public Builder memoryLimitMb(int v) {
            memoryLimitMb = v;
            return this;
        }

        /**
         * The request, checked as the record checks it.
         *
         * @throws IllegalStateException naming every component that has no default and was not set
         */
        public MatrixRequest build() {
            List<String> missing = new java.util.ArrayList<>();
            require(missing, outputDirectory, "outputDirectory");
            require(missing, cacheDirectory, "cacheDirectory");
            require(missing, cases, "cases");
            require(missing, toolchains, "toolchains");
            require(missing, targets, "targets");
            require(missing, runners, "runners");
            require(missing, runTimeout, "runTimeout");
            require(missing, buildTimeout, "buildTimeout");
            require(missing, quitGrace, "quitGrace");
            require(missing, threads, "threads");
            require(missing, environment, "environment");
            require(missing, home, "home");
            require(missing, stress, "stress");
            if (!missing.isEmpty()) {
                throw new IllegalStateException("MatrixRequest: " + String.join(", ", missing) + " not set");
            }
            return new MatrixRequest(
                    outputDirectory,
                    cacheDirectory,
                    cases,
                    toolchains,
                    targets,
                    runners,
                    runTimeout,
                    buildTimeout,
                    quitGrace,
                    threads,
                    inheritEnvironment,
                    environment,
                    home,
                    reruns,
                    rerunsAll,
                    rebuild,
                    cacheMaxBytes,
                    stress,
                    memoryLimitMb);
        }

        private static void require(List<String> missing, Object value, String component) {
            if (value == null) {
                missing.add(component);
            }
        }
    }

    /** {@code m1go.cacheMaxBytes} when not given: 2 GiB. */
    public static final long DEFAULT_CACHE_MAX_BYTES = 2L * 1024 * 1024 * 1024;

    /** Every path under {@link #outputDirectory()}. */
    public dev.m1go.core.OutputLayout layout() {
        return new dev.m1go.core.OutputLayout(outputDirectory);
    }
}
