package dev.m1go.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.m1go.core.Log;
import dev.m1go.core.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directory parameters and the run lock, checked before anything runs, with messages that say what to change. */
class PreflightTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();
    private final Log log = new Log() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    };

    private ReproduceSettings settings(Path out, Path cache, Path cases, int threads) {
        return ReproduceSettings.builder(out, cache, Map.of(), dir)
                .casesDirectory(cases)
                .threads(threads)
                .build();
    }

    @Test
    void aModuleInsideTheOutputDirectory_isRefusedUpFront_namingBoth() throws Exception {
        // Before: the output directory was rewritten first, the module inside it emptied, and the run stopped with
        // an I/O error naming …/module/src/go.mod.
        Path out = dir.resolve("out");
        Path module = Files.createDirectories(out.resolve("mymod"));
        Files.writeString(module.resolve("go.mod"), "module example.com/m\n");
        ReproduceSettings s = settings(out, dir.resolve("cache"), null, 1)
                .withModule(new dev.m1go.module.ModuleProject.Settings(
                        module, List.of("."), List.of(), List.of(), List.of(), null, null, null, Map.of()));
        assertThatThrownBy(() -> Preflight.check(s))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("m1go.module (" + module + ") lies inside m1go.outputDirectory (" + out + ")");
        assertThat(module.resolve("go.mod")).exists();
    }

    @Test
    void theOutputDirectoryInsideTheModule_isAccepted_aPomBesideGoModKeepsItsDefault() throws Exception {
        Path module = Files.createDirectories(dir.resolve("mymod"));
        Files.writeString(module.resolve("go.mod"), "module example.com/m\n");
        ReproduceSettings s = settings(module.resolve("target/m1go"), dir.resolve("cache"), null, 1)
                .withModule(new dev.m1go.module.ModuleProject.Settings(
                        module, List.of("."), List.of(), List.of(), List.of(), null, null, null, Map.of()));
        assertThatCode(() -> Preflight.check(s)).doesNotThrowAnyException();
    }

    @Test
    void outputDirectory_thatIsAFile_saysSo() throws Exception {
        Path file = Files.writeString(dir.resolve("out"), "x");
        assertThatThrownBy(() -> Preflight.check(settings(file, dir.resolve("cache"), null, 1)))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("m1go.outputDirectory: " + file + " is a file, not a directory");
    }

    @Test
    void casesDirectory_thatIsAFile_saysSo() throws Exception {
        Path file = Files.writeString(dir.resolve("cases"), "x");
        assertThatThrownBy(() -> Preflight.check(settings(dir.resolve("out"), dir.resolve("cache"), file, 1)))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("m1go.casesDirectory: " + file + " is a file, not a directory");
    }

    @Test
    void outputInsideCases_orEqual_orAround_isRefused() throws Exception {
        Path cases = Files.createDirectories(dir.resolve("cases"));
        for (Path out : List.of(cases, cases.resolve("target/m1go"), dir)) {
            assertThatThrownBy(() -> Preflight.check(settings(out, dir.resolve("cache"), cases, 1)))
                    .isInstanceOf(UserError.class)
                    .hasMessageStartingWith(
                            "m1go.outputDirectory (" + out + ") and m1go.casesDirectory (" + cases + ") overlap");
        }
        assertThat(cases.resolve("target"))
                .as("nothing is created before the check")
                .doesNotExist();
        Preflight.check(settings(dir.resolve("target/m1go"), dir.resolve("cache"), cases, 1));
    }

    @Test
    void readOnlyCache_isRefusedUpFront() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        assumeTrue(cache.toFile().setWritable(false, false));
        try {
            assumeTrue(
                    !Files.isWritable(cache) || !"root".equals(System.getProperty("user.name")),
                    "root writes into a 0555 directory");
            assertThatThrownBy(() -> Preflight.check(settings(dir.resolve("out"), cache, null, 1)))
                    .isInstanceOf(UserError.class)
                    .hasMessageStartingWith("m1go.cacheDirectory: " + cache + " is not writable");
        } finally {
            cache.toFile().setWritable(true, false);
        }
    }

    @Test
    void readOnlyCache_onAReadOnlyFileSystem_isRefusedUpFront() {
        Path cache = Path.of("/proc/self");
        assumeTrue(Files.isDirectory(cache));
        assertThatThrownBy(() -> Preflight.check(settings(dir.resolve("out"), cache, null, 1)))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("m1go.cacheDirectory: " + cache + " is not writable");
    }

    private ReproduceSettings numbers(
            int timeout,
            int buildTimeout,
            int threads,
            int reruns,
            long cacheMaxBytes,
            ReproduceSettings.StressSettings stress,
            Integer testCount) {
        return ReproduceSettings.builder(dir.resolve("out"), dir.resolve("cache"), Map.of(), dir)
                .timeoutSeconds(timeout)
                .buildTimeoutSeconds(buildTimeout)
                .threads(threads)
                .reruns(reruns)
                .cacheMaxBytes(cacheMaxBytes)
                .stress(stress)
                .module(
                        testCount == null
                                ? null
                                : new dev.m1go.module.ModuleProject.Settings(
                                        dir.resolve("repo"),
                                        List.of(),
                                        List.of("./..."),
                                        null,
                                        null,
                                        null,
                                        testCount,
                                        null,
                                        null))
                .build();
    }

    @Test
    void everyCountParameter_overItsBound_isRefused_namingTheParameterAndTheBound() {
        ReproduceSettings.StressSettings none = ReproduceSettings.StressSettings.NONE;
        long tib = 1L << 40;
        Map<String, ReproduceSettings> over = new java.util.LinkedHashMap<>();
        over.put("m1go.timeoutSeconds is 86401, over the limit of 86400", numbers(86_401, 900, 1, 0, 0, none, null));
        over.put(
                "m1go.buildTimeoutSeconds is 86401, over the limit of 86400", numbers(60, 86_401, 1, 0, 0, none, null));
        over.put("m1go.threads is 100000, over the limit of 1024", numbers(60, 900, 100_000, 0, 0, none, null));
        over.put("m1go.reruns is 1001, over the limit of 1000", numbers(60, 900, 1, 1001, 0, none, null));
        over.put(
                "m1go.cacheMaxBytes is " + (tib + 1) + ", over the limit of " + tib,
                numbers(60, 900, 1, 0, tib + 1, none, null));
        over.put(
                "m1go.stress.runs is 1000001, over the limit of 1000000",
                numbers(60, 900, 1, 0, 0, new ReproduceSettings.StressSettings(1_000_001, 0, false, 0), null));
        over.put(
                "m1go.stress.seconds is 604801, over the limit of 604800",
                numbers(60, 900, 1, 0, 0, new ReproduceSettings.StressSettings(0, 604_801, false, 0), null));
        over.put(
                "m1go.stress.load is 1025, over the limit of 1024",
                numbers(60, 900, 1, 0, 0, new ReproduceSettings.StressSettings(10, 0, false, 1025), null));
        over.put("m1go.testCount is 100001, over the limit of 100000", numbers(60, 900, 1, 0, 0, none, 100_001));
        over.put("m1go.testCount is 0: give", numbers(60, 900, 1, 0, 0, none, 0));
        over.forEach((message, s) -> assertThatThrownBy(() -> Preflight.numbers(s))
                .as(message)
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith(message));
        assertThatCode(() -> Preflight.numbers(numbers(
                        86_400,
                        86_400,
                        1024,
                        1000,
                        tib,
                        new ReproduceSettings.StressSettings(1_000_000, 604_800, false, 1024),
                        100_000)))
                .as("every bound itself is allowed")
                .doesNotThrowAnyException();
    }

    private ReproduceSettings run(Integer parallel, String cpu, int timeoutSeconds) {
        return ReproduceSettings.builder(dir.resolve("out"), dir.resolve("cache"), Map.of(), dir)
                .module(new dev.m1go.module.ModuleProject.Settings(
                        dir.resolve("repo"),
                        List.of(),
                        List.of("./..."),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        new dev.m1go.cases.RunOptions(
                                false, null, parallel, cpu, null, null, Map.of(), timeoutSeconds, true)))
                .build();
    }

    @Test
    void theRunOptionsNumbers_outOfBounds_areRefused_namingTheParameter() {
        Map<String, ReproduceSettings> bad = new java.util.LinkedHashMap<>();
        bad.put("m1go.testParallel is 0: give", run(0, null, 300));
        bad.put("m1go.testCpu is '1,two': give", run(null, "1,two", 300));
        bad.put("m1go.testTimeoutSeconds is 0: give", run(null, null, 0));
        bad.put("m1go.testTimeoutSeconds is 86401, over the limit of 86400", run(null, null, 86_401));
        bad.forEach((message, s) -> assertThatThrownBy(() -> Preflight.numbers(s))
                .as(message)
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith(message));
        assertThatCode(() -> Preflight.numbers(run(1, "1, 2,4", 86_400))).doesNotThrowAnyException();
    }

    private ReproduceSettings memoryLimit(int mb) {
        return ReproduceSettings.builder(dir.resolve("out"), dir.resolve("cache"), Map.of(), dir)
                .memoryLimitMb(mb)
                .build();
    }

    @Test
    void memoryLimit_isZeroOrFrom16MiBTo1TiB_andARefusalNamesTheSetting() {
        assertThatThrownBy(() -> Preflight.numbers(memoryLimit(8)))
                .isInstanceOf(UserError.class)
                .hasMessage("m1go.memoryLimitMb is 8: give the memory limit of one run in MiB, at least 16 (0 or "
                        + "unset: no limit)");
        assertThatThrownBy(() -> Preflight.numbers(memoryLimit(-1)))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("m1go.memoryLimitMb is -1: give");
        assertThatThrownBy(() -> Preflight.numbers(memoryLimit((1 << 20) + 1)))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("m1go.memoryLimitMb is 1048577, over the limit of 1048576: give");
        for (int ok : new int[] {0, 16, 64, 1 << 20}) {
            assertThatCode(() -> Preflight.numbers(memoryLimit(ok)))
                    .as("%d MiB", ok)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void negativeThreads_isRefused() {
        Reproduce r = new Reproduce(null, null, h -> List.of(), java.time.Clock.systemUTC(), log);
        assertThatThrownBy(() -> r.lock(settings(dir.resolve("out"), dir.resolve("cache"), null, -3)))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("m1go.threads is -3: give how many cells run " + "at once, at least 1");
    }

    @Test
    void secondRun_inTheSameDirectory_isRefused_namingTheFirst() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        try (RunLock first = RunLock.acquire(out, "m1go.outputDirectory", Instant.parse("2026-01-01T00:00:00Z"), log)) {
            assertThat(out.resolve(RunLock.FILE))
                    .content()
                    .isEqualTo("pid " + ProcessHandle.current().pid() + ", started 2026-01-01T00:00:00Z\n");
            assertThatThrownBy(() -> RunLock.acquire(out, "m1go.outputDirectory", Instant.now(), log))
                    .isInstanceOf(UserError.class)
                    .hasMessageStartingWith("m1go.outputDirectory: " + out + " is in use by another m1go run (pid "
                            + ProcessHandle.current().pid() + ", started 2026-01-01T00:00:00Z; lock file ");
        }
        try (RunLock again = RunLock.acquire(out, "m1go.outputDirectory", Instant.now(), log)) {
            assertThat(warnings).isEmpty();
        }
    }

    @Test
    void staleLock_ofADeadRun_isTakenOver_withAWarning() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve(RunLock.FILE), "pid 999999, started 2026-01-01T00:00:00Z\n");
        try (RunLock lock = RunLock.acquire(out, "m1go.outputDirectory", Instant.now(), log)) {
            assertThat(warnings)
                    .containsExactly("m1go: took over " + out.resolve(RunLock.FILE)
                            + " from an m1go run that no longer runs (pid 999999, started 2026-01-01T00:00:00Z)");
        }
    }
}
