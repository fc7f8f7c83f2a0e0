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
        Stress stress) {

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
    }

    /** A request that uses the build cache, bounded to its default size, without stress mode. */
    public MatrixRequest(Path outputDirectory, Path cacheDirectory, List<ReproCase> cases, List<Toolchain> toolchains,
                         List<Platform> targets, List<Runner> runners, Duration runTimeout, Duration buildTimeout,
                         Duration quitGrace, int threads, boolean inheritEnvironment, Map<String, String> environment,
                         Path home, int reruns, boolean rerunsAll) {
        this(outputDirectory, cacheDirectory, cases, toolchains, targets, runners, runTimeout, buildTimeout, quitGrace,
                threads, inheritEnvironment, environment, home, reruns, rerunsAll, false, DEFAULT_CACHE_MAX_BYTES,
                Stress.NONE);
    }

    /** {@code m1go.cacheMaxBytes} when not given: 2 GiB. */
    public static final long DEFAULT_CACHE_MAX_BYTES = 2L * 1024 * 1024 * 1024;

    /** Every path under {@link #outputDirectory()}. */
    public dev.m1go.core.OutputLayout layout() {
        return new dev.m1go.core.OutputLayout(outputDirectory);
    }
}
