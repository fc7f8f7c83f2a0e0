package dev.m1go.report;

import dev.m1go.classify.Verdict;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.MatrixListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Keeps {@code report.json} current while the matrix runs and prints one progress line per cell:
 * {@code [12/96] static-lib go1.22.12 linux/arm64 qemu ... PASS (0.41 s)}, with {@code (cached build)} when its binary
 * came from the build cache.
 *
 * <p>report.json is written at a bounded rate: at once when the last write is {@link #INTERVAL} old, else once that
 * interval has passed, so a large matrix of quick cells does not serialise the whole report (and its clusters) after
 * every cell. When the run ends early (an error, Ctrl-C), {@link #close} writes what is pending: an interrupted run
 * leaves a valid file holding every cell that finished, marked incomplete. {@link #complete} writes every format
 * once, from the final report.
 */
public final class LiveReport implements MatrixListener, AutoCloseable {

    /** The shortest time between two writes of report.json while the run goes. */
    public static final Duration INTERVAL = Duration.ofSeconds(1);

    /** Runs a task later, on another thread. */
    interface Scheduler {
        void schedule(Duration delay, Runnable task);

        void close();
    }

    /** Writes report.json. */
    @FunctionalInterface
    interface JsonWriter {
        void write(Path file, Report report) throws IOException;
    }

    private final Path directory;
    private final Report skeleton;
    private final Consumer<String> progress;
    private final Clock clock;
    private final Duration interval;
    private final Scheduler scheduler;
    private final JsonWriter json;
    private final Thread shutdownHook;
    private final List<CellResult> cells = new ArrayList<>();
    private final List<dev.m1go.matrix.NotMeasured> notMeasured = new ArrayList<>();
    /** Notes about the run itself the engine reported ({@link #note}), added after the report's own. */
    private final List<String> runNotes = new ArrayList<>();
    /**
     * The worker threads inside a build, and those inside a cell's run, right now: at shutdown, the flush waits a
     * moment for both to empty. A build's cells that it decided (not measured, skipped) are reported before its end.
     */
    private final java.util.Set<Thread> building = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final java.util.Set<Thread> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private long lastWrite;
    private boolean dirty;
    private boolean pending;
    private boolean done;
    private UncheckedIOException failed;
    /** How many cells the report.json on disk holds; -1 before the first write. */
    private int writtenCells = -1;
    /** The formats of the final report written so far. */
    private final List<String> finalFiles = new ArrayList<>();

    private final java.util.concurrent.atomic.AtomicLong writingNanos = new java.util.concurrent.atomic.AtomicLong();

    public LiveReport(Path directory, Report skeleton, Consumer<String> progress, Clock clock) throws IOException {
        this(directory, skeleton, progress, clock, INTERVAL, daemonScheduler(), JsonReport::write, true);
    }

    LiveReport(
            Path directory,
            Report skeleton,
            Consumer<String> progress,
            Clock clock,
            Duration interval,
            Scheduler scheduler,
            JsonWriter json,
            boolean flushOnShutdown)
            throws IOException {
        this.directory = directory;
        this.skeleton = skeleton;
        this.progress = progress;
        this.clock = clock;
        this.interval = interval;
        this.scheduler = scheduler;
        this.json = json;
        writeJson();
        this.shutdownHook = flushOnShutdown ? new Thread(this::flushQuietly, "m1go-report-flush") : null;
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    @Override
    public void building(dev.m1go.matrix.PlannedCell first) {
        building.add(Thread.currentThread());
    }

    @Override
    public void built(dev.m1go.matrix.PlannedCell first) {
        building.remove(Thread.currentThread());
    }

    @Override
    public void started(dev.m1go.matrix.PlannedCell cell) {
        running.add(Thread.currentThread());
    }

    @Override
    public synchronized void finished(CellResult result, int done, int total) {
        running.remove(Thread.currentThread());
        if (failed != null) {
            throw failed;
        }
        cells.add(result);
        changed();
        progress.accept(progressLine(result, done, total, skeleton.host().arch()));
    }

    /** Called with the lock held after a change: writes report.json now, or once {@link #interval} has passed. */
    private void changed() {
        dirty = true;
        long since = clock.millis() - lastWrite;
        if (since >= interval.toMillis()) {
            write();
        } else if (!pending) {
            pending = true;
            scheduler.schedule(Duration.ofMillis(interval.toMillis() - since), this::delayed);
        }
    }

    /** A cell cut short: kept apart from the cells, written like one, and its line says why. */
    @Override
    public synchronized void notMeasured(dev.m1go.matrix.NotMeasured cell, int done, int total) {
        running.remove(Thread.currentThread());
        if (failed != null) {
            throw failed;
        }
        notMeasured.add(cell);
        changed();
        progress.accept(counter(done, total) + cell.key().title(skeleton.host().arch()) + " ... not measured: "
                + cell.reason());
    }

    @Override
    public synchronized void note(String note) {
        runNotes.add(note);
        progress.accept("m1go: " + note);
    }

    /** The cells not measured so far. */
    public synchronized List<dev.m1go.matrix.NotMeasured> notMeasured() {
        return List.copyOf(notMeasured);
    }

    private synchronized void delayed() {
        pending = false;
        if (dirty && !this.done) {
            try {
                write();
            } catch (UncheckedIOException e) {
                failed = e;
            }
        }
    }

    private void write() {
        try {
            writeJson();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + directory.resolve(JsonReport.FILE), e);
        }
    }

    private void writeJson() throws IOException {
        long t0 = System.nanoTime();
        json.write(directory.resolve(JsonReport.FILE), current());
        writingNanos.addAndGet(System.nanoTime() - t0);
        writtenCells = cells.size();
        lastWrite = clock.millis();
        dirty = false;
    }

    /** {@code [ 12/96] }: how many cells are done, padded to the width of the total. */
    private static String counter(int done, int total) {
        return String.format(Locale.ROOT, "[%" + Integer.toString(total).length() + "d/%d] ", done, total);
    }

    /**
     * {@code " (run 0.51 s, build 3.20 s)"}: the runs and the build apart, since one build serves every runner of its
     * target; a binary from the build cache has no build time of this run, a failed build no run.
     */
    static String times(CellResult c) {
        boolean built = c.build() != null && !Boolean.TRUE.equals(c.build().cached());
        String build = String.format(Locale.ROOT, "build %.2f s", c.buildMillis() / 1000.0);
        if (c.runs().isEmpty()) {
            return built ? " (" + build + ")" : "";
        }
        String runs = String.format(Locale.ROOT, "run %.2f s", c.runMillis() / 1000.0);
        return " (" + runs + (built ? ", " + build : "") + ")";
    }

    static String progressLine(CellResult c, int done, int total, String hostArch) {
        StringBuilder sb = new StringBuilder(counter(done, total));
        sb.append(c.key().title(hostArch)).append(" ... ").append(Symbols.words(c));
        if (c.verdict() == Verdict.SKIPPED) {
            sb.append(" (").append(c.reason()).append(')');
        } else {
            sb.append(times(c));
        }
        if (c.build() != null && Boolean.TRUE.equals(c.build().cached())) {
            sb.append(" (cached build)");
        }
        if (c.verdict() == Verdict.UNEXPECTED || c.verdict() == Verdict.FLAKY) {
            sb.append(' ').append(c.verdict()).append(": expected ").append(c.expected());
        }
        return sb.toString();
    }

    /**
     * The final report: every cell, complete, with {@code finish} applied (the baseline comparison), every format
     * written once.
     */
    public Report complete(List<CellResult> all, UnaryOperator<Report> finish) throws IOException {
        Report report;
        synchronized (this) {
            done = true;
            report = finish.apply(
                    skeleton.withCells(all, true, clock.instant().toString()).withNotMeasured(notMeasured));
            if (!runNotes.isEmpty()) {
                List<String> notes = new ArrayList<>(report.notes());
                notes.addAll(runNotes);
                report = report.withNotes(notes);
            }
        }
        long t0 = System.nanoTime();
        Reports.writeAll(directory, report, f -> {
            synchronized (this) {
                finalFiles.add(f.file());
                if (f.file().equals(JsonReport.FILE)) {
                    writtenCells = all.size();
                }
            }
        });
        writingNanos.addAndGet(System.nanoTime() - t0);
        close();
        return report;
    }

    /** How long writing reports took so far: the live report.json and every final format (for {@code mvn -X}). */
    public Duration writing() {
        return Duration.ofNanos(writingNanos.get());
    }

    /** What this run has written so far, in words: for the message of an error that stops it. */
    public synchronized String written() {
        if (finalFiles.contains(JsonReport.FILE)) {
            List<String> missing = Reports.all().stream()
                    .map(ReportFormat::file)
                    .filter(f -> !finalFiles.contains(f))
                    .toList();
            return JsonReport.FILE + " holds all " + writtenCells + " cells of the finished run"
                    + (missing.isEmpty()
                            ? " and every other report was written"
                            : "; written: " + String.join(", ", finalFiles) + "; not written: "
                                    + String.join(", ", missing));
        }
        if (writtenCells < 0) {
            return "no report was written";
        }
        return JsonReport.FILE + " holds the " + writtenCells + " cell(s) that finished before the error, marked "
                + "incomplete (\"complete\": false); no other report was written";
    }

    /** {@link #complete} without a baseline. */
    public Report complete(List<CellResult> all) throws IOException {
        return complete(all, UnaryOperator.identity());
    }

    /** The report as it stands: the cells finished so far, incomplete. */
    public synchronized Report current() {
        return skeleton.withCells(cells, false, null).withNotMeasured(notMeasured);
    }

    /** Writes report.json if a finished cell is not in it yet (the run ended early); stops the timer. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (dirty && !done) {
                writeJson();
            }
            done = true;
        }
        scheduler.close();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs or has run: nothing to remove
            }
        }
    }

    /** How long the flush at shutdown waits for the builds and cells in progress to be reported (killed meanwhile). */
    static final Duration SETTLE = Duration.ofSeconds(3);

    /**
     * At JVM shutdown (Ctrl-C): waits up to {@link #SETTLE} while builds and cells are still in progress (the
     * processes are being killed at the same time, so each reports itself not measured), then writes what is pending.
     */
    private void flushQuietly() {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while ((!building.isEmpty() || !running.isEmpty()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        synchronized (this) {
            if (dirty && !done) {
                try {
                    writeJson();
                } catch (IOException | RuntimeException e) {
                    // the JVM is going down; the last write stands
                }
            }
        }
    }

    private static Scheduler daemonScheduler() {
        return new Scheduler() {
            private ScheduledExecutorService executor;

            @Override
            public synchronized void schedule(Duration delay, Runnable task) {
                if (executor == null) {
                    executor = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "m1go-report-writer");
                        t.setDaemon(true);
                        return t;
                    });
                }
                executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public synchronized void close() {
                if (executor != null) {
                    executor.shutdownNow();
                }
            }
        };
    }
}
