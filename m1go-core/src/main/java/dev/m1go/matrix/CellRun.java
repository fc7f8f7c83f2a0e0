package dev.m1go.matrix;

import dev.m1go.cases.CellFacts;
import dev.m1go.cases.Expectation;
import dev.m1go.cases.ReproCase;
import dev.m1go.classify.Classification;
import dev.m1go.classify.Classifier;
import dev.m1go.classify.Evidence;
import dev.m1go.classify.Outcome;
import dev.m1go.classify.Phase;
import dev.m1go.classify.Verdict;
import dev.m1go.core.FileTrees;
import dev.m1go.exec.MemoryLimit;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Host;
import dev.m1go.module.GoTestEvents;
import dev.m1go.runner.Runner;
import dev.m1go.settings.BuildEnvironment;
import dev.m1go.toolchain.CCompilers;
import dev.m1go.toolchain.Launcher;
import dev.m1go.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures one cell whose build is done: runs its binary through the cell's runner (once, with reruns, or repeatedly
 * under {@link Stress}), classifies every run, looks closer at crashes ({@link CrashForensics}), judges the runs
 * against the case's expectation (and a module's tests against theirs) and returns the cell's result. The
 * {@link MatrixEngine} decides what runs when and on which worker; this class decides what one cell's runs mean. One
 * instance serves every cell of one matrix run.
 */
final class CellRun {

    private final MatrixRequest request;
    private final ProcessRunner processes;
    private final Classifier classifier;
    private final CCompilers compilers;
    private final Launcher launcher;
    private final Host host;

    CellRun(
            MatrixRequest request,
            ProcessRunner processes,
            Classifier classifier,
            CCompilers compilers,
            Launcher launcher,
            Host host) {
        this.request = request;
        this.processes = processes;
        this.classifier = classifier;
        this.compilers = compilers;
        this.launcher = launcher;
        this.host = host;
    }

    /** True when {@code e} (or a cause) says m1go refused or removed work because it is stopping. */
    boolean stoppedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof dev.m1go.exec.StoppingException) {
                return true;
            }
        }
        return processes.stopping();
    }

    /** The expectation of {@code p}'s case resolved against the cell's facts. */
    private Expectation.Expected expected(PlannedCell p) {
        return p.reproCase().expectation().resolve(facts(p));
    }

    /**
     * The result of {@code p} given its build: a build failure judged against the expectation, or the cell's runs.
     *
     * @throws IOException when m1go cannot write the run's files, or when it is stopping (see
     *                     {@link #stoppedBy})
     */
    CellResult result(PlannedCell p, Builder.Built built) throws IOException {
        Expectation.Expected expected = expected(p);
        if (!built.ok()) {
            Classification k = built.classification();
            Outcome o = built.info().outcome();
            return CellResult.buildFailed(
                    p.key(),
                    expected.toString(),
                    expected.matches(o, k.signal()) ? Verdict.EXPECTED : Verdict.UNEXPECTED,
                    built.info(),
                    Diagnosis.ofBuild(k));
        }
        return runCell(p, built, expected);
    }

    private CellResult runCell(PlannedCell p, Builder.Built built, Expectation.Expected expected) throws IOException {
        ReproCase c = p.reproCase();
        Toolchain t = p.toolchain();
        Path workDir = request.layout()
                .run(
                        c.id(),
                        t.key(),
                        p.target().slug(),
                        p.runner().name(),
                        p.variant().name());
        Path logDir = request.layout()
                .runLogs(
                        c.id(),
                        t.key(),
                        p.target().slug(),
                        p.runner().name(),
                        p.variant().name());
        FileTrees.delete(workDir);
        Files.createDirectories(workDir);
        Files.createDirectories(logDir);
        dev.m1go.cases.ModuleUnit unit = c.unit();
        // A test binary runs in its package's directory (in m1go's copy of the module), as go test runs it.
        Path runDir = unit != null && unit.test() ? unit.directory() : workDir;
        String marker = unit == null ? c.marker() : null;
        boolean translated = p.runner().translates(p.target().arch());
        // A whole test suite needs more than one program's run, and more again under translation.
        Duration timeout = unit != null && unit.test()
                ? unit.run().testTimeLimit(translated)
                : c.timeoutOpt().orElse(request.runTimeout());
        String mismatch = CrashForensics.machineMismatch(built.info(), p.target());
        if (mismatch != null) {
            return new CellResult(
                    p.key(),
                    Outcome.SKIPPED,
                    Verdict.UNEXPECTED,
                    expected.toString(),
                    Diagnosis.note(mismatch),
                    translated,
                    mismatch,
                    built.info(),
                    List.of(),
                    Map.of());
        }
        CrashForensics forensics = new CrashForensics(
                request.environment(),
                processes,
                host.arch(),
                request.cacheDirectory().resolve("symbols"));
        dev.m1go.classify.PcLocator locator = CrashForensics.locator(built.binary());

        Stress stress = request.stress();
        List<RunResult> runs = new ArrayList<>();
        Map<String, Integer> counts = new java.util.TreeMap<>();
        Classification first = null;
        Classification deciding = null;
        boolean agree = true;
        int unmatched = 0;
        int keptFailures = 0;
        Map<String, String> facts = Map.of();
        String outputMismatch = null;
        int total = 1;
        long start = System.nanoTime();
        for (int i = 1; stress.active() ? stress.another(i, System.nanoTime() - start) : i <= total; i++) {
            Map<String, String> env = BuildEnvironment.base(request.environment(), request.inheritEnvironment());
            env.putAll(c.runEnv());
            env.putAll(p.variant().runEnv());
            List<String> argv = new ArrayList<>(List.of(built.binary().toString()));
            argv.addAll(unit == null ? c.runArgs() : unit.test() ? unit.testArgs() : unit.args());
            Path out = logDir.resolve("run-" + i + ".stdout");
            Path err = logDir.resolve("run-" + i + ".stderr");
            ProcessResult r;
            try {
                r = p.runner()
                        .run(
                                new ProcessSpec(argv, env, runDir, timeout, request.quitGrace(), out, err)
                                        .withMemoryLimit(MemoryLimit.of(request.memoryLimitMb())),
                                p.target().arch());
            } catch (Runner.CannotRun e) {
                if (stoppedBy(e)) {
                    throw e; // not a skip: m1go is stopping, and the cell is not measured
                }
                if (runs.isEmpty()) {
                    return skipped(p, expected, "not run: " + e.getMessage());
                }
                break; // the runs already measured stand; the reruns the runner could not do are left out
            }
            Classification classified = MemoryLimitHit.apply(
                    classifier.classify(
                            new Evidence(
                                    Phase.RUN,
                                    p.target().os().goos(),
                                    r.exitCode(),
                                    null,
                                    r.timedOut(),
                                    translated,
                                    r.stdout(),
                                    r.stderr(),
                                    marker,
                                    c.markerOnStderr()),
                            locator),
                    r.memoryLimitHit());
            CrashForensics.Examined x = forensics.examine(
                    classified,
                    locator,
                    built.binary(),
                    p.target().arch(),
                    p.target().os().goos(),
                    r.stderr(),
                    logDir.resolve("symbolize-" + i));
            Classification k = x.classification();
            boolean failed = k.outcome() != Outcome.PASS;
            counts.merge(k.outcome() + (k.signal() == null ? "" : " " + k.signal()), 1, Integer::sum);
            unmatched += expected.matches(k.outcome(), k.signal()) ? 0 : 1;
            if (i == 1) {
                first = k;
                facts = RunFacts.parse(r.stdout());
                outputMismatch = expected.outputMismatch(
                                r.stdout() + (r.stderr().isEmpty() ? "" : "\n" + r.stderr()))
                        .orElse(null);
            } else {
                agree &= k.outcome() == first.outcome() && java.util.Objects.equals(k.signal(), first.signal());
            }
            if (deciding == null && failed) {
                deciding = k;
            }
            boolean keep = !stress.active() || i == 1 || (failed && keptFailures++ < Stress.KEPT_FAILURES);
            if (keep) {
                runs.add(new RunResult(
                        r.exitCode(),
                        r.timedOut(),
                        k.outcome(),
                        k.signal(),
                        r.durationMillis(),
                        relative(out),
                        relative(err),
                        r.observedArch(),
                        r.leftoverProcesses(),
                        r.logTruncated(),
                        x.frames(),
                        x.note(),
                        r.engine()));
            } else {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
            if (stress.active() && stress.stopOnFailure() && failed) {
                break;
            }
            if (i == 1 && request.reruns() > 0 && (request.rerunsAll() || k.outcome() != Outcome.PASS)) {
                total += request.reruns();
            }
        }
        int n = counts.values().stream().mapToInt(Integer::intValue).sum();
        Verdict verdict = verdict(
                c.expectation().maxFailureRate(),
                agree,
                expected.matches(first.outcome(), first.signal()) && outputMismatch == null,
                unmatched,
                n);
        if (deciding == null) {
            deciding = first;
        }
        Diagnosis diagnosis = Diagnosis.ofRuns(first, deciding);
        String summary = outputMismatch == null ? diagnosis.summary() : diagnosis.summary() + "; " + outputMismatch;
        List<TestResult> tests = List.of();
        List<BenchmarkResult> benchmarks = List.of();
        if (unit != null && unit.test()) {
            if (unit.run().testBench() != null) {
                benchmarks = GoBenchmarks.read(logDir.resolve("run-1.stdout"));
            }
            GoTestEvents.Events events =
                    new ModuleTests(processes, launcher, request).events(t, unit, logDir.resolve("run-1.stdout"));
            ModuleTests.Judged judged = ModuleTests.judge(events.tests(), unit, facts(p), first);
            tests = judged.tests();
            summary = events.note() == null ? judged.summary() : judged.summary() + "; " + events.note();
            if (judged.verdict() != null && verdict != Verdict.FLAKY) {
                verdict = judged.verdict();
            }
        }
        diagnosis = new Diagnosis(
                diagnosis.signal(),
                diagnosis.inCgo(),
                diagnosis.signature(),
                summary,
                diagnosis.header(),
                diagnosis.frames());
        return CellResult.ran(
                        p.key(),
                        expected + rateNote(c.expectation().maxFailureRate()),
                        first.outcome(),
                        verdict,
                        diagnosis,
                        translated,
                        built.info(),
                        runs,
                        facts,
                        n > 1 ? counts : Map.of())
                .withTests(tests)
                .withRunEnvAndBenchmarks(
                        unit == null
                                ? List.of()
                                : List.copyOf(unit.run().runEnv().keySet()),
                        benchmarks);
    }

    /**
     * FLAKY when runs disagree, else whether the first run matched. With {@code expect.maxFailureRate} a cell
     * contradicts its expectation only when the 95 % Wilson interval of its rate of unmatched runs lies wholly above
     * that rate, so that one unlucky run does not fail a build.
     */
    static Verdict verdict(Double maxFailureRate, boolean agree, boolean firstMatched, int unmatched, int n) {
        if (maxFailureRate != null) {
            return unmatched > 0
                            && dev.m1go.stats.Statistics.wilson(unmatched, n).low() > maxFailureRate
                    ? Verdict.UNEXPECTED
                    : Verdict.EXPECTED;
        }
        return !agree ? Verdict.FLAKY : firstMatched ? Verdict.EXPECTED : Verdict.UNEXPECTED;
    }

    private static String rateNote(Double maxFailureRate) {
        return maxFailureRate == null
                ? ""
                : ", at most " + dev.m1go.stats.FailureRate.percent(maxFailureRate) + " of runs otherwise";
    }

    /** {@code p} as skipped for {@code reason}, with its resolved expectation. */
    CellResult skipped(PlannedCell p, String reason) {
        return skipped(p, expected(p), reason);
    }

    private static CellResult skipped(PlannedCell p, Expectation.Expected expected, String reason) {
        return CellResult.skipped(
                p.key(), expected.toString(), p.runner().translates(p.target().arch()), reason);
    }

    private CellFacts facts(PlannedCell p) {
        CCompilers.Result cc = compilers.forTarget(p.target().arch());
        return new CellFacts(
                p.toolchain().goVersion(),
                p.toolchain().binaryArch(),
                p.target().os(),
                p.target().arch(),
                p.runner().name(),
                p.variant().name(),
                cc.compiler() == null ? null : cc.compiler().family());
    }

    private String relative(Path p) {
        return request.layout().relative(p);
    }
}
