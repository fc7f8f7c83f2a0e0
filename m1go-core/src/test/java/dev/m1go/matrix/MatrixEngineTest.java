package dev.m1go.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.cases.CaseLoader;
import dev.m1go.cases.ReproCase;
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
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine with a fake process runner: planning, shared builds, verdicts, reruns. */
class MatrixEngineTest {

    @TempDir
    Path dir;

    private Path bin;
    private final List<ProcessSpec> started = Collections.synchronizedList(new ArrayList<>());
    private Function<ProcessSpec, ProcessResult> binaryBehaviour = s -> ok("M1GO_OK\n");
    private boolean failBuild;
    private int stallingBuilds;

    private static ProcessResult ok(String stdout) {
        return new ProcessResult(0, null, false, stdout, "", 5);
    }

    @BeforeEach
    void fakeTools() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("gcc", "ar", "aarch64-linux-gnu-gcc", "aarch64-linux-gnu-ar")) {
            Path t = Files.writeString(bin.resolve(tool), "#!/bin/sh\n");
            Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Plays gcc, ar and go build (writing the binary) and the built binaries themselves. */
    private ProcessResult fake(ProcessSpec s) {
        started.add(s);
        List<String> argv = s.argv();
        if (argv.contains("--version")) {
            return ok("gcc (Debian 12.2.0-14) 12.2.0\n");
        }
        if (argv.get(0).endsWith("/bin/go")) {
            if (stallingBuilds > 0) {
                stallingBuilds--;
                return new ProcessResult(null, null, true, "", "", 5);
            }
            if (failBuild) {
                return new ProcessResult(
                        1,
                        null,
                        false,
                        "",
                        "/usr/bin/ld: libhello.a(hello.o): Relocations in generic "
                                + "ELF (EM: 183)\n/usr/bin/ld: libhello.a: error adding symbols: file in wrong format\n"
                                + "collect2: error: ld returned 1 exit status\n",
                        5);
            }
            try {
                Files.writeString(Path.of(argv.get(argv.indexOf("-o") + 1)), "binary");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return ok("");
        }
        if (argv.get(0).contains("gcc") || argv.get(0).endsWith("ar")) {
            return ok("");
        }
        return binaryBehaviour.apply(s);
    }

    private Host host(boolean qemu) {
        List<Emulator> emulators = qemu
                ? List.of(new Emulator("qemu-aarch64", Arch.ARM64, Path.of("/usr/bin/qemu-aarch64"), "7.2"))
                : List.of();
        return new Host(
                Os.LINUX,
                Arch.AMD64,
                "x86_64",
                "amd64",
                "6.1",
                null,
                emulators,
                List.of(new BinfmtEntry("qemu-aarch64", true, "/x", "PF", Arch.ARM64)),
                Map.of(Arch.ARM64, Path.of("/usr/aarch64-linux-gnu")),
                new TreeMap<>());
    }

    private record Setup(MatrixEngine engine, MatrixRequest request) {}

    private Setup setup(Host host, List<String> caseIds, List<String> runners, int reruns) throws Exception {
        return setupCases(host, new CaseLoader().load(null, caseIds), runners, reruns);
    }

    private Setup setupCases(Host host, List<ReproCase> cases, List<String> runners, int reruns) throws Exception {
        Map<String, String> env = Map.of("PATH", bin.toString(), "HOME", dir.toString());
        Runners all = new Runners(host, this::fake, List.of());
        CCompilers compilers = new CCompilers(Os.LINUX, Arch.AMD64, env, this::fake, dir.resolve("logs"));
        Toolchain go122 = new Toolchain("go1.22.12", dir.resolve("go"), Arch.AMD64, "test", Map.of(), null);
        MatrixRequest request = fiveSeconds()
                .cases(cases)
                .toolchains(List.of(go122))
                .targets(List.of(new Platform(Os.LINUX, Arch.AMD64), new Platform(Os.LINUX, Arch.ARM64)))
                .runners(all.select(runners))
                .threads(2)
                .environment(env)
                .reruns(reruns)
                .build();
        return new Setup(new MatrixEngine(host, this::fake, new GoCrashClassifier(), compilers, all), request);
    }

    /** Below {@code dir}, five seconds to build and to run, a second to quit, the rest up to the caller. */
    private MatrixRequest.Builder fiveSeconds() {
        return MatrixRequest.builder()
                .outputDirectory(dir.resolve("out"))
                .cacheDirectory(dir.resolve("cache"))
                .runTimeout(Duration.ofSeconds(5))
                .buildTimeout(Duration.ofSeconds(5))
                .quitGrace(Duration.ofSeconds(1))
                .home(dir);
    }

    private List<CellResult> run(Setup s) throws Exception {
        List<CellResult> heard = Collections.synchronizedList(new ArrayList<>());
        List<CellResult> results =
                s.engine().run(s.request(), s.engine().plan(s.request()), (r, done, total) -> heard.add(r));
        assertThat(heard).hasSameSizeAs(results);
        return results;
    }

    @Test
    void plan_hasNativeForTheHostArch_andTranslatorsForTheOther() throws Exception {
        Setup s = setup(host(true), List.of("cgo-hello"), List.of(), 0);
        List<String> cells = s.engine().plan(s.request()).stream()
                .map(p -> p.target() + " " + p.runner().name())
                .toList();
        assertThat(cells).containsExactly("linux/amd64 native", "linux/arm64 qemu", "linux/arm64 binfmt");
    }

    @Test
    void missingEmulator_skipsItsCells_withTheInstallCommand() throws Exception {
        List<CellResult> r = run(setup(host(false), List.of("cgo-hello"), List.of(), 0));
        CellResult qemu = r.stream()
                .filter(c -> c.key().runner().equals("qemu"))
                .findFirst()
                .orElseThrow();
        assertThat(qemu.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(qemu.verdict()).isEqualTo(Verdict.SKIPPED);
        assertThat(qemu.reason()).contains("apt-get install qemu-user");
        assertThat(r.stream().filter(c -> !c.key().runner().equals("qemu")))
                .allSatisfy(c -> assertThat(c.outcome()).isEqualTo(Outcome.PASS));
    }

    @Test
    void oneBuild_servesEveryRunnerOfItsTarget() throws Exception {
        List<CellResult> r = run(setup(host(true), List.of("cgo-hello"), List.of(), 0));
        assertThat(r).hasSize(3);
        long goBuilds = started.stream().filter(s -> s.argv().contains("build")).count();
        assertThat(goBuilds).isEqualTo(2);
        ProcessSpec arm64Build = started.stream()
                .filter(s -> s.argv().contains("build")
                        && "arm64".equals(s.environment().get("GOARCH")))
                .findFirst()
                .orElseThrow();
        assertThat(arm64Build.environment())
                .containsEntry("CC", "aarch64-linux-gnu-gcc")
                .containsEntry("GOTOOLCHAIN", "local")
                .containsEntry("CGO_ENABLED", "1")
                .containsEntry("GOFLAGS", "");
    }

    @Test
    void qemuCell_runsTheBinaryBehindTheEmulator() throws Exception {
        run(setup(host(true), List.of("cgo-hello"), List.of("qemu"), 0));
        ProcessSpec run = started.stream()
                .filter(s -> s.argv().get(0).equals("/usr/bin/qemu-aarch64"))
                .findFirst()
                .orElseThrow();
        assertThat(run.argv().subList(0, 3)).containsExactly("/usr/bin/qemu-aarch64", "-L", "/usr/aarch64-linux-gnu");
        assertThat(run.argv().get(3)).endsWith("/cgo-hello");
    }

    @Test
    void buildFailure_isTheOutcomeOfEveryRunnerOfThatTarget_andNothingRuns() throws Exception {
        failBuild = true;
        List<CellResult> r = run(setup(host(true), List.of("static-lib-wrong-arch"), List.of(), 0));
        assertThat(r).allSatisfy(c -> {
            assertThat(c.outcome()).isEqualTo(Outcome.LINK_ARCH_MISMATCH);
            assertThat(c.verdict()).isEqualTo(Verdict.EXPECTED);
            assertThat(c.runs()).isEmpty();
            assertThat(c.build().outcome()).isEqualTo(Outcome.LINK_ARCH_MISMATCH);
        });
    }

    @Test
    void outcomeOtherThanExpected_isUnexpected() throws Exception {
        binaryBehaviour = s -> ok("no marker here\n");
        List<CellResult> r = run(setup(host(true), List.of("cgo-hello"), List.of("native"), 0));
        assertThat(r.get(0).verdict()).isEqualTo(Verdict.UNEXPECTED);
        assertThat(r.get(0).expected()).isEqualTo("PASS");
    }

    @Test
    void reruns_ofAFailingCellThatSometimesPasses_makeItFlaky_withTheRate() throws Exception {
        AtomicInteger n = new AtomicInteger();
        binaryBehaviour = s -> n.incrementAndGet() % 2 == 1
                ? new ProcessResult(
                        2,
                        null,
                        false,
                        "",
                        "SIGABRT: abort\nPC=0x1 m=0 sigcode=0\n"
                                + "signal arrived during cgo execution\n\ngoroutine 1 [syscall]:\nruntime.cgocall(0x1, 0x2)\n",
                        5)
                : ok("M1GO_OK\n");
        List<CellResult> r = run(setup(host(true), List.of("cgo-hello"), List.of("native"), 3));
        CellResult c = r.get(0);
        assertThat(c.runs()).hasSize(4);
        assertThat(c.verdict()).isEqualTo(Verdict.FLAKY);
        assertThat(c.failureRate()).hasToString("2/4");
        assertThat(c.outcome()).isEqualTo(Outcome.CGO_SIGNAL);
    }

    private Setup stressed(Stress stress) throws Exception {
        Setup s = setup(host(true), List.of("cgo-hello"), List.of("native"), 0);
        MatrixRequest q = s.request();
        return new Setup(
                s.engine(),
                MatrixRequest.builder()
                        .outputDirectory(q.outputDirectory())
                        .cacheDirectory(q.cacheDirectory())
                        .cases(q.cases())
                        .toolchains(q.toolchains())
                        .targets(List.of(new Platform(Os.LINUX, Arch.AMD64)))
                        .runners(q.runners())
                        .runTimeout(q.runTimeout())
                        .buildTimeout(q.buildTimeout())
                        .quitGrace(q.quitGrace())
                        .threads(1)
                        .environment(q.environment())
                        .home(q.home())
                        .stress(stress)
                        .build());
    }

    private static final String ABORT = "SIGABRT: abort\nPC=0x1 m=0 sigcode=0\nsignal arrived during cgo execution\n\n"
            + "goroutine 1 [syscall]:\nruntime.cgocall(0x1, 0x2)\n";

    @Test
    void stressRuns_countEveryOutcome_keepFirstAndFailingRuns_andGiveAWilsonInterval() throws Exception {
        AtomicInteger n = new AtomicInteger();
        binaryBehaviour = s -> {
            try {
                Files.writeString(s.stdoutLog(), "log");
                Files.writeString(s.stderrLog(), "log");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return n.incrementAndGet() % 10 == 0 ? new ProcessResult(2, null, false, "", ABORT, 5) : ok("M1GO_OK\n");
        };
        CellResult c = run(stressed(new Stress(50, Duration.ZERO, false))).get(0);
        assertThat(c.outcomeCounts())
                .containsEntry("PASS", 45)
                .containsEntry("CGO_SIGNAL SIGABRT", 5)
                .hasSize(2);
        assertThat(c.runCount()).isEqualTo(50);
        assertThat(c.runs()).hasSize(6); // the first and the five failing ones
        assertThat(c.failureRate()).hasToString("5/50");
        assertThat(c.failureRate().low()).isCloseTo(0.0435, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(c.failureRate().high()).isCloseTo(0.2136, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(c.verdict()).isEqualTo(Verdict.FLAKY);
        assertThat(java.nio.file.Files.exists(
                        dir.resolve("out").resolve(c.runs().get(0).stdoutLog())))
                .isTrue();
        assertThat(java.nio.file.Files.exists(
                        dir.resolve("out").resolve(c.runs().get(1).stdoutLog())))
                .isTrue();
        assertThat(java.nio.file.Files.exists(
                        dir.resolve("out").resolve(c.runs().get(0).stdoutLog().replace("run-1.", "run-2."))))
                .isFalse();
    }

    @Test
    void stressStopOnFailure_endsTheCellAtItsFirstFailingRun() throws Exception {
        AtomicInteger n = new AtomicInteger();
        binaryBehaviour =
                s -> n.incrementAndGet() == 4 ? new ProcessResult(2, null, false, "", ABORT, 5) : ok("M1GO_OK\n");
        CellResult c = run(stressed(new Stress(100, Duration.ZERO, true))).get(0);
        assertThat(c.runCount()).isEqualTo(4);
        assertThat(c.outcomeCounts()).containsEntry("PASS", 3).containsEntry("CGO_SIGNAL SIGABRT", 1);
    }

    @Test
    void stressSeconds_runsUntilTheTimeIsUp() throws Exception {
        binaryBehaviour = s -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ok("M1GO_OK\n");
        };
        long t0 = System.nanoTime();
        CellResult c =
                run(stressed(new Stress(0, Duration.ofMillis(300), false))).get(0);
        assertThat(c.runCount()).isGreaterThan(3);
        assertThat(c.failureRate().k()).isZero();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void reruns_leavePassingCellsAlone_unlessAllAreAskedFor() throws Exception {
        List<CellResult> r = run(setup(host(true), List.of("cgo-hello"), List.of("native"), 3));
        assertThat(r.get(0).runs()).hasSize(1);
        assertThat(r.get(0).failureRate()).isNull();
    }

    @Test
    void staticBuild_asksTheExternalLinkerForStatic_withoutForcingExternalLinking() throws Exception {
        dev.m1go.runner.Runner staticRunner = new dev.m1go.runner.Runner() {
            public String name() {
                return "container";
            }

            public boolean appliesTo(Os os, Arch arch) {
                return arch == Arch.AMD64;
            }

            public Availability availability(Os os, Arch arch) {
                return Availability.yes();
            }

            public boolean translates(Arch arch) {
                return false;
            }

            @Override
            public boolean needsStaticBinary() {
                return true;
            }

            public ProcessResult run(ProcessSpec spec, Arch arch) {
                return ok("M1GO_OK\n");
            }
        };
        Map<String, String> env = Map.of("PATH", bin.toString(), "HOME", dir.toString());
        Host host = host(true);
        Runners all = new Runners(host, this::fake, List.of(staticRunner));
        CCompilers compilers = new CCompilers(Os.LINUX, Arch.AMD64, env, this::fake, dir.resolve("logs"));
        Toolchain go = new Toolchain("go1.19.8", dir.resolve("go"), Arch.AMD64, "test", Map.of(), null);
        MatrixRequest request = fiveSeconds()
                .cases(new CaseLoader().load(null, List.of("cgo-hello")))
                .toolchains(List.of(go))
                .targets(List.of(new Platform(Os.LINUX, Arch.AMD64)))
                .runners(all.select(List.of("container")))
                .threads(1)
                .environment(env)
                .build();
        MatrixEngine engine = new MatrixEngine(host, this::fake, new GoCrashClassifier(), compilers, all);
        List<CellResult> r = engine.run(request, engine.plan(request), (c, done, total) -> {});
        assertThat(r.get(0).outcome()).isEqualTo(Outcome.PASS);
        List<String> build = started.stream()
                .filter(s -> s.argv().contains("build"))
                .findFirst()
                .orElseThrow()
                .argv();
        assertThat(build)
                .containsSubsequence("-tags", "osusergo,netgo", "-ldflags", "-extldflags=-static")
                .noneMatch(a -> a.contains("linkmode"));
        assertThat(r.get(0).build().staticLink())
                .as("the fake binary has no ELF header: not known to be static")
                .isFalse();
    }

    @Test
    void aRunnerThatCannotRunACell_skipsThatCellWithItsReason_andTheMatrixGoesOn() throws Exception {
        dev.m1go.runner.Runner broken = new dev.m1go.runner.Runner() {
            public String name() {
                return "container";
            }

            public boolean appliesTo(Os os, Arch arch) {
                return true;
            }

            public Availability availability(Os os, Arch arch) {
                return Availability.yes();
            }

            public boolean translates(Arch arch) {
                return false;
            }

            public ProcessResult run(ProcessSpec spec, Arch arch) throws IOException {
                throw new dev.m1go.runner.Runner.CannotRun("the engine refused the image", null);
            }
        };
        Map<String, String> env = Map.of("PATH", bin.toString(), "HOME", dir.toString());
        Host host = host(true);
        Runners all = new Runners(host, this::fake, List.of(broken));
        CCompilers compilers = new CCompilers(Os.LINUX, Arch.AMD64, env, this::fake, dir.resolve("logs"));
        Toolchain go = new Toolchain("go1.22.12", dir.resolve("go"), Arch.AMD64, "test", Map.of(), null);
        MatrixRequest request = fiveSeconds()
                .cases(new CaseLoader().load(null, List.of("cgo-hello")))
                .toolchains(List.of(go))
                .targets(List.of(new Platform(Os.LINUX, Arch.AMD64)))
                .runners(all.select(List.of("native", "container")))
                .threads(1)
                .environment(env)
                .build();
        MatrixEngine engine = new MatrixEngine(host, this::fake, new GoCrashClassifier(), compilers, all);
        List<CellResult> r = engine.run(request, engine.plan(request), (c, done, total) -> {});
        assertThat(r)
                .extracting(c -> c.key().runner(), CellResult::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("native", Outcome.PASS),
                        org.assertj.core.groups.Tuple.tuple("container", Outcome.SKIPPED));
        assertThat(r.get(1).reason()).isEqualTo("not run: the engine refused the image");
    }

    @Test
    void translatedToolchainThatStalls_isBuiltOnceMore_andTheRetryIsRecorded() throws Exception {
        stallingBuilds = 1;
        Map<String, String> env = Map.of("PATH", bin.toString(), "HOME", dir.toString());
        Host host = host(true);
        Runners all = new Runners(host, this::fake, List.of());
        CCompilers compilers = new CCompilers(Os.LINUX, Arch.AMD64, env, this::fake, dir.resolve("logs"));
        Toolchain arm64Go = new Toolchain("go1.19.8", dir.resolve("go-arm64"), Arch.ARM64, "test", Map.of(), null);
        MatrixRequest request = fiveSeconds()
                .cases(new CaseLoader().load(null, List.of("cgo-hello")))
                .toolchains(List.of(arm64Go))
                .targets(List.of(new Platform(Os.LINUX, Arch.ARM64)))
                .runners(all.select(List.of("binfmt")))
                .threads(1)
                .environment(env)
                .build();
        MatrixEngine engine = new MatrixEngine(host, this::fake, new GoCrashClassifier(), compilers, all);
        CellResult c = engine.run(request, engine.plan(request), (r, done, total) -> {})
                .get(0);
        assertThat(c.outcome()).isEqualTo(Outcome.PASS);
        assertThat(c.build().translated()).isTrue();
        assertThat(c.build().retried())
                .startsWith("go build under binfmt stalled for 5 s and was run again")
                .contains("go-build.stderr");
        assertThat(c.build().stderrLog()).endsWith("go-build-2.stderr");
        assertThat(started.stream().filter(s -> s.argv().contains("build"))).hasSize(2);
    }

    @Test
    void nativeToolchainThatTimesOut_isNotRetried_andItsCellIsNotMeasured() throws Exception {
        stallingBuilds = 1;
        Setup s = setup(host(true), List.of("cgo-hello"), List.of("native"), 0);
        List<NotMeasured> cut = Collections.synchronizedList(new ArrayList<>());
        List<CellResult> r = s.engine().run(s.request(), s.engine().plan(s.request()), listener(cut));
        assertThat(r).isEmpty();
        assertThat(cut).singleElement().satisfies(n -> {
            assertThat(n.key().runner()).isEqualTo("native");
            assertThat(n.reason())
                    .startsWith("the build ran out of time: m1go.buildTimeoutSeconds=5 s")
                    .doesNotContain("twice")
                    .contains("logs/build/");
        });
        assertThat(started.stream().filter(x -> x.argv().contains("build"))).hasSize(1);
    }

    /** Hears finished cells nowhere and not-measured ones in {@code cut}. */
    private static MatrixListener listener(List<NotMeasured> cut) {
        return new MatrixListener() {
            @Override
            public void finished(CellResult result, int done, int total) {}

            @Override
            public void notMeasured(NotMeasured cell, int done, int total) {
                cut.add(cell);
            }
        };
    }

    /** The fake tools, and m1go starts stopping (Ctrl-C) while the first process matching {@code when} runs. */
    private dev.m1go.exec.ProcessRunner stoppingDuring(java.util.function.Predicate<ProcessSpec> when) {
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        return new dev.m1go.exec.ProcessRunner() {
            @Override
            public ProcessResult run(ProcessSpec spec) {
                ProcessResult r = fake(spec);
                if (when.test(spec)) {
                    stopping.set(true);
                    // what the shutdown hook's tree kill leaves: the process died by SIGKILL
                    return new ProcessResult(137, null, false, "", "", 5);
                }
                return r;
            }

            @Override
            public boolean stopping() {
                return stopping.get();
            }
        };
    }

    private List<NotMeasured> runStopping(java.util.function.Predicate<ProcessSpec> when, List<CellResult> measured)
            throws Exception {
        dev.m1go.exec.ProcessRunner processes = stoppingDuring(when);
        Map<String, String> env = Map.of("PATH", bin.toString(), "HOME", dir.toString());
        Host host = host(true);
        Runners all = new Runners(host, processes, List.of());
        CCompilers compilers = new CCompilers(Os.LINUX, Arch.AMD64, env, this::fake, dir.resolve("logs"));
        Toolchain arm64Go = new Toolchain("go1.19.8", dir.resolve("go-arm64"), Arch.ARM64, "test", Map.of(), null);
        MatrixRequest request = fiveSeconds()
                .cases(new CaseLoader().load(null, List.of("cgo-hello")))
                .toolchains(List.of(arm64Go))
                .targets(List.of(new Platform(Os.LINUX, Arch.ARM64)))
                .runners(all.select(List.of("qemu", "binfmt")))
                .threads(1)
                .environment(env)
                .build();
        MatrixEngine engine = new MatrixEngine(host, processes, new GoCrashClassifier(), compilers, all);
        List<NotMeasured> cut = Collections.synchronizedList(new ArrayList<>());
        List<CellResult> heard = Collections.synchronizedList(new ArrayList<>());
        MatrixListener both = new MatrixListener() {
            @Override
            public void finished(CellResult result, int done, int total) {
                heard.add(result);
            }

            @Override
            public void notMeasured(NotMeasured cell, int done, int total) {
                cut.add(cell);
            }
        };
        // an interrupted run ends with the stop, so that its report is written as incomplete
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.run(request, engine.plan(request), both))
                .isInstanceOf(dev.m1go.exec.StoppingException.class);
        measured.addAll(heard);
        return cut;
    }

    @Test
    void stoppingDuringATranslatedBuild_leavesItsCellsNotMeasured_neverKilled() throws Exception {
        List<CellResult> measured = new ArrayList<>();
        List<NotMeasured> cut = runStopping(spec -> spec.argv().contains("build"), measured);
        assertThat(measured).isEmpty();
        assertThat(cut).extracting(n -> n.key().runner()).containsExactlyInAnyOrder("qemu", "binfmt");
        assertThat(cut).allSatisfy(n -> assertThat(n.reason()).isEqualTo(NotMeasured.STOPPING));
    }

    @Test
    void stoppingDuringARun_leavesThatCellNotMeasured() throws Exception {
        List<CellResult> measured = new ArrayList<>();
        List<NotMeasured> cut = runStopping(
                spec -> !spec.argv().contains("build") && spec.argv().stream().anyMatch(a -> a.endsWith("/cgo-hello")),
                measured);
        assertThat(measured).noneMatch(c -> c.outcome() == Outcome.KILLED);
        assertThat(cut).isNotEmpty().allSatisfy(n -> assertThat(n.reason()).isEqualTo(NotMeasured.STOPPING));
        assertThat(measured.size() + cut.size()).isEqualTo(2);
    }

    @Test
    void results_comeBackInReportOrder() throws Exception {
        List<CellResult> r = run(setup(host(true), List.of("c-abort", "cgo-hello"), List.of(), 0));
        assertThat(r).isSortedAccordingTo(CellResult.ORDER);
        assertThat(r.get(0).key().caseId()).isEqualTo("c-abort");
    }

    @Test
    void oneWorker_cheapestFirst_andEachBuildsCellsRunAsSoonAsItIsReady_beforeAnyFurtherBuild() throws Exception {
        Map<String, String> env = Map.of("PATH", bin.toString(), "HOME", dir.toString());
        Host host = host(true);
        Runners all = new Runners(host, this::fake, List.of());
        CCompilers compilers = new CCompilers(Os.LINUX, Arch.AMD64, env, this::fake, dir.resolve("logs"));
        Toolchain go122 = new Toolchain("go1.22.12", dir.resolve("go"), Arch.AMD64, "test", Map.of(), null);
        Toolchain arm64Go = new Toolchain("go1.19.8", dir.resolve("go-arm64"), Arch.ARM64, "test", Map.of(), null);
        MatrixRequest request = fiveSeconds()
                .cases(new CaseLoader().load(null, List.of("cgo-hello", "c-abort")))
                .toolchains(List.of(go122, arm64Go))
                .targets(List.of(new Platform(Os.LINUX, Arch.AMD64)))
                .runners(all.select(List.of("native")))
                .threads(1)
                .environment(env)
                .build();
        MatrixEngine engine = new MatrixEngine(host, this::fake, new GoCrashClassifier(), compilers, all);
        engine.run(request, engine.plan(request), (r, done, total) -> {});
        List<String> order = started.stream()
                .filter(s -> !s.argv().contains("--version"))
                .map(s -> s.argv().contains("build")
                        ? "build " + s.argv().get(0).replace(dir + "/", "").replace("/bin/go", "") + " "
                                + s.argv().get(s.argv().indexOf("-o") + 1).replaceAll(".*/", "")
                        : "run " + s.argv().get(0).replaceAll(".*/", ""))
                .toList();
        // One worker cannot keep one free for quick work: the translated toolchain's builds wait for their turn.
        assertThat(order)
                .containsExactly(
                        "build go c-abort",
                        "run c-abort",
                        "build go-arm64 c-abort",
                        "run c-abort",
                        "build go cgo-hello",
                        "run cgo-hello",
                        "build go-arm64 cgo-hello",
                        "run cgo-hello");
    }

    @Test
    void generatedGoMod_usesTheBuildingToolchainsLanguageVersion() throws Exception {
        run(setup(host(true), List.of("cgo-hello"), List.of("native"), 0));
        List<Path> mods;
        try (var w = Files.walk(dir.resolve("out/build/cgo-hello"))) {
            mods = w.filter(p -> p.getFileName().toString().equals("go.mod")).toList();
        }
        assertThat(mods)
                .isNotEmpty()
                .allSatisfy(m -> assertThat(Files.readString(m)).contains("\ngo 1.22\n"));
    }

    @Test
    void outputExpectation_aPassingRunWhoseOutputDoesNotMatch_isUnexpected_andSaysWhy() throws Exception {
        Path cases = Files.createDirectories(dir.resolve("cases/sum"));
        Files.writeString(cases.resolve("main.go"), "package main\n\nimport \"C\"\n\nfunc main() {}\n");
        Files.writeString(
                cases.resolve("case.yaml"), "description: d\nexpect:\n  outcome: PASS\n  output: \"^sum = 6$\"\n");
        List<ReproCase> loaded = new CaseLoader().directory(dir.resolve("cases"));
        binaryBehaviour = spec -> ok("sum = 7\nM1GO_OK\n");
        CellResult bad =
                run(setupCases(host(true), loaded, List.of("native"), 0)).get(0);
        assertThat(bad.outcome()).isEqualTo(Outcome.PASS);
        assertThat(bad.verdict()).isEqualTo(Verdict.UNEXPECTED);
        assertThat(bad.diagnosis().summary()).contains("does not match expect.output");
        binaryBehaviour = spec -> ok("sum = 6\nM1GO_OK\n");
        assertThat(run(setupCases(host(true), loaded, List.of("native"), 0))
                        .get(0)
                        .verdict())
                .isEqualTo(Verdict.EXPECTED);
    }

    /**
     * Shards: every cell of the plan in exactly one of the N shares, cells that share a build in the same share, and
     * the shares within one group's cost of each other, the same on every call.
     */
    @Test
    void shards_partitionThePlan_keepEachBuildTogether_andBalanceTheCost() throws Exception {
        Host host = host(true);
        Map<String, String> env = Map.of("PATH", bin.toString(), "HOME", dir.toString());
        Runners all = new Runners(host, this::fake, List.of());
        CCompilers compilers = new CCompilers(Os.LINUX, Arch.AMD64, env, this::fake, dir.resolve("logs"));
        List<Toolchain> toolchains = List.of(
                new Toolchain("go1.22.12", dir.resolve("go"), Arch.AMD64, "test", Map.of(), null),
                new Toolchain("go1.23.5", dir.resolve("go123"), Arch.AMD64, "test", Map.of(), null),
                new Toolchain("go1.22.12", dir.resolve("go-arm64"), Arch.ARM64, "test", Map.of(), null));
        MatrixRequest request = fiveSeconds()
                .cases(new CaseLoader().load(null, List.of("cgo-hello", "c-abort", "static-lib", "c-segv")))
                .toolchains(toolchains)
                .targets(List.of(new Platform(Os.LINUX, Arch.AMD64), new Platform(Os.LINUX, Arch.ARM64)))
                .runners(all.select(List.of("native", "qemu", "binfmt")))
                .threads(2)
                .environment(env)
                .build();
        List<PlannedCell> plan =
                new MatrixEngine(host, this::fake, new GoCrashClassifier(), compilers, all).plan(request);
        assertThat(plan).hasSizeGreaterThan(20);
        for (int n = 1; n <= 5; n++) {
            List<PlannedCell> union = new ArrayList<>();
            Map<String, Integer> shardOfBuild = new java.util.HashMap<>();
            long[] cost = new long[n];
            for (int k = 1; k <= n; k++) {
                List<PlannedCell> share = new Shard(k, n).select(plan, Arch.AMD64);
                assertThat(share).isEqualTo(new Shard(k, n).select(plan, Arch.AMD64));
                union.addAll(share);
                Map<String, List<PlannedCell>> byBuild = new java.util.LinkedHashMap<>();
                for (PlannedCell p : share) {
                    if (!p.skipped()) {
                        Integer other = shardOfBuild.putIfAbsent(MatrixEngine.buildKey(p), k);
                        assertThat(other == null || other == k)
                                .as("build %s in one share", MatrixEngine.buildKey(p))
                                .isTrue();
                        byBuild.computeIfAbsent(MatrixEngine.buildKey(p), b -> new ArrayList<>())
                                .add(p);
                    }
                }
                for (List<PlannedCell> group : byBuild.values()) {
                    cost[k - 1] += Shard.cost(group, Arch.AMD64);
                }
            }
            assertThat(union).as("%d shares", n).hasSameSizeAs(plan).containsExactlyInAnyOrderElementsOf(plan);
            long max = java.util.Arrays.stream(cost).max().orElse(0);
            long min = java.util.Arrays.stream(cost).min().orElse(0);
            assertThat(max - min)
                    .as("%d shares: costs %s", n, java.util.Arrays.toString(cost))
                    .isLessThanOrEqualTo(Shard.TRANSLATED_BUILD + 4L * Shard.TRANSLATED_RUN);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Shard.parse("3/2"))
                .hasMessageContaining("1 <= K <= N");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Shard.parse("two"))
                .hasMessageContaining("is not K/N");
    }
}
