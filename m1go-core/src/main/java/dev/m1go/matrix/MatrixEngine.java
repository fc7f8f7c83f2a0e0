package dev.m1go.matrix;

import dev.m1go.cases.ReproCase;
import dev.m1go.cases.Variant;
import dev.m1go.classify.Classifier;
import dev.m1go.core.FileTrees;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.host.Host;
import dev.m1go.runner.Runner;
import dev.m1go.toolchain.CCompilers;
import dev.m1go.toolchain.Launcher;
import dev.m1go.toolchain.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plans the cells, builds each (case, toolchain, target, build variant) once, runs every cell through its runner on
 * {@code threads} workers, classifies each run, compares it with the case's expectation and hands every result to
 * the listener as soon as it is known. This class plans and schedules; what one cell's runs are and mean once its
 * build is done is {@link CellRun}'s part.
 */
public final class MatrixEngine {

    private final Host host;
    private final ProcessRunner processes;
    private final Classifier classifier;
    private final CCompilers compilers;
    private final Launcher launcher;

    public MatrixEngine(
            Host host, ProcessRunner processes, Classifier classifier, CCompilers compilers, Launcher launcher) {
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
        if (c.unit() != null && c.unit().test()) {
            java.util.Optional<String> unsupported = c.unit().run().unsupportedBy(t.goVersion());
            if (unsupported.isPresent()) {
                return unsupported.get();
            }
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
                return "no C compiler for the case's " + Builder.libraryArch(c.library(), target.arch()) + " library: "
                        + lib.missing();
            }
        }
        return null;
    }

    /**
     * Runs the plan. Results reach the listener as they finish; the returned list is in report order. Cells that m1go
     * did not finish measuring (it was stopping, their build ran out of time) reach only the listener, through
     * {@link MatrixListener#notMeasured}, and are not in the list.
     *
     * <p>Each (case, toolchain, target, build variant, link mode) is built once (or taken from the build cache) and
     * its cells run as soon as that build is done, cheapest first (see {@link Rank}); builds by a toolchain that itself
     * runs translated start at once on a lane of their own that never takes every worker.
     *
     * @throws IOException when m1go itself cannot write its files (not when a build or run fails: those are results)
     */
    public List<CellResult> run(MatrixRequest request, List<PlannedCell> plan, MatrixListener listener)
            throws IOException, InterruptedException {
        Files.createDirectories(request.outputDirectory());
        for (ReproCase c : request.cases()) {
            Path dir = request.layout().caseSources(c.id());
            FileTrees.delete(dir);
            c.writeTo(dir);
        }
        listener.planned(plan);
        BuildCache cache =
                new BuildCache(request.cacheDirectory(), request.cacheMaxBytes(), java.time.Clock.systemUTC());
        Builder builder = new Builder(request, processes, classifier, compilers, launcher, host, cache);
        CellRun cellRun = new CellRun(request, processes, classifier, compilers, launcher, host);
        List<CellResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        Object listenerLock = new Object();
        java.util.function.Consumer<PlannedCell> started = p -> {
            synchronized (listenerLock) {
                listener.started(p);
            }
        };
        java.util.function.Consumer<CellResult> finish = result -> {
            results.add(result);
            synchronized (listenerLock) {
                listener.finished(result, done.incrementAndGet(), plan.size());
            }
        };

        java.util.function.BiConsumer<PlannedCell, String> notMeasured = (p, reason) -> {
            synchronized (listenerLock) {
                listener.notMeasured(new NotMeasured(p.key(), reason), done.incrementAndGet(), plan.size());
            }
        };

        Map<String, List<PlannedCell>> byBuild = new java.util.LinkedHashMap<>();
        WorkQueue queue = new WorkQueue(request.threads());
        try {
            for (PlannedCell p : plan) {
                if (p.skipped()) {
                    queue.submit(Rank.RUN, () -> {
                        started.accept(p);
                        finish.accept(cellRun.skipped(p, p.skipReason()));
                    });
                } else {
                    byBuild.computeIfAbsent(buildKey(p), k -> new ArrayList<>()).add(p);
                }
            }
            synchronized (listenerLock) {
                listener.buildsPlanned(
                        byBuild.values().stream().map(cells -> cells.get(0)).toList(),
                        request.threads(),
                        queue.slowLimit());
            }
            // On the slow lane, the translated toolchain's builds come before the builds that compile other modules:
            // they answer the question most runs are for (translation), and once the quick work is done the idle
            // workers take the rest of the slow lane too.
            List<List<PlannedCell>> builds = new ArrayList<>(byBuild.values());
            builds.sort(Comparator.comparing(
                    (List<PlannedCell> cells) -> requiresModules(cells.get(0).reproCase())));
            for (List<PlannedCell> cells : builds) {
                PlannedCell first = cells.get(0);
                // A toolchain that itself runs translated, or a case that compiles other modules, builds for minutes
                // on a cold cache: on the slow lane, which never takes every worker while quick work waits. Builds
                // for container cells (static, and their images follow) come after the other builds, so that results
                // arrive cheapest first.
                boolean slowBuild = first.toolchain().binaryArch() != host.arch() || requiresModules(first.reproCase());
                boolean forSlowRunner = cells.stream().anyMatch(p -> p.runner().startsSlowly());
                queue.submit(
                        forSlowRunner ? Rank.SLOW_BUILD : Rank.BUILD,
                        slowBuild ? WorkQueue.Lane.SLOW : WorkQueue.Lane.ANY,
                        () -> {
                            Builder.Built built;
                            synchronized (listenerLock) {
                                listener.building(first);
                            }
                            // built() comes after the cells a build decided (skipped, not measured): a listener that
                            // waits
                            // for the work in progress at shutdown sees them all.
                            try {
                                built = builder.build(
                                        first.reproCase(),
                                        first.toolchain(),
                                        first.target(),
                                        first.variant(),
                                        first.runner().needsStaticBinary());
                                if (processes.stopping()) {
                                    cells.forEach(p -> notMeasured.accept(p, NotMeasured.STOPPING));
                                    return;
                                }
                                if (built.timedOut()) {
                                    String reason = ranOutOfTime(request, built);
                                    cells.forEach(p -> notMeasured.accept(p, reason));
                                    return;
                                }
                            } catch (Launcher.CannotLaunchException e) {
                                cells.forEach(p -> {
                                    started.accept(p);
                                    finish.accept(cellRun.skipped(p, e.getMessage()));
                                });
                                return;
                            } catch (IOException e) {
                                if (!cellRun.stoppedBy(e)) {
                                    throw e;
                                }
                                cells.forEach(p -> notMeasured.accept(p, NotMeasured.STOPPING));
                                return;
                            } finally {
                                synchronized (listenerLock) {
                                    listener.built(first);
                                }
                            }
                            // A case that gives its runs more time than the default (a build inside the run, say) may
                            // hold
                            // a worker for minutes: its runs share the lane of the translated builds.
                            boolean longRuns = first.reproCase()
                                    .timeoutOpt()
                                    .map(t -> t.compareTo(request.runTimeout()) > 0)
                                    .orElse(false);
                            for (PlannedCell p : cells) {
                                queue.submit(
                                        p.runner().startsSlowly() ? Rank.SLOW_RUN : Rank.RUN,
                                        oneAtATime(p)
                                                ? WorkQueue.Lane.ONE_AT_A_TIME
                                                : longRuns ? WorkQueue.Lane.SLOW : WorkQueue.Lane.ANY,
                                        () -> {
                                            started.accept(p);
                                            CellResult result;
                                            try {
                                                result = cellRun.result(p, built);
                                            } catch (IOException e) {
                                                if (!cellRun.stoppedBy(e)) {
                                                    throw e;
                                                }
                                                result = null;
                                            }
                                            if (result == null || processes.stopping()) {
                                                notMeasured.accept(p, NotMeasured.STOPPING);
                                            } else {
                                                finish.accept(result);
                                            }
                                        });
                            }
                        });
            }
            queue.await();
            if (processes.stopping()) {
                // Every cell is accounted for (the ones cut short as not measured), but the run did not finish: the
                // caller writes report.json as incomplete instead of completing every format.
                throw new dev.m1go.exec.StoppingException("m1go is stopping: the run was interrupted");
            }
        } finally {
            for (Runner r : request.runners()) {
                r.finish();
            }
        }
        String cacheProblem = cache.storeProblem();
        if (cacheProblem != null) {
            listener.note(cacheProblem);
        }
        try {
            cache.trim();
        } catch (IOException e) {
            // The cache stays above m1go.cacheMaxBytes until a later run can trim it; the results are unaffected.
        }
        List<CellResult> sorted = new ArrayList<>(results);
        sorted.sort(CellResult.ORDER);
        return List.copyOf(sorted);
    }

    /**
     * The order in which work is taken, cheapest first: the runs of finished builds (a cell runs as soon as its build
     * is ready; container runs, which build an image first, after the others), then builds, those for container cells
     * last. Builds by a translated toolchain keep their own lane ({@link WorkQueue.Lane#SLOW}): they start at once on
     * every worker but one. Before, slow builds came first on every worker: in the default matrix no quick native cell
     * ran while both workers sat in ten-minute builds under qemu.
     */
    private static final class Rank {
        static final int RUN = 0;
        static final int SLOW_RUN = 1;
        static final int BUILD = 2;
        static final int SLOW_BUILD = 3;
    }

    /**
     * A translated run of a module's test binary with {@code m1go.translatedTestsOneAtATime}: an emulated test binary
     * takes minutes of CPU, and two side by side starve the tests with deadlines, so such runs take turns while native
     * ones keep the other workers busy.
     */
    static boolean oneAtATime(PlannedCell p) {
        dev.m1go.cases.ModuleUnit unit = p.reproCase().unit();
        return unit != null
                && unit.test()
                && unit.run().translatedTestsOneAtATime()
                && p.runner().translates(p.target().arch());
    }

    /**
     * True when a case's own go.mod requires other modules (a C library's amalgamation, a pure-Go port of one): its
     * build compiles them from source, minutes on a cold cache. A module-mode unit's dependencies are the user's:
     * they count too.
     */
    public static boolean requiresModules(ReproCase c) {
        if (c.unit() != null) {
            return true;
        }
        byte[] mod = c.files().get("go.mod");
        return mod != null
                && java.util.regex.Pattern.compile("(?m)^\\s*require\\b")
                        .matcher(new String(mod, java.nio.charset.StandardCharsets.UTF_8))
                        .find();
    }

    /** Why the cells of a build that ran out of time have no outcome, naming the limit and where its log is. */
    private static String ranOutOfTime(MatrixRequest request, Builder.Built built) {
        // One text for every build of the same kind, so that a report groups them.
        BuildInfo b = built.info();
        return "the build ran out of time: m1go.buildTimeoutSeconds="
                + request.buildTimeout().toSeconds() + " s"
                + (b.retried() == null ? "" : " (twice: a translated go command may stall, so it was run again)")
                + "; nothing was measured. On a loaded machine or a cold cache under translation, raise "
                + "m1go.buildTimeoutSeconds (each build's output is under logs/build/)";
    }

    /** The build a cell's binary comes from: cells with the same key share one build. */
    public static String buildKey(PlannedCell p) {
        return p.reproCase().id() + "|" + p.toolchain().key() + "|"
                + Builder.buildSlug(p.target(), p.variant(), p.runner().needsStaticBinary());
    }
}
