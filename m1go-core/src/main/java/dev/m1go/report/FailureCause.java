package dev.m1go.report;

import dev.m1go.binary.CFrame;
import dev.m1go.classify.Outcome;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.RunResult;
import dev.m1go.matrix.TestResult;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Why a cell failed, in one line, and where its log is: what a failure message quotes for each cell, as surefire
 * quotes each assertion. The line is the first failing test's own message (module mode), the crash header and the C
 * function it crashed in, or the last line the program wrote before it exited; read from the end of the log, at most
 * {@value #TAIL_BYTES} bytes of it.
 */
public final class FailureCause {

    static final int TAIL_BYTES = 16 * 1024;
    static final int MAX_LENGTH = 200;
    /** Lines that frame output rather than say anything: test2json's framing, the go command's exit line. */
    private static final Pattern FRAMING = Pattern.compile(
            "^\\s*(=== (RUN|PAUSE|CONT|NAME)|--- (FAIL|PASS|SKIP)|FAIL$|FAIL\\s|PASS$|ok\\s|exit status \\d+$).*");

    private FailureCause() {}

    /** The cause of a cell that did not go as expected, or null when nothing says more than its outcome. */
    public static String of(Path directory, CellResult c) {
        if (c.build() != null && c.build().outcome() != Outcome.PASS) {
            return c.diagnosis().summary() == null ? null : cut(c.diagnosis().summary());
        }
        for (TestResult t : c.tests()) {
            if (t.failed()) {
                String line = firstMeaningful(t.output());
                return cut(t.name() + (line == null ? " failed" : ": " + line));
            }
        }
        if (!c.diagnosis().header().isEmpty()) {
            String crashed = c.runs().stream()
                    .map(RunResult::cFrames)
                    .map(CFrame::crashedIn)
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElse(null);
            return cut(c.diagnosis().header().get(0) + (crashed == null ? "" : "; " + crashed));
        }
        for (String log : CrashText.logs(c)) {
            String line = lastMeaningful(directory.resolve(log));
            if (line != null) {
                return cut(line);
            }
        }
        return c.diagnosis().summary() == null ? null : cut(c.diagnosis().summary());
    }

    /** The log that holds the cause (a failed build's, else the deciding run's; stderr unless it is empty). */
    public static Path log(Path directory, CellResult c) {
        List<String> logs = CrashText.logs(c);
        for (String log : logs) {
            Path p = directory.resolve(log);
            try {
                if (Files.size(p) > 0) {
                    return p;
                }
            } catch (IOException e) {
                // not there: the next one
            }
        }
        return logs.isEmpty() ? null : directory.resolve(logs.get(0));
    }

    private static String firstMeaningful(String output) {
        if (output == null) {
            return null;
        }
        return output.lines()
                .filter(l -> !l.isBlank() && !FRAMING.matcher(l).matches())
                .map(String::strip)
                .findFirst()
                .orElse(null);
    }

    /** The last line of the file that says something, read from its last {@value #TAIL_BYTES} bytes. */
    static String lastMeaningful(Path file) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            long from = Math.max(0, length - TAIL_BYTES);
            byte[] tail = new byte[(int) (length - from)];
            f.seek(from);
            f.readFully(tail);
            List<String> lines =
                    new String(tail, StandardCharsets.UTF_8).lines().toList();
            for (int i = lines.size() - 1; i >= (from > 0 ? 1 : 0); i--) { // a cut first line is not a line
                String l = lines.get(i);
                if (!l.isBlank() && !FRAMING.matcher(l).matches()) {
                    return l.strip();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String cut(String line) {
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
    }
}
