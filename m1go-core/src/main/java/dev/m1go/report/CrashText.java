package dev.m1go.report;

import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The crash text of a failing cell, read from its log files (paths relative to the report directory). Reads are
 * bounded: at most {@value #MAX_BYTES} bytes of each file, however large the log grew.
 */
public final class CrashText {

    public static final int MAX_BYTES = 64 * 1024;
    static final int MAX_LINE = 240;

    private CrashText() {}

    /** The log that decided a cell: a failed build's stderr, else the first run with the cell's outcome. */
    public static List<String> logs(CellResult c) {
        List<String> logs = new ArrayList<>();
        if (c.build() != null && c.build().outcome() != dev.m1go.classify.Outcome.PASS) {
            add(logs, c.build().stderrLog());
            add(logs, c.build().stdoutLog());
            return logs;
        }
        RunResult deciding = c.runs().stream()
                .filter(r -> r.outcome() == c.outcome())
                .findFirst()
                .orElse(c.runs().isEmpty() ? null : c.runs().get(0));
        if (deciding != null) {
            add(logs, deciding.stderrLog());
            add(logs, deciding.stdoutLog());
        }
        return logs;
    }

    private static void add(List<String> logs, String path) {
        if (path != null && !path.isBlank()) {
            logs.add(path);
        }
    }

    /**
     * The first {@code maxLines} lines of the deciding logs (stderr before stdout), each cut to {@value #MAX_LINE}
     * characters, ending after the first goroutine of a Go crash report (the one that crashed); empty when no log can
     * be read. A cut says where the full log is.
     */
    public static String of(Path directory, CellResult c, int maxLines) {
        return new Reader(directory).text(logs(c), maxLines);
    }

    /**
     * Reads the logs under one report directory, each file once (the first {@value #MAX_BYTES} bytes are kept for
     * every later quote of it).
     */
    static final class Reader {
        private final Path directory;
        private final Map<String, String> heads = new HashMap<>();

        Reader(Path directory) {
            this.directory = directory;
        }

        Path directory() {
            return directory;
        }

        /** As {@link CrashText#of(Path, CellResult, int)}, over the given logs (relative paths) in order. */
        synchronized String text(List<String> logs, int maxLines) {
            if (directory == null) {
                return "";
            }
            StringBuilder out = new StringBuilder();
            int lines = 0;
            for (String log : logs) {
                String text = heads.computeIfAbsent(log, l -> head(directory.resolve(l)));
                if (text.isBlank()) {
                    continue;
                }
                List<String> all = text.strip().lines().toList();
                boolean inGoroutine = false;
                for (String line : all) {
                    if (line.startsWith("goroutine ") && line.endsWith(":")) {
                        if (inGoroutine) {
                            out.append("… (other goroutines left out; full log: ")
                                    .append(log)
                                    .append(")\n");
                            return out.toString();
                        }
                        inGoroutine = true;
                    }
                    if (lines == maxLines) {
                        out.append("… (cut; full log: ").append(log).append(")\n");
                        return out.toString();
                    }
                    out.append(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " …" : line)
                            .append('\n');
                    lines++;
                }
                if (text.length() >= MAX_BYTES - 4) {
                    out.append("… (cut; full log: ").append(log).append(")\n");
                    return out.toString();
                }
            }
            return out.toString();
        }
    }

    /** At most {@value #MAX_BYTES} bytes of a file as UTF-8 (a broken last character is dropped); "" if unreadable. */
    static String head(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES);
            String s = new String(bytes, StandardCharsets.UTF_8);
            return s.endsWith("\uFFFD") ? s.substring(0, s.length() - 1) : s;
        } catch (IOException e) {
            return "";
        }
    }
}
