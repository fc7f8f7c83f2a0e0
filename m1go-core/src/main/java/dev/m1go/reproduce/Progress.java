package dev.m1go.reproduce;

import dev.m1go.classify.Verdict;
import dev.m1go.core.Log;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.MatrixListener;
import dev.m1go.matrix.PlannedCell;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Feedback during a long matrix: each cell's progress line gains the elapsed time and an ETA computed from the cells
 * that ran so far, and while a step runs for longer than {@link #QUIET} without any line, a heartbeat names it
 * ({@code … still running after 1m05s: c-abort go1.19.8 linux/arm64 qemu for 25 s; 12/96 cells done}).
 */
public final class Progress implements MatrixListener, AutoCloseable {

    /** Silence after which a heartbeat line is printed. */
    public static final Duration QUIET = Duration.ofSeconds(10);
    /** The longest silence between two heartbeats of a step that goes on and on (a stress cell, a cold build). */
    public static final Duration QUIET_MAX = Duration.ofSeconds(60);

    private MatrixListener inner = new MatrixListener() {
        @Override
        public void finished(CellResult result, int done, int total) {}
    };
    private final Log log;
    private final Clock clock;
    private final Instant start;
    /**
     * What each worker thread does (a cell's run, or a build: "building c-abort go1.19.8 linux/arm64"), and since
     * when; the engine reports start and end of each on the same thread.
     */
    private final Map<Thread, Map.Entry<String, Instant>> running = new LinkedHashMap<>();

    private ScheduledExecutorService timer;
    private Instant lastLine;
    /** The silence the next heartbeat waits for: {@link #QUIET}, doubled after each heartbeat, {@link #QUIET_MAX} at most. */
    private Duration quiet = QUIET;

    private int total;
    private int runnable;
    private int ranDone;
    private int done;
    /**
     * The estimate's inputs: builds still to come by kind, how long each kind took so far, and the workers. The first
     * build of a toolchain for a target (and link mode) compiles the standard library into an empty cache, the next
     * ones do not: they are kinds of their own, each with a prior until one finished.
     */
    private final Kind quickFirstBuilds = new Kind(Duration.ofSeconds(10));

    private final Kind quickBuilds = new Kind(Duration.ofSeconds(1));
    private final Kind translatedFirstBuilds = new Kind(Duration.ofSeconds(120));
    private final Kind translatedBuilds = new Kind(Duration.ofSeconds(5));
    /** Builds that compile other modules from source: on the slow lane too, a minute or two each when cold. */
    private final Kind moduleBuilds = new Kind(Duration.ofSeconds(60));

    private final Kind runs = new Kind(Duration.ofSeconds(1));
    /** The (toolchain, target, link mode) groups whose first build has not finished yet. */
    private final java.util.Set<String> coldGroups = new java.util.HashSet<>();

    private int workers = 1;
    private int translatedWorkers = 1;
    /** When each worker began its current build or cell, to time it. */
    private final Map<Thread, Instant> since = new java.util.HashMap<>();

    /** One kind of work: how many are left, and the mean of those finished (a prior until one finished). */
    private static final class Kind {
        private final Duration prior;
        private int left;
        private int measured;
        private long nanos;

        Kind(Duration prior) {
            this.prior = prior;
        }

        void done(Duration took) {
            left = Math.max(0, left - 1);
            measured++;
            nanos += took.toNanos();
        }

        Duration mean() {
            return measured == 0 ? prior : Duration.ofNanos(nanos / measured);
        }

        Duration remaining() {
            return mean().multipliedBy(left);
        }
    }

    private final dev.m1go.host.Arch hostArch;

    public Progress(Log log, Clock clock) {
        this(log, clock, null);
    }

    /** @param hostArch marks a toolchain of another architecture ({@code (arm64 go)}) as the cell lines do */
    public Progress(Log log, Clock clock, dev.m1go.host.Arch hostArch) {
        this.hostArch = hostArch;
        this.log = log;
        this.clock = clock;
        this.start = clock.instant();
        this.lastLine = start;
    }

    /** This, passing every event on to {@code reports} (whose progress lines should go through {@link #line}). */
    public synchronized Progress around(MatrixListener reports) {
        this.inner = reports;
        return this;
    }

    /** Starts the heartbeat (a daemon timer); {@link #close()} stops it. */
    public Progress withHeartbeat() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "m1go-heartbeat");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::heartbeat, QUIET.toSeconds(), QUIET.toSeconds(), TimeUnit.SECONDS);
        return this;
    }

    @Override
    public synchronized void planned(List<PlannedCell> cells) {
        total = cells.size();
        runnable = (int) cells.stream().filter(c -> !c.skipped()).count();
        runs.left = runnable;
        inner.planned(cells);
    }

    @Override
    public synchronized void buildsPlanned(List<PlannedCell> builds, int workers, int translatedWorkers) {
        for (PlannedCell b : builds) {
            boolean cold = coldGroups.add(group(b));
            kind(b, cold).left++;
        }
        this.workers = Math.max(1, workers);
        this.translatedWorkers = Math.max(1, Math.min(this.workers, translatedWorkers));
        inner.buildsPlanned(builds, workers, translatedWorkers);
    }

    /** Which Go build cache (and which standard library in it) a build uses. */
    private static String group(PlannedCell b) {
        return b.toolchain().key() + " " + b.target() + (b.runner().needsStaticBinary() ? " static" : "");
    }

    private Kind kind(PlannedCell build, boolean cold) {
        if (dev.m1go.matrix.MatrixEngine.requiresModules(build.reproCase())) {
            return moduleBuilds;
        }
        boolean translated = hostArch != null && build.toolchain().binaryArch() != hostArch;
        return translated ? (cold ? translatedFirstBuilds : translatedBuilds) : (cold ? quickFirstBuilds : quickBuilds);
    }

    @Override
    public synchronized void started(PlannedCell cell) {
        since.put(Thread.currentThread(), clock.instant());
        if (!cell.skipped()) {
            running.put(Thread.currentThread(), Map.entry(cell.key().title(hostGoarch(cell)), clock.instant()));
        }
        inner.started(cell);
    }

    @Override
    public synchronized void building(PlannedCell first) {
        since.put(Thread.currentThread(), clock.instant());
        CellKey k = first.key();
        running.put(
                Thread.currentThread(),
                Map.entry(
                        "building " + k.caseId() + " " + k.toolchainLabel(hostGoarch(first)) + " " + k.target(),
                        clock.instant()));
        inner.building(first);
    }

    @Override
    public synchronized void built(PlannedCell first) {
        running.remove(Thread.currentThread());
        Instant began = since.remove(Thread.currentThread());
        if (began != null) {
            kind(first, coldGroups.remove(group(first))).done(Duration.between(began, clock.instant()));
        }
        inner.built(first);
    }

    /** The architecture a toolchain label is foreign to: the host's, or (not told) the cell's target's. */
    private String hostGoarch(PlannedCell p) {
        return (hostArch != null ? hostArch : p.target().arch()).goarch();
    }

    @Override
    public synchronized void finished(CellResult result, int done, int total) {
        running.remove(Thread.currentThread());
        Instant began = since.remove(Thread.currentThread());
        this.done = done;
        if (result.verdict() != Verdict.SKIPPED) {
            ranDone++;
            if (began != null) {
                runs.done(Duration.between(began, clock.instant()));
            }
        }
        inner.finished(result, done, total);
    }

    @Override
    public synchronized void notMeasured(dev.m1go.matrix.NotMeasured cell, int done, int total) {
        running.remove(Thread.currentThread());
        runs.left = Math.max(0, runs.left - 1);
        this.done = done;
        ranDone++;
        inner.notMeasured(cell, done, total);
    }

    @Override
    public synchronized void note(String note) {
        inner.note(note);
    }

    /** A cell's progress line, with the elapsed time and the ETA. */
    public synchronized void line(String cellLine) {
        lastLine = clock.instant();
        quiet = QUIET;
        log.info(cellLine + " · " + timing());
    }

    /** "1m05s elapsed, ETA 3m10s" (the ETA once a cell has run). */
    synchronized String timing() {
        Duration elapsed = Duration.between(start, clock.instant());
        String s = format(elapsed) + " elapsed";
        if (ranDone > 0 && runs.left > 0) {
            s += ", ETA " + format(eta());
        }
        return s;
    }

    /**
     * The time the work still to come needs: the builds left of each kind and the cells left to run, each at the mean
     * of its kind so far (a prior until one finished). The slow lane's work (builds by a translated toolchain or that
     * compile other modules) has its few workers while quick work remains, and every worker once it is done, as the
     * work queue gives them; with one worker everything waits in one line. Counting builds by kind keeps one slow kind
     * from setting the pace of the other: after a cold build under qemu, the estimate is not that every cell takes as
     * long.
     */
    synchronized Duration eta() {
        double slow = seconds(translatedFirstBuilds
                .remaining()
                .plus(translatedBuilds.remaining())
                .plus(moduleBuilds.remaining()));
        double quick = seconds(
                quickFirstBuilds.remaining().plus(quickBuilds.remaining()).plus(runs.remaining()));
        int lane = Math.min(translatedWorkers, workers);
        double t;
        if (workers <= lane) {
            t = (slow + quick) / workers;
        } else {
            double quickAlone = quick / (workers - lane);
            if (slow / lane <= quickAlone) {
                // the slow lane finishes first; then quick work has every worker
                double slowEnds = slow / lane;
                t = slowEnds + (quick - (workers - lane) * slowEnds) / workers;
            } else {
                // quick work finishes first; then the rest of the slow lane has every worker
                t = quickAlone + (slow - lane * quickAlone) / workers;
            }
        }
        return Duration.ofMillis(Math.round(t * 1000));
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    /**
     * Prints one line when nothing was printed for {@link #QUIET} and a step still runs; while nothing else is
     * printed, the next one waits twice as long, up to {@link #QUIET_MAX}.
     */
    public synchronized void heartbeat() {
        Instant now = clock.instant();
        if (running.isEmpty() || Duration.between(lastLine, now).compareTo(quiet) < 0) {
            return;
        }
        Map.Entry<String, Instant> oldest =
                running.values().stream().min(Map.Entry.comparingByValue()).orElseThrow();
        lastLine = now;
        quiet = quiet.multipliedBy(2).compareTo(QUIET_MAX) > 0 ? QUIET_MAX : quiet.multipliedBy(2);
        log.info("… still running after " + format(Duration.between(start, now)) + ": " + oldest.getKey() + " for "
                + format(Duration.between(oldest.getValue(), now))
                + (running.size() > 1 ? " (and " + (running.size() - 1) + " more)" : "") + "; " + done + "/" + total
                + " cells done");
    }

    static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        return s >= 3600
                ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format("%dm%02ds", s / 60, s % 60);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
