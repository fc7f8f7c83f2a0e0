package dev.m1go.matrix;

import dev.m1go.cases.CellFacts;
import dev.m1go.cases.Expectation;
import dev.m1go.cases.ReproCase;
import dev.m1go.cases.Variant;
import dev.m1go.classify.Classification;
import dev.m1go.classify.Classifier;
import dev.m1go.classify.Evidence;
import dev.m1go.classify.Outcome;
import dev.m1go.classify.Phase;
import dev.m1go.classify.Verdict;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Host;
import dev.m1go.runner.Runner;
import dev.m1go.toolchain.CCompilers;
import dev.m1go.toolchain.Launcher;
import dev.m1go.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plans the cells, builds each (case, toolchain, target, build variant) once, runs every cell through its runner on
 * {@code threads} workers, classifies each run, compares it with the case's expectation and hands every result to
 * the listener as soon as it is known.
 */
public final class MatrixEngine {

    private final Host host;
    private final ProcessRunner processes;
    private final Classifier classifier;
    private final CCompilers compilers;
    private final Launcher launcher;

    public MatrixEngine(Host host, ProcessRunner processes, Classifier classifier, CCompilers compilers,
                        Launcher launcher) {
        this.host = host;
        this.processes = processes;
        this.classifier = classifier;
        this.compilers = compilers;
        this.launcher = launcher;
    }

    /** The cells of the matrix in report order, each with its skip reason if it cannot run here. */
    public List<PlannedCell> plan(MatrixRequest request) {
        List<PlannedCell> cells = new ArrayList<>();
        for (ReproCase c : request.cases()) {
            for (Toolchain t : request.toolchains()) {
                for (Platform target : request.targets()) {
                    for (Runner r : request.runners()) {
                        if (!r.appliesTo(target.os(), target.arch())) {
                            continue;
                        }
                        String skip = skipReason(c, t, target, r);
                        for (Variant v : c.variants()) {
                            cells.add(new PlannedCell(c, t, target, r, v, skip));
                        }
                    }
                }
            }
        }
        cells.sort(Comparator.comparing((PlannedCell p) -> p.reproCase().id())
                .thenComparing(p -> request.toolchains().indexOf(p.toolchain()))
                .thenComparing(PlannedCell::target)
                .thenComparing(p -> RunnerOrder.rank(p.runner().name()))
                .thenComparing(p -> p.reproCase().variants().indexOf(p.variant())));
        return List.copyOf(cells);
    }

    private String skipReason(ReproCase c, Toolchain t, Platform target, Runner r) {
        java.util.Optional<String> notPlanned = c.notPlannedFor(t.goVersion());
        if (notPlanned.isPresent()) {
            return notPlanned.get();
        }
        if (!t.usable()) {
            return "toolchain " + t.version() + " (" + t.binaryArch() + ") cannot run here: " + t.unusable();
        }
        Runner.Availability a = r.availability(target.os(), target.arch());
        if (!a.available()) {
            return a.reason();
        }
        CCompilers.Result cc = compilers.forTarget(target.arch());
        if (cc.compiler() == null) {
            return "no C compiler for " + target + ": " + cc.missing();
        }
        if (c.library() != null) {
            CCompilers.Result lib = compilers.forTarget(Builder.libraryArch(c.library(), target.arch()));
            if (lib.compiler() == null) {
                return "no C compiler for the case's " + Builder.libraryArch(c.library(), target.arch())
                        + " library: " + lib.missing();
            }
        }
        return null;
    }

    /**
     * Runs the plan. Results reach the listener as they finish; the returned list is in report order.
     *
     * @throws IOException when m1go itself cannot write its files (not when a build or run fails: those are results)
     */
    public List<CellResult> run(MatrixRequest request, List<PlannedCell> plan, MatrixListener listener)
            throws IOException, InterruptedException {
        Files.createDirectories(request.outputDirectory());
        for (ReproCase c : request.cases()) {
            Path dir = request.outputDirectory().resolve("cases").resolve(c.id());
            Builder.deleteTree(dir);
            c.writeTo(dir);
        }
        listener.planned(plan);
        Builder builder = new Builder(request, processes, classifier, compilers, launcher, host);
        Map<String, CompletableFuture<Builder.Built>> builds = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        Object listenerLock = new Object();

        ExecutorService pool = Executors.newFixedThreadPool(request.threads(), r -> {
            Thread th = new Thread(r, "m1go-cell");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<CellResult>> futures = new ArrayList<>();
            for (PlannedCell p : plan) {
                futures.add(pool.submit(() -> {
                    synchronized (listenerLock) {
                        listener.started(p);
                    }
                    CellResult result = cell(request, builder, builds, p);
                    synchronized (listenerLock) {
                        listener.finished(result, done.incrementAndGet(), plan.size());
                    }
                    return result;
                }));
            }
            List<CellResult> results = new ArrayList<>();
            for (Future<CellResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException("a cell failed inside m1go: " + cause, cause);
                }
            }
            results.sort(CellResult.ORDER);
            return List.copyOf(results);
        } finally {
            pool.shutdownNow();
        }
    }

    private CellResult cell(MatrixRequest request, Builder builder, Map<String, CompletableFuture<Builder.Built>> builds,
                            PlannedCell p) throws IOException, InterruptedException {
        ReproCase c = p.reproCase();
        Toolchain t = p.toolchain();
        Expectation.Expected expected = c.expectation().resolve(facts(p));
        if (p.skipped()) {
            return skipped(p, expected, p.skipReason());
        }
        boolean staticLink = p.runner().needsStaticBinary();
        String key = c.id() + "|" + t.key() + "|" + Builder.buildSlug(p.target(), p.variant(), staticLink);
        CompletableFuture<Builder.Built> mine = new CompletableFuture<>();
        CompletableFuture<Builder.Built> existing = builds.putIfAbsent(key, mine);
        Builder.Built built;
        if (existing == null) {
            try {
                built = builder.build(c, t, p.target(), p.variant(), staticLink);
                mine.complete(built);
            } catch (Launcher.CannotLaunchException e) {
                mine.completeExceptionally(e);
                return skipped(p, expected, e.getMessage());
            } catch (IOException | RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            }
        } else {
            try {
                built = existing.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Launcher.CannotLaunchException cle) {
                    return skipped(p, expected, cle.getMessage());
                }
                throw new IOException("the build this cell shares failed inside m1go: " + e.getCause(), e.getCause());
            }
        }
        if (!built.ok()) {
            Classification k = built.classification();
            Outcome o = built.info().outcome();
            return CellResult.buildFailed(key(p), expected.toString(),
                    expected.matches(o, k.signal()) ? Verdict.EXPECTED : Verdict.UNEXPECTED, built.info(),
                    Diagnosis.ofBuild(k));
        }
        return runCell(request, p, built, expected);
    }

    private CellResult runCell(MatrixRequest request, PlannedCell p, Builder.Built built, Expectation.Expected expected)
            throws IOException {
        ReproCase c = p.reproCase();
        Toolchain t = p.toolchain();
        String cellDir = c.id() + "/" + t.key() + "/" + p.target().slug() + "/" + p.runner().name() + "-"
                + p.variant().name();
        Path workDir = request.outputDirectory().resolve("run").resolve(cellDir);
        Path logDir = request.outputDirectory().resolve("logs").resolve(cellDir);
        Builder.deleteTree(workDir);
        Files.createDirectories(workDir);
        Files.createDirectories(logDir);
        dev.m1go.cases.ModuleUnit unit = c.unit();
        // A test binary runs in its package's directory (in m1go's copy of the module), as go test runs it.
        Path runDir = unit != null && unit.test() ? unit.directory() : workDir;
        String marker = unit == null ? c.marker() : null;
        Duration timeout = c.timeoutOpt().orElse(request.runTimeout());
        boolean translated = p.runner().translates(p.target().arch());
        String mismatch = CrashForensics.machineMismatch(built.info(), p.target());
        if (mismatch != null) {
            return new CellResult(key(p), Outcome.SKIPPED, Verdict.UNEXPECTED, expected.toString(),
                    Diagnosis.note(mismatch), translated, mismatch, built.info(), List.of(), Map.of());
        }
        CrashForensics forensics = new CrashForensics(request.environment(), processes, host.arch());
        dev.m1go.classify.PcLocator locator = CrashForensics.locator(built.binary());

        List<RunResult> runs = new ArrayList<>();
        List<Classification> kinds = new ArrayList<>();
        Map<String, String> facts = Map.of();
        String outputMismatch = null;
        int total = 1;
        for (int i = 1; i <= total; i++) {
            Map<String, String> env = BuildEnvironment.base(request.environment(), request.inheritEnvironment());
            env.putAll(c.runEnv());
            env.putAll(p.variant().runEnv());
            List<String> argv = new ArrayList<>(List.of(built.binary().toString()));
            argv.addAll(unit == null ? c.runArgs() : unit.test() ? unit.testArgs() : unit.args());
            Path out = logDir.resolve("run-" + i + ".stdout");
            Path err = logDir.resolve("run-" + i + ".stderr");
            ProcessResult r;
            try {
                r = p.runner().run(new ProcessSpec(argv, env, runDir, timeout, request.quitGrace(), out, err),
                        p.target().arch());
            } catch (Runner.CannotRun e) {
                if (runs.isEmpty()) {
                    return skipped(p, expected, "not run: " + e.getMessage());
                }
                break; // the runs already measured stand; the reruns the runner could not do are left out
            }
            Classification classified = classifier.classify(new Evidence(Phase.RUN, p.target().os().goos(),
                    r.exitCode(), null, r.timedOut(), translated, r.stdout(), r.stderr(), marker, c.markerOnStderr()), locator);
            CrashForensics.Examined x = forensics.examine(classified, locator, built.binary(), p.target().arch(),
                    p.target().os().goos(), r.stderr(), logDir.resolve("symbolize-" + i));
            Classification k = x.classification();
            kinds.add(k);
            if (i == 1) {
                facts = RunFacts.parse(r.stdout());
                outputMismatch = expected.outputMismatch(r.stdout() + (r.stderr().isEmpty() ? "" : "\n" + r.stderr()))
                        .orElse(null);
            }
            runs.add(new RunResult(r.exitCode(), r.timedOut(), k.outcome(), k.signal(), r.durationMillis(),
                    relative(request, out), relative(request, err), r.observedArch(), r.leftoverProcesses(),
                    r.logTruncated(), x.frames(), x.note()));
            if (i == 1 && request.reruns() > 0 && (request.rerunsAll() || k.outcome() != Outcome.PASS)) {
                total += request.reruns();
            }
        }
        Classification first = kinds.get(0);
        boolean agree = kinds.stream().allMatch(k -> k.outcome() == first.outcome()
                && java.util.Objects.equals(k.signal(), first.signal()));
        Verdict verdict = !agree ? Verdict.FLAKY
                : expected.matches(first.outcome(), first.signal()) && outputMismatch == null ? Verdict.EXPECTED
                : Verdict.UNEXPECTED;
        Classification deciding = kinds.stream().filter(k -> k.outcome() != Outcome.PASS).findFirst().orElse(first);
        Diagnosis diagnosis = Diagnosis.ofRuns(first, deciding);
        String summary = outputMismatch == null ? diagnosis.summary() : diagnosis.summary() + "; " + outputMismatch;
        List<TestResult> tests = List.of();
        if (unit != null && unit.test()) {
            ModuleTests.Judged judged = ModuleTests.judge(new ModuleTests(processes, launcher, request)
                    .events(t, unit, logDir.resolve("run-1.stdout")), unit, facts(p), first);
            tests = judged.tests();
            summary = judged.summary();
            if (judged.verdict() != null && verdict != Verdict.FLAKY) {
                verdict = judged.verdict();
            }
        }
        diagnosis = new Diagnosis(diagnosis.signal(), diagnosis.inCgo(), diagnosis.signature(), summary,
                diagnosis.header(), diagnosis.frames());
        return CellResult.ran(key(p), expected.toString(), first.outcome(), verdict, diagnosis, translated,
                built.info(), runs, facts).withTests(tests);
    }

    private static CellResult skipped(PlannedCell p, Expectation.Expected expected, String reason) {
        return CellResult.skipped(key(p), expected.toString(), p.runner().translates(p.target().arch()), reason);
    }

    private static CellKey key(PlannedCell p) {
        return CellKey.of(p.reproCase().id(), p.toolchain().version(), p.toolchain().binaryArch(), p.target(),
                p.runner().name(), p.variant().name());
    }

    private CellFacts facts(PlannedCell p) {
        CCompilers.Result cc = compilers.forTarget(p.target().arch());
        return new CellFacts(p.toolchain().goVersion(), p.toolchain().binaryArch(), p.target().os(), p.target().arch(),
                p.runner().name(), p.variant().name(), cc.compiler() == null ? null : cc.compiler().family());
    }

    private static String relative(MatrixRequest request, Path p) {
        return request.outputDirectory().relativize(p).toString().replace('\\', '/');
    }
}
