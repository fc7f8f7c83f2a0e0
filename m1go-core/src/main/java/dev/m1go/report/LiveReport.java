package dev.m1go.report;

import dev.m1go.classify.Verdict;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.MatrixListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Keeps {@code report.json} current while the matrix runs (an interrupted run leaves a valid file holding every cell
 * that finished) and prints one progress line per cell:
 * {@code [12/96] static-lib go1.22.12 linux/arm64 qemu ... PASS (0.41 s)}.
 */
public final class LiveReport implements MatrixListener {

    private final Path directory;
    private final Consumer<String> progress;
    private final Clock clock;
    private final List<CellResult> cells = new ArrayList<>();
    private Report report;

    public LiveReport(Path directory, Report skeleton, Consumer<String> progress, Clock clock) throws IOException {
        this.directory = directory;
        this.report = skeleton;
        this.progress = progress;
        this.clock = clock;
        JsonReport.write(directory.resolve(JsonReport.FILE), report);
    }

    @Override
    public synchronized void finished(CellResult result, int done, int total) {
        cells.add(result);
        report = report.withCells(cells, false, null);
        try {
            JsonReport.write(directory.resolve(JsonReport.FILE), report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + directory.resolve(JsonReport.FILE), e);
        }
        progress.accept(progressLine(result, done, total, report.host().arch()));
    }

    static String progressLine(CellResult c, int done, int total, String hostArch) {
        int width = Integer.toString(total).length();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "[%" + width + "d/%d] ", done, total));
        sb.append(c.key().title(hostArch)).append(" ... ").append(Symbols.words(c));
        if (c.verdict() == Verdict.SKIPPED) {
            sb.append(" (").append(c.reason()).append(')');
        } else {
            sb.append(String.format(Locale.ROOT, " (%.2f s)", c.durationMillis() / 1000.0));
        }
        if (c.verdict() == Verdict.UNEXPECTED || c.verdict() == Verdict.FLAKY) {
            sb.append(' ').append(c.verdict()).append(": expected ").append(c.expected());
        }
        return sb.toString();
    }

    /** Writes every format with the final cell list. */
    public synchronized Report complete(List<CellResult> all) throws IOException {
        report = report.withCells(all, true, clock.instant().toString());
        Reports.writeAll(directory, report);
        return report;
    }

    public synchronized Report current() {
        return report;
    }
}
