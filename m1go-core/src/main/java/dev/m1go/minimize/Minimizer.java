package dev.m1go.minimize;

import dev.m1go.cases.CaseDefinitionException;
import dev.m1go.cases.CaseLoader;
import dev.m1go.cases.ReproCase;
import dev.m1go.core.FileTrees;
import dev.m1go.core.Log;
import dev.m1go.core.UserError;
import dev.m1go.exec.Launch;
import dev.m1go.reproduce.Reproduce;
import dev.m1go.reproduce.Session;
import dev.m1go.settings.Frontend;
import dev.m1go.toolchain.Launcher;
import dev.m1go.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code m1go:minimize}: from a failing cell to the smallest case that still fails the same way. It measures the
 * failing cell first ({@code m1go.minimize.runs} runs, and the native reference for a failure seen under translation)
 * and keeps its {@link Signature}; then, round after round until a round removes nothing, it runs ddmin over the
 * files, the build and run settings, the top-level declarations and the statements of the Go and C sources, every
 * candidate built and run through the engine; every kept candidate is written at once, so that a reduction cut short
 * (budgets, Ctrl-C) leaves the best case so far. At the end the result is measured again and written with its
 * README.
 */
public final class Minimizer {

    /** Rounds over the stages at most (a round that removes nothing ends the reduction earlier). */
    static final int MAX_ROUNDS = 4;

    private final Reproduce engine;
    private final Frontend frontend;
    private final Clock clock;
    private final Log log;

    public Minimizer(Reproduce engine, Frontend frontend, Clock clock, Log log) {
        this.engine = engine;
        this.frontend = frontend;
        this.clock = clock;
        this.log = log;
    }

    /** The minimized case: where it is, and its record in a few lines for the log. */
    public record Result(Path directory, String name, String signature, List<String> summary, boolean complete) {}

    public Result run(MinimizeSettings s) throws UserError, IOException, InterruptedException {
        Instant started = clock.instant();
        check(s);
        Session session = engine.session(s.reproduce());
        Path out = s.reproduce().outputDirectory().toAbsolutePath().normalize();
        Path work = out.resolve("minimize-work");
        FileTrees.delete(work);
        String caseId = s.module() != null ? ModuleCase.reportId(s.module()) : load(s).id();
        CellChoice.Chosen chosen = CellChoice.choose(session, s.reproduce(), caseId);
        Trials.Cells cells = chosen.cells();
        String arch = session.host().arch().goarch();
        Toolchain helperBy =
                cells.toolchain().binaryArch() == session.host().arch() ? cells.toolchain() : hostToolchain(session);
        GoTool go = buildTool(session, s, helperBy, work);
        ReproCase original;
        ModuleCase.Standalone standalone = null;
        ModuleCase moduleCase = new ModuleCase(
                session.processes(),
                s.reproduce().environment(),
                s.reproduce().home(),
                s.reproduce().cacheDirectory(),
                go);
        if (s.module() != null) {
            standalone = moduleCase.standalone(s.module(), helperBy, launch(session, helperBy), work.resolve("module"));
            original = standalone.reproCase();
        } else {
            original = load(s);
        }
        log.info("m1go: minimize " + (standalone != null ? standalone.what() : "case " + original.id()) + " on "
                + cellTitle(cells, arch) + " (" + chosen.why() + ")");
        Units units = new Units(go, work.resolve("scratch"));

        Candidate first = Candidate.of(original);
        Trials trials = new Trials(session, work, original, cells, clock, log);
        Trials.Trial reference = trials.measure(first, "reference", s.runs());
        Judgement j = Judgement.of(reference, trials.cells(), s, arch);
        j.notes().forEach(n -> log.info("m1go: " + n));
        Trials judged = j.differential() == cells.differential()
                ? trials
                : new Trials(session, work, original, j.cells(), clock, log);
        judged.judge(
                j.signature(),
                j.intermittent(),
                s.thresholdPercent() / 100.0,
                started.plusSeconds(s.seconds()),
                s.builds());

        Reduction record = new Reduction();
        record.before(first);
        record.firstRate = j.rate();
        String name = standalone != null ? standalone.name() : original.id() + "-min";
        MinimizedCase output =
                new MinimizedCase(out.resolve("minimized").resolve(name), name, original, standalone, j, frontend, s);
        Best best = new Best(first, output, record, started, clock);
        output.write(first, record, false);
        log.info("m1go: keeping " + j.signature().describe()
                + (j.differential()
                        ? " under " + j.cells().runner().name() + " while "
                                + cellTitle(j.cells(), arch).split(" ")[0] + " passes natively"
                        : "")
                + (j.intermittent() ? ", intermittent: " + j.rate() : "") + "; "
                + record.sizes().split(" → ")[0]);

        int batch = Math.max(2, 2 * s.reproduce().threads());
        Units.Stage current = null;
        try {
            for (int round = 1; round <= MAX_ROUNDS; round++) {
                long bytesAtStart = best.candidate.bytes();
                for (Units.Stage stage : Units.Stage.values()) {
                    current = stage;
                    int before = -1;
                    int after = 0;
                    for (int depth = 0; ; depth++) {
                        Candidate base = best.candidate;
                        List<Units.Unit> all = units.atDepth(stage, base, depth);
                        if (all.isEmpty()) {
                            break;
                        }
                        before = Math.max(before, 0) + all.size();
                        int runs = runsFor(j, s.runs(), record.bytesBefore, base.bytes());
                        List<Units.Unit> kept = Ddmin.minimize(
                                all,
                                candidates -> {
                                    List<Candidate> made = new ArrayList<>();
                                    for (List<Units.Unit> c : candidates) {
                                        made.add(units.keep(base, all, c));
                                    }
                                    int i = judged.firstKept(made, runs);
                                    if (i >= 0) {
                                        best.keep(made.get(i), judged);
                                        log.info("m1go:   " + stage.title + ": kept a candidate of "
                                                + made.get(i).bytes() + " bytes (" + judged.tried + " candidates, "
                                                + judged.builds + " builds)");
                                    }
                                    return i;
                                },
                                batch);
                        after += kept.size();
                        if (stage != Units.Stage.STATEMENTS) {
                            break; // outer statements: depth 0 only, the inner ones after the declarations
                        }
                    }
                    if (before < 0) {
                        continue;
                    }
                    record.steps.add(new Reduction.Step(round, stage.title, before, after));
                    log.info("m1go: round " + round + ", " + stage.title + ": " + before + " → " + after + "; "
                            + best.candidate.bytes() + " bytes; " + judged.builds + " builds");
                }
                if (best.candidate.bytes() >= bytesAtStart) {
                    break;
                }
            }
        } catch (Ddmin.Stop e) {
            record.stopped = e.getMessage() + (current == null ? "" : " (during " + current.title + ")");
            log.warn("m1go: the reduction stopped early: " + e.getMessage() + "; the best case so far is kept");
        }
        best.count(judged);
        record.millis = java.time.Duration.between(started, clock.instant()).toMillis();
        boolean complete = record.stopped == null;
        if (!session.processes().stopping()) {
            verify(best, judged, j, s);
            record.millis = java.time.Duration.between(started, clock.instant()).toMillis();
        }
        record.after(best.candidate);
        output.write(best.candidate, record, complete);
        if (standalone != null && !session.processes().stopping()) {
            record.dependencies =
                    moduleCase.settle(output.directory(), helperBy, launch(session, helperBy), work.resolve("module"));
            output.writeReadme(record, complete);
        }
        List<String> summary = List.of(
                record.sizes(),
                record.spent(),
                "kept: " + j.signature().describe()
                        + (record.finalRate == null ? "" : "; final measurement: " + record.finalRate));
        summary.forEach(line -> log.info("m1go: " + line));
        return new Result(output.directory(), name, j.signature().describe(), summary, complete);
    }

    /** Steps back through the kept candidates at most this far when the smallest one does not hold up at the end. */
    static final int MAX_STEPS_BACK = 5;

    /**
     * Measures the result as the failing cell was measured at first (twice as many runs for an intermittent failure)
     * and judges it as every candidate was judged. A candidate kept on one run may not hold up on more (a native
     * reference that passed by chance); then the kept candidates before it are measured in turn, the newest first;
     * when none of those does either, the rest of the kept chain is bisected (each kept candidate contains the next,
     * so the newest one that holds up is found in a few measurements). The original case, measured at first, is the
     * floor. The record's final measurement is always that of the case written.
     */
    private void verify(Best best, Trials judged, Judgement j, MinimizeSettings s)
            throws IOException, InterruptedException {
        int runs = j.intermittent() ? 2 * s.runs() : s.runs();
        List<Candidate> chain = new ArrayList<>(best.history); // the original first, then each kept candidate
        chain.add(best.candidate);
        int newest = chain.size() - 1;
        int failed = chain.size(); // the oldest candidate known not to hold up
        for (int i = newest; i >= Math.max(1, newest - MAX_STEPS_BACK); i--) {
            if (holds(chain.get(i), judged, j, runs, best.record)) {
                choose(best, chain, i, newest, runs);
                return;
            }
            failed = i;
        }
        int lo = 0;
        int hi = failed;
        String loRate = null;
        while (hi - lo > 1 && !judged.stopping()) {
            int mid = (lo + hi) >>> 1;
            if (holds(chain.get(mid), judged, j, runs, best.record)) {
                lo = mid;
                loRate = best.record.finalRate;
            } else {
                hi = mid;
            }
        }
        best.record.finalRate = lo == 0 ? "the original case, as first measured: " + best.record.firstRate : loRate;
        choose(best, chain, lo, newest, runs);
    }

    private boolean holds(Candidate c, Trials judged, Judgement j, int runs, Reduction record)
            throws IOException, InterruptedException {
        Trials.Trial last = judged.measure(c, "final", runs);
        record.finalRate = last.failing() == null
                ? "not measured"
                : Judgement.describe(j.signature(), last.failing())
                        + (last.reference() == null
                                ? ""
                                : "; natively " + Judgement.describe(j.signature(), last.reference()));
        return judged.keeps(last);
    }

    private void choose(Best best, List<Candidate> chain, int i, int newest, int runs) {
        best.candidate = chain.get(i);
        if (i == newest) {
            return;
        }
        best.record.steppedBack = i == 0 ? -1 : newest - i;
        log.warn("m1go: the smallest candidate did not hold up on " + runs + " runs; "
                + (i == 0
                        ? "no kept candidate did, and the original case is written"
                        : "the one " + (newest - i) + " step(s) before it did (" + best.record.finalRate + ")"));
    }

    /**
     * Runs per candidate: one for a failure that never passed (two when a native reference must keep passing); for an
     * intermittent one, more as the case shrinks.
     */
    static int runsFor(Judgement j, int runs, long bytesBefore, long bytesNow) {
        if (!j.intermittent()) {
            // The native reference of a translation-only failure must pass, and a run can pass by chance.
            return j.differential() ? 2 : 1;
        }
        double grow = Math.sqrt((double) Math.max(1, bytesBefore) / Math.max(1, bytesNow));
        return (int) Math.min(4L * runs, Math.ceil(runs * grow));
    }

    /** The best candidate so far, written as soon as it is found. */
    private static final class Best {
        Candidate candidate;
        /** Every candidate kept before this one, the original first. */
        final List<Candidate> history = new ArrayList<>();

        final MinimizedCase output;
        final Reduction record;

        final Instant started;
        final Clock clock;

        Best(Candidate candidate, MinimizedCase output, Reduction record, Instant started, Clock clock) {
            this.started = started;
            this.clock = clock;
            this.candidate = candidate;
            this.output = output;
            this.record = record;
        }

        void keep(Candidate c, Trials trials) throws IOException {
            history.add(candidate);
            candidate = c;
            count(trials);
            record.millis = java.time.Duration.between(started, clock.instant()).toMillis();
            record.after(c);
            output.write(c, record, false);
        }

        void count(Trials trials) {
            record.candidates = trials.tried;
            record.voided = trials.voided;
            record.builds = trials.builds;
            record.cachedBuilds = trials.cachedBuilds;
        }
    }

    private static void check(MinimizeSettings s) throws UserError {
        if ((s.caseId() == null || s.caseId().isBlank()) == (s.module() == null)) {
            throw new UserError("m1go:minimize reduces one failing cell: name a case with m1go.cases=<id>, or a test "
                    + "of your module with m1go.module=<dir> m1go.tests=<package> m1go.minimize.test=<TestName> (or a "
                    + "main package with m1go.packages=<package> and m1go.args)");
        }
        if (s.seconds() < 1
                || s.builds() < 1
                || s.runs() < 1
                || s.runs() > 1000
                || s.thresholdPercent() < 0
                || s.thresholdPercent() >= 100) {
            throw new UserError("m1go.minimize.seconds and m1go.minimize.builds must be at least 1, "
                    + "m1go.minimize.runs between 1 and 1000 and m1go.minimize.threshold (percent) between 0 and 99; "
                    + "got " + s.seconds() + ", " + s.builds() + ", " + s.runs() + " and " + s.thresholdPercent());
        }
    }

    private static ReproCase load(MinimizeSettings s) throws UserError {
        try {
            return new CaseLoader()
                    .load(s.reproduce().casesDirectory(), List.of(s.caseId().trim()))
                    .get(0);
        } catch (CaseDefinitionException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static Toolchain hostToolchain(Session session) throws UserError {
        return session.toolchains().stream()
                .filter(t -> t.usable() && t.binaryArch() == session.host().arch())
                .max(java.util.Comparator.comparing(Toolchain::goVersion))
                .or(() ->
                        session.toolchains().stream().filter(Toolchain::usable).findFirst())
                .orElseThrow(() -> new UserError("m1go:minimize needs a Go toolchain that runs here"));
    }

    private static Launch launch(Session session, Toolchain t) throws UserError {
        try {
            return session.runners().launchFor(t.binaryArch());
        } catch (Launcher.CannotLaunchException e) {
            throw new UserError("m1go:minimize cannot run " + t.version() + ": " + e.getMessage());
        }
    }

    private static GoTool buildTool(Session session, MinimizeSettings s, Toolchain t, Path work)
            throws IOException, UserError {
        return GoTool.build(
                session.processes(),
                session.host(),
                t,
                launch(session, t),
                s.reproduce().cacheDirectory(),
                s.reproduce().environment(),
                s.reproduce().home(),
                work.resolve("logs").resolve("reducer"));
    }

    static String cellTitle(Trials.Cells c, String hostGoarch) {
        String t = c.toolchain().label(dev.m1go.host.Arch.parse(hostGoarch).orElseThrow());
        return t + " " + c.target() + " " + c.runner().name();
    }
}
