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
    private int writtenCells = -1;
    private final List<String> finalFiles = new ArrayList<>();

    public LiveReport(Path directory, Report skeleton, Consumer<String> progress, Clock clock) throws IOException {
        this.directory = directory;
        this.report = skeleton;
        this.progress = progress;
        this.clock = clock;
        JsonReport.write(directory.resolve(JsonReport.FILE), report);
        writtenCells = 0;
    }

    @Override
    public synchronized void finished(CellResult result, int done, int total) {
        cells.add(result);
        report = report.withCells(cells, false, null);
        try {
            JsonReport.write(directory.resolve(JsonReport.FILE), report);
            writtenCells = cells.size();
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
        java.nio.file.Files.createDirectories(directory);
        for (ReportFormat f : Reports.all()) {
            f.write(directory, report);
            finalFiles.add(f.file());
            if (f.file().equals(JsonReport.FILE)) {
                writtenCells = all.size();
            }
        }
        return report;
    }

    /** What this run has written so far, in words: for the message of an error that stops it. */
    public synchronized String written() {
        if (finalFiles.contains(JsonReport.FILE)) {
            List<String> missing = Reports.all().stream().map(ReportFormat::file)
                    .filter(f -> !finalFiles.contains(f)).toList();
            return JsonReport.FILE + " holds all " + writtenCells + " cells of the finished run"
                    + (missing.isEmpty() ? " and every other report was written"
                    : "; written: " + String.join(", ", finalFiles) + "; not written: " + String.join(", ", missing));
        }
        if (writtenCells < 0) {
            return "no report was written";
        }
        return JsonReport.FILE + " holds the " + writtenCells + " cell(s) that finished before the error, marked "
                + "incomplete (\"complete\": false); no other report was written";
    }

    public synchronized Report current() {
        return report;
    }
}
