package dev.m1go.reproduce;

import dev.m1go.core.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory parameters of {@code m1go:reproduce}, checked before anything runs: each is what it must be (a
 * directory, not a file; writable where m1go writes), and the output directory neither is, nor lies inside, nor holds
 * the directory of the user's own cases (m1go rewrites its output directory, and would rewrite the cases); and the
 * numeric parameters, each in its range.
 */
final class Preflight {

    private Preflight() {}

    /**
     * {@code m1go.shard} as a share.
     *
     * @throws UserError naming the setting and the form it takes
     */
    static dev.m1go.matrix.Shard shard(String text) throws UserError {
        try {
            return dev.m1go.matrix.Shard.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError("m1go.shard: " + e.getMessage() + "; give K/N, e.g. m1go.shard=2/3 for the second of "
                    + "three jobs, each running one share of the matrix");
        }
    }

    /**
     * The numeric parameters: time limits, threads, reruns, cache size, stress mode, the memory limit and the module's
     * test count, each in its range (the bounds are {@link ReproduceSettings}' {@code MAX_…} and {@code MIN_…}
     * constants, listed in the README).
     */
    static void numbers(ReproduceSettings s) throws UserError {
        if (s.shard() != null) {
            shard(s.shard());
        }
        if (s.timeoutSeconds() < 1) {
            throw new UserError("m1go.timeoutSeconds is " + s.timeoutSeconds() + ": give the time limit of one run in "
                    + "seconds, at least 1");
        }
        atMost(
                "m1go.timeoutSeconds",
                s.timeoutSeconds(),
                ReproduceSettings.MAX_TIMEOUT_SECONDS,
                "the time limit of one run in seconds, from 1 to " + ReproduceSettings.MAX_TIMEOUT_SECONDS
                        + " (a day)");
        if (s.buildTimeoutSeconds() < 1) {
            throw new UserError("m1go.buildTimeoutSeconds is " + s.buildTimeoutSeconds()
                    + ": give the time limit of one " + "build in seconds, at least 1");
        }
        atMost(
                "m1go.buildTimeoutSeconds",
                s.buildTimeoutSeconds(),
                ReproduceSettings.MAX_TIMEOUT_SECONDS,
                "the time limit of one build in seconds, from 1 to " + ReproduceSettings.MAX_TIMEOUT_SECONDS
                        + " (a day)");
        if (s.threads() < 1) {
            throw new UserError("m1go.threads is " + s.threads() + ": give how many cells run at once, at least 1 (0 "
                    + "or unset: one per processor)");
        }
        atMost(
                "m1go.threads",
                s.threads(),
                ReproduceSettings.MAX_THREADS,
                "how many cells run at once, from 1 to " + ReproduceSettings.MAX_THREADS
                        + " (0 or unset: one per processor)");
        if (s.cacheMaxBytes() < 0) {
            throw new UserError("m1go.cacheMaxBytes is " + s.cacheMaxBytes() + ": give the size in bytes the build "
                    + "cache in m1go.cacheDirectory may keep, 0 or more (0 keeps nothing between runs)");
        }
        atMost(
                "m1go.cacheMaxBytes",
                s.cacheMaxBytes(),
                ReproduceSettings.MAX_CACHE_BYTES,
                "the size in bytes the " + "build cache may keep, from 0 to " + ReproduceSettings.MAX_CACHE_BYTES
                        + " (1 TiB)");
        ReproduceSettings.StressSettings st = s.stress();
        if (st.stressRuns() < 0) {
            throw new UserError("m1go.stress.runs is " + st.stressRuns()
                    + ": give how many times every cell runs, 1 or more " + "(0 or unset: no stress mode)");
        }
        atMost(
                "m1go.stress.runs",
                st.stressRuns(),
                ReproduceSettings.MAX_STRESS_RUNS,
                "how many times every cell " + "runs, from 1 to " + ReproduceSettings.MAX_STRESS_RUNS
                        + " (0 or unset: no stress mode)");
        if (st.stressSeconds() < 0) {
            throw new UserError("m1go.stress.seconds is " + st.stressSeconds() + ": give how long every cell runs, in "
                    + "seconds (0 or unset: no time limit)");
        }
        atMost(
                "m1go.stress.seconds",
                st.stressSeconds(),
                ReproduceSettings.MAX_STRESS_SECONDS,
                "how long every cell "
                        + "runs in seconds, up to " + ReproduceSettings.MAX_STRESS_SECONDS
                        + " (a week; 0 or unset: no time "
                        + "limit)");
        if (st.stressLoad() < 0) {
            throw new UserError("m1go.stress.load is " + st.stressLoad() + ": give how many busy threads load the CPU "
                    + "while the matrix runs, 0 or more");
        }
        atMost(
                "m1go.stress.load",
                st.stressLoad(),
                ReproduceSettings.MAX_STRESS_LOAD,
                "how many busy threads load " + "the CPU while the matrix runs, from 0 to "
                        + ReproduceSettings.MAX_STRESS_LOAD);
        if ((st.stressStopOnFailure() || st.stressLoad() > 0) && st.stressRuns() == 0 && st.stressSeconds() == 0) {
            throw new UserError((st.stressStopOnFailure() ? "m1go.stress.stopOnFailure" : "m1go.stress.load")
                    + " needs " + "stress mode: set m1go.stress.runs=N and/or m1go.stress.seconds=S");
        }
        if (s.reruns() < 0) {
            throw new UserError(
                    "m1go.reruns is " + s.reruns() + ": give how many extra runs a failing cell gets, 0 or " + "more");
        }
        atMost(
                "m1go.reruns",
                s.reruns(),
                ReproduceSettings.MAX_RERUNS,
                "how many extra runs a failing cell gets, " + "from 0 to " + ReproduceSettings.MAX_RERUNS
                        + " (for more, use stress mode: m1go.stress.runs)");
        if (s.memoryLimitMb() != 0 && s.memoryLimitMb() < ReproduceSettings.MIN_MEMORY_LIMIT_MB) {
            throw new UserError("m1go.memoryLimitMb is " + s.memoryLimitMb() + ": give the memory limit of one run in "
                    + "MiB, at least " + ReproduceSettings.MIN_MEMORY_LIMIT_MB + " (0 or unset: no limit)");
        }
        atMost(
                "m1go.memoryLimitMb",
                s.memoryLimitMb(),
                ReproduceSettings.MAX_MEMORY_LIMIT_MB,
                "the memory limit of "
                        + "one run in MiB, from " + ReproduceSettings.MIN_MEMORY_LIMIT_MB + " to "
                        + ReproduceSettings.MAX_MEMORY_LIMIT_MB + " (1 TiB; 0 or unset: no limit)");
        Integer testCount = s.module() == null ? null : s.module().testCount();
        if (testCount != null) {
            if (testCount < 1) {
                throw new UserError("m1go.testCount is " + testCount + ": give how many times each test runs "
                        + "(-test.count), at least 1");
            }
            atMost(
                    "m1go.testCount",
                    testCount,
                    ReproduceSettings.MAX_TEST_COUNT,
                    "how many times each test runs " + "(-test.count), from 1 to " + ReproduceSettings.MAX_TEST_COUNT);
        }
        if (s.module() != null) {
            runOptions(s.module().run());
        }
    }

    /** The numbers of module mode's run options, each within its bounds. */
    private static void runOptions(dev.m1go.cases.RunOptions run) throws UserError {
        if (run.testParallel() != null && run.testParallel() < 1) {
            throw new UserError("m1go.testParallel is " + run.testParallel() + ": give how many parallel tests run at "
                    + "once (-test.parallel), at least 1");
        }
        if (run.testCpu() != null && !run.testCpu().matches("[1-9][0-9]{0,5}(\\s*,\\s*[1-9][0-9]{0,5})*")) {
            throw new UserError("m1go.testCpu is '" + run.testCpu() + "': give GOMAXPROCS values, comma separated "
                    + "(-test.cpu), for example m1go.testCpu=1,2,4");
        }
        if (run.testTimeoutSeconds() < 1) {
            throw new UserError("m1go.testTimeoutSeconds is " + run.testTimeoutSeconds() + ": give the time limit of "
                    + "one test-binary run in seconds, at least 1");
        }
        atMost(
                "m1go.testTimeoutSeconds",
                run.testTimeoutSeconds(),
                ReproduceSettings.MAX_TIMEOUT_SECONDS,
                "the time "
                        + "limit of one test-binary run in seconds, from 1 to " + ReproduceSettings.MAX_TIMEOUT_SECONDS
                        + " (a day)");
    }

    private static void atMost(String property, long value, long max, String give) throws UserError {
        if (value > max) {
            throw new UserError(property + " is " + value + ", over the limit of " + max + ": give " + give);
        }
    }

    static void check(ReproduceSettings s) throws UserError {
        if (s.casesDirectory() != null) {
            Path cases = s.casesDirectory();
            if (!Files.exists(cases)) {
                throw new UserError("m1go.casesDirectory: " + cases + " does not exist; give a directory holding one "
                        + "subdirectory per case");
            }
            if (!Files.isDirectory(cases)) {
                throw new UserError("m1go.casesDirectory: " + cases + " is a file, not a directory; give a directory "
                        + "holding one subdirectory per case");
            }
            Path out = real(s.outputDirectory());
            Path in = real(cases);
            if (out.startsWith(in) || in.startsWith(out)) {
                throw new UserError("m1go.outputDirectory (" + s.outputDirectory() + ") and m1go.casesDirectory ("
                        + cases + ") overlap: m1go rewrites its output directory and would rewrite your cases; give "
                        + "an m1go.outputDirectory outside " + cases + " (the default is target/m1go)");
            }
        }
        if (s.module() != null && s.module().module() != null) {
            Path module = s.module().module();
            if (real(module).startsWith(real(s.outputDirectory()))) {
                throw new UserError("m1go.module (" + module + ") lies inside m1go.outputDirectory ("
                        + s.outputDirectory() + "): m1go rewrites its output directory, and would empty the module "
                        + "before copying it; give an m1go.outputDirectory outside " + module + " (the default is "
                        + "target/m1go)");
            }
        }
        writableDirectory("m1go.outputDirectory", s.outputDirectory());
        writableDirectory("m1go.cacheDirectory", s.cacheDirectory());
    }

    /** Exists or can be made, is a directory, and takes a new file. */
    private static void writableDirectory(String property, Path dir) throws UserError {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError(property + ": " + dir + " is a file, not a directory; give a directory (m1go creates "
                    + "it when it does not exist)");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError(property + ": cannot create the directory " + dir + " (" + e + "); give a directory "
                    + "m1go may write");
        }
        Path probe = dir.resolve(".m1go-write-probe-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(probe);
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            throw new UserError(property + ": " + dir + " is not writable ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); give a directory m1go may write");
        }
    }

    /** The real path of the longest existing prefix, with the rest appended: links resolved where they exist. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }
}
