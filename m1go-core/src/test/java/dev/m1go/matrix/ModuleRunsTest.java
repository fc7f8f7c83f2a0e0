package dev.m1go.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.cases.Expectation;
import dev.m1go.cases.ModuleUnit;
import dev.m1go.cases.ReproCase;
import dev.m1go.cases.RunOptions;
import dev.m1go.classify.GoCrashClassifier;
import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.host.BinfmtEntry;
import dev.m1go.host.Emulator;
import dev.m1go.host.Host;
import dev.m1go.host.Os;
import dev.m1go.runner.Runners;
import dev.m1go.toolchain.CCompilers;
import dev.m1go.toolchain.Toolchain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Module mode's runs through the engine with a fake process runner: the time limit of a test binary per runner, the
 * translated test binaries one at a time, the run environment on runs only, {@code -test.skip} and old toolchains,
 * the benchmark results. A run prints what the real test binary of {@code src/test/resources/dev/m1go/matrix/
 * gotest-flags} printed natively or under qemu (see its README.md).
 */
@Timeout(60)
class ModuleRunsTest {

    @TempDir
    Path dir;

    private final List<ProcessSpec> started = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger translatedNow = new AtomicInteger();
    private final AtomicInteger runningNow = new AtomicInteger();
    private final AtomicInteger mostTranslated = new AtomicInteger();
    private final AtomicInteger nativeBesideTranslated = new AtomicInteger();
    private long translatedMillis;

    @BeforeEach
    void fakeTools() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("gcc", "ar", "aarch64-linux-gnu-gcc", "aarch64-linux-gnu-ar")) {
            Path t = Files.writeString(bin.resolve(tool), "#!/bin/sh\n");
            Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.createDirectories(dir.resolve("module/a"));
        Files.createDirectories(dir.resolve("module/b"));
    }

    static String fixture(String run, String file) {
        try (InputStream in =
                ModuleRunsTest.class.getResourceAsStream("/dev/m1go/matrix/gotest-flags/" + run + "/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plays gcc, go test -c, go tool test2json and the test binaries (native, or translated when under qemu/binfmt). */
    private ProcessResult fake(ProcessSpec s) {
        started.add(s);
        List<String> argv = s.argv();
        try {
            if (argv.contains("--version")) {
                return new ProcessResult(0, null, false, "gcc (Debian 12.2.0-14) 12.2.0\n", "", 1);
            }
            if (argv.get(0).endsWith("/bin/go")) {
                if (argv.contains("-o")) {
                    Files.writeString(Path.of(argv.get(argv.indexOf("-o") + 1)), "binary");
                }
                return new ProcessResult(0, null, false, "", "", 1);
            }
            if (argv.get(0).contains("gcc") || argv.get(0).endsWith("ar")) {
                return new ProcessResult(0, null, false, "", "", 1);
            }
            String log = s.stdoutLog().toString();
            boolean translated = log.contains("/qemu-") || log.contains("/binfmt-");
            int now = runningNow.incrementAndGet();
            int translatedRunning = translated ? translatedNow.incrementAndGet() : translatedNow.get();
            mostTranslated.accumulateAndGet(translatedRunning, Math::max);
            if (now > 1 && translatedRunning > 0 && (!translated || translatedRunning < now)) {
                nativeBesideTranslated.incrementAndGet();
            }
            try {
                Thread.sleep(translated ? translatedMillis : 50);
            } finally {
                runningNow.decrementAndGet();
                if (translated) {
                    translatedNow.decrementAndGet();
                }
            }
            String stdout = fixture(translated ? "qemu" : "native", "run-1.stdout");
            Files.writeString(s.stdoutLog(), stdout);
            return new ProcessResult(0, null, false, stdout, "", 30);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Host host() {
        return new Host(
                Os.LINUX,
                Arch.AMD64,
                "x86_64",
                "amd64",
                "6.1",
                null,
                List.of(new Emulator("qemu-aarch64", Arch.ARM64, Path.of("/usr/bin/qemu-aarch64"), "7.2")),
                List.of(new BinfmtEntry("qemu-aarch64", true, "/x", "PF", Arch.ARM64)),
                Map.of(Arch.ARM64, Path.of("/usr/aarch64-linux-gnu")),
                new TreeMap<>());
    }

    private ReproCase testBinary(String pkg, RunOptions run) {
        ModuleUnit unit = new ModuleUnit(
                dir.resolve("module"),
                "example.com/flags",
                "./" + pkg,
                true,
                List.of(),
                List.of(),
                null,
                null,
                null,
                Map.of(),
                List.of(),
                run);
        return ReproCase.ofModule(
                pkg + ".test", unit, new Expectation(new Expectation.Expected(Outcome.PASS, null, null), List.of()));
    }

    private List<CellResult> run(List<ReproCase> cases, String go) throws Exception {
        Map<String, String> env = Map.of("PATH", dir.resolve("bin").toString(), "HOME", dir.toString());
        Host host = host();
        Runners all = new Runners(host, this::fake, List.of());
        MatrixRequest request = MatrixRequest.builder()
                .outputDirectory(dir.resolve("out"))
                .cacheDirectory(dir.resolve("cache"))
                .runTimeout(Duration.ofSeconds(5))
                .buildTimeout(Duration.ofSeconds(5))
                .quitGrace(Duration.ofSeconds(1))
                .home(dir)
                .cases(cases)
                .toolchains(List.of(new Toolchain(go, dir.resolve("go"), Arch.AMD64, "test", Map.of(), null)))
                .targets(List.of(new Platform(Os.LINUX, Arch.AMD64), new Platform(Os.LINUX, Arch.ARM64)))
                .runners(all.select(List.of("native", "qemu", "binfmt")))
                .threads(2)
                .environment(env)
                .build();
        MatrixEngine engine = new MatrixEngine(
                host,
                this::fake,
                new GoCrashClassifier(),
                new CCompilers(Os.LINUX, Arch.AMD64, env, this::fake, dir.resolve("logs")),
                all);
        return engine.run(request, engine.plan(request), (r, done, total) -> {});
    }

    private static RunOptions options(boolean oneAtATime, Map<String, String> runEnv, String testSkip) {
        return new RunOptions(true, testSkip, 2, "1,2", ".", "20000x", runEnv, 120, oneAtATime);
    }

    private List<ProcessSpec> binaryRuns() {
        return started.stream()
                .filter(s -> s.stdoutLog() != null
                        && s.stdoutLog().getFileName().toString().equals("run-1.stdout"))
                .toList();
    }

    @Test
    void translatedTestBinaries_runOneAtATime_whileNativeOnesUseTheOtherWorker() throws Exception {
        translatedMillis = 150;
        List<CellResult> cells = run(
                List.of(testBinary("a", options(true, Map.of(), null)), testBinary("b", options(true, Map.of(), null))),
                "go1.26.8");
        assertThat(cells).hasSize(6).allSatisfy(c -> assertThat(c.verdict()).isEqualTo(Verdict.EXPECTED));
        assertThat(mostTranslated.get()).as("translated test binaries at once").isEqualTo(1);
        assertThat(nativeBesideTranslated.get())
                .as("a native run beside a translated one")
                .isPositive();
    }

    @Test
    void withoutOneAtATime_twoTranslatedTestBinariesRunSideBySide() throws Exception {
        translatedMillis = 300;
        run(
                List.of(
                        testBinary("a", options(false, Map.of(), null)),
                        testBinary("b", options(false, Map.of(), null))),
                "go1.26.8");
        assertThat(mostTranslated.get()).isEqualTo(2);
    }

    @Test
    void aTestBinarysTimeLimit_isTestTimeoutSeconds_threeTimesAsLongTranslated_andItsFlagsFollowTestV()
            throws Exception {
        run(List.of(testBinary("a", options(true, Map.of(), "TestSkipMe"))), "go1.26.8");
        List<ProcessSpec> runs = binaryRuns();
        assertThat(runs).hasSize(3);
        for (ProcessSpec s : runs) {
            boolean translated = !s.stdoutLog().toString().contains("/native-");
            assertThat(s.timeout()).as(s.stdoutLog().toString()).isEqualTo(Duration.ofSeconds(translated ? 360 : 120));
            assertThat(String.join(" ", s.argv()))
                    .endsWith("-test.v -test.short -test.skip=TestSkipMe "
                            + "-test.parallel=2 -test.cpu=1,2 -test.bench=. -test.benchtime=20000x");
        }
    }

    @Test
    void theRunEnvironment_reachesEveryRun_neverABuild_andTheCellNamesItsVariablesOnly() throws Exception {
        List<CellResult> cells = run(
                List.of(testBinary("a", options(true, Map.of("M1GO_FIXTURE_ENV", "set", "API_TOKEN", "s3cret"), null))),
                "go1.26.8");
        assertThat(binaryRuns())
                .hasSize(3)
                .allSatisfy(s -> assertThat(s.environment())
                        .containsEntry("M1GO_FIXTURE_ENV", "set")
                        .containsEntry("API_TOKEN", "s3cret"));
        assertThat(started.stream().filter(s -> s.argv().get(0).endsWith("/bin/go")))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.environment()).doesNotContainKey("API_TOKEN"));
        assertThat(cells).allSatisfy(c -> assertThat(c.runEnv()).containsExactly("API_TOKEN", "M1GO_FIXTURE_ENV"));
    }

    @Test
    void testSkip_onAToolchainBeforeGo120_skipsItsTestCells_sayingWhy() throws Exception {
        List<CellResult> cells = run(List.of(testBinary("a", options(true, Map.of(), "TestSkipMe"))), "go1.19.8");
        assertThat(cells).hasSize(3).allSatisfy(c -> {
            assertThat(c.verdict()).isEqualTo(Verdict.SKIPPED);
            assertThat(c.reason()).contains("m1go.testSkip").contains("Go 1.20").contains("go1.19.8");
        });
        assertThat(binaryRuns()).isEmpty();
        assertThat(fixture("go119", "run-1.stderr"))
                .as("what such a binary does")
                .startsWith("flag provided but not defined: -test.skip");
    }

    @Test
    void benchmarks_areReadFromTheRunsOutput_perCell() throws Exception {
        List<CellResult> cells = run(List.of(testBinary("a", options(true, Map.of(), null))), "go1.26.8");
        CellResult nativeCell = cells.stream()
                .filter(c -> c.key().runner().equals("native"))
                .findFirst()
                .orElseThrow();
        assertThat(nativeCell.benchmarks())
                .extracting(BenchmarkResult::name)
                .containsExactly("BenchmarkSum", "BenchmarkSum-2", "BenchmarkSumSmall", "BenchmarkSumSmall-2");
        assertThat(nativeCell.benchmarks().get(0).iterations()).isEqualTo(20_000);
        CellResult qemu = cells.stream()
                .filter(c -> c.key().runner().equals("qemu"))
                .findFirst()
                .orElseThrow();
        assertThat(qemu.benchmarks().get(0).nsPerOp()).isEqualTo(3058.0);
    }
}
