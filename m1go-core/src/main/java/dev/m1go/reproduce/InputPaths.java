package dev.m1go.reproduce;

import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.RunResult;
import dev.m1go.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The paths an input report of {@code m1go:merge} names (each cell's build and run logs and its binary), confined to
 * that report's own directory. The merged report.md, report.html and JUnit file quote the logs and link to them, so a
 * path that leads out of the directory (absolute, through {@code ..}, or through a symbolic link on the way) is
 * dropped, and so is one that names anything but a regular file (a FIFO would block the reader for ever, a device
 * would not end). A note names the input, the cell and the field of each path dropped. A path to a file that is not
 * there (the logs were not copied along) stays: nothing is read from it.
 */
final class InputPaths {

    /** At most this many dropped paths are listed in the note; the rest are counted. */
    static final int LISTED = 10;

    private final Path file;
    private final Path directory;
    private final Path realDirectory;
    private final Map<String, String> verdicts = new HashMap<>();
    private final List<String> dropped = new ArrayList<>();

    private InputPaths(Path file) throws IOException {
        this.file = file;
        this.directory = file.toAbsolutePath().normalize().getParent();
        this.realDirectory = directory.toRealPath();
    }

    /**
     * A report with its paths confined.
     *
     * @param note what was dropped, naming the input, each cell and field; {@code null} when nothing was
     */
    record Confined(Report report, String note) {
        Confined {
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * The report read from {@code file} with every path that leads outside its directory or to no regular file set to
     * {@code null}, and a note naming them when there were any (also among the report's notes).
     */
    static Confined confine(Report report, Path file) throws IOException {
        InputPaths paths = new InputPaths(Objects.requireNonNull(file, "file"));
        List<CellResult> cells = new ArrayList<>();
        for (CellResult c : report.cells()) {
            cells.add(paths.confine(c, c.key().titleWithHost(report.hostArchOf(c))));
        }
        if (paths.dropped.isEmpty()) {
            return new Confined(report, null);
        }
        String note = paths.note();
        List<String> notes = new ArrayList<>(report.notes());
        notes.add(note);
        return new Confined(
                report.withCells(cells, report.complete(), report.finishedAt()).withNotes(notes), note);
    }

    private CellResult confine(CellResult c, String title) {
        if (c.build() != null) {
            check(title, "build.binary", c.build().binary());
            check(title, "build.stdoutLog", c.build().stdoutLog());
            check(title, "build.stderrLog", c.build().stderrLog());
        }
        for (int i = 0; i < c.runs().size(); i++) {
            RunResult r = c.runs().get(i);
            check(title, "runs[" + i + "].stdoutLog", r.stdoutLog());
            check(title, "runs[" + i + "].stderrLog", r.stderrLog());
        }
        return c.measuredOn(c.key().host(), p -> verdicts.getOrDefault(p, "").isEmpty() ? p : null);
    }

    private void check(String title, String field, String path) {
        if (path == null) {
            return;
        }
        String why = verdicts.computeIfAbsent(path, this::why);
        if (!why.isEmpty()) {
            dropped.add(title + ": " + field + " '" + path + "' " + why);
        }
    }

    /** Why a path may not be read, or "" when it may. */
    private String why(String path) {
        Path lexical;
        try {
            lexical = directory.resolve(path).normalize();
        } catch (InvalidPathException e) {
            return "is not a path";
        }
        if (!lexical.startsWith(directory)) {
            return "lies outside " + directory;
        }
        try {
            if (Files.exists(lexical)) {
                Path real = lexical.toRealPath();
                if (!real.startsWith(realDirectory)) {
                    return "leads outside " + directory + " through a symbolic link";
                }
                return Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) ? "" : "is not a regular file";
            }
            if (Files.isSymbolicLink(lexical)) {
                return "is a symbolic link to nothing";
            }
            Path existing = lexical.getParent();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null && !existing.toRealPath().startsWith(realDirectory)) {
                return "leads outside " + directory + " through the symbolic link " + existing;
            }
            return "";
        } catch (IOException e) {
            return "cannot be resolved (" + e.getMessage() + ")";
        }
    }

    private String note() {
        StringBuilder note = new StringBuilder("m1go.inputs: " + file + " names ")
                .append(dropped.size() == 1 ? "a path" : dropped.size() + " paths")
                .append(" outside its own directory or of no regular file; the merged report neither quotes nor "
                        + "links them: ");
        note.append(String.join("; ", dropped.subList(0, Math.min(LISTED, dropped.size()))));
        if (dropped.size() > LISTED) {
            note.append("; and ").append(dropped.size() - LISTED).append(" more");
        }
        return note.append('.').toString();
    }
}
