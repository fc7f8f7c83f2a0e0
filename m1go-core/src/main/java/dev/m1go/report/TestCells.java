package dev.m1go.report;

import dev.m1go.classify.Outcome;
import dev.m1go.core.Plural;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.RunResult;
import dev.m1go.matrix.TestResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Go tests of a module-mode test cell as report.md and report.html show them: how many passed, failed and were
 * skipped; each failing and skipped test with the first line of its reason; each failing test's own output, bounded;
 * and the log that holds the test binary's output (its stdout). All of it comes from the cell's per-test results
 * (test2json's events, kept in report.json), so a report read back from report.json shows the same.
 */
final class TestCells {

    /** Failing tests whose output a failure excerpt quotes. */
    static final int MAX_TESTS = 5;
    /** Lines of one test's output a failure excerpt quotes: the first {@value #HEAD_LINES} and the last ones. */
    static final int MAX_LINES = 12;

    static final int HEAD_LINES = 3;
    /** Failing tests named in a cluster's signature. */
    static final int SIGNATURE_TESTS = 5;

    static final int MAX_REASON = 160;

    /** {@code    store_test.go:27: message}: where a t.Log, t.Error, t.Fatal or t.Skip entry starts. */
    private static final Pattern ENTRY = Pattern.compile("^\\s*[^\\s:]+\\.go:\\d+: ");
    /** Lines the testing package writes around a test's own output. */
    private static final Pattern FRAMING =
            Pattern.compile("^\\s*(=== (RUN|PAUSE|CONT|NAME)(\\s|$)|--- (PASS|FAIL|SKIP): )");

    /** Failing or skipped tests listed per cell before the rest is counted. */
    static final int MAX_LISTED = 6;

    /** A test and the first line of its reason (empty when its output gives none). */
    record Listed(String name, String reason) {}

    /** Test cells whose tests came out alike: the same counts, the same failing and skipped tests and reasons. */
    record Row(List<CellResult> cells, String counts, List<Listed> failed, List<Listed> skipped) {}

    private TestCells() {}

    /** {@code 11 tests: 4 passed, 4 failed, 3 skipped}. */
    static String counts(CellResult c) {
        long passed =
                c.tests().stream().filter(t -> t.outcome() == Outcome.PASS).count();
        long skipped =
                c.tests().stream().filter(t -> t.outcome() == Outcome.SKIPPED).count();
        long failed = c.tests().stream().filter(TestResult::failed).count();
        return Plural.of(c.tests().size(), "test") + ": " + passed + " passed, " + failed + " failed, " + skipped
                + " skipped";
    }

    /** The test cells among {@code cells} (those with per-test results), alike ones in one row, in order. */
    static List<Row> rows(List<CellResult> cells) {
        Map<List<Object>, Row> rows = new LinkedHashMap<>();
        for (CellResult c : cells) {
            if (c.tests().isEmpty()) {
                continue;
            }
            Row row = new Row(new ArrayList<>(), counts(c), failed(c), skipped(c));
            rows.computeIfAbsent(List.of(row.counts(), row.failed(), row.skipped()), k -> row)
                    .cells()
                    .add(c);
        }
        return rows.values().stream()
                .map(r -> new Row(List.copyOf(r.cells()), r.counts(), r.failed(), r.skipped()))
                .toList();
    }

    /** The failing tests, in the order they started, each with the first line of its reason. */
    static List<Listed> failed(CellResult c) {
        return c.tests().stream()
                .filter(TestResult::failed)
                .map(t -> new Listed(t.name(), failureReason(c, t)))
                .toList();
    }

    /** The skipped tests, in the order they started, each with its skip reason. */
    static List<Listed> skipped(CellResult c) {
        return c.tests().stream()
                .filter(t -> t.outcome() == Outcome.SKIPPED)
                .map(t -> new Listed(t.name(), skipReason(t)))
                .toList();
    }

    /** The names of the failing tests none of whose subtests failed (a parent fails with its subtest). */
    static List<String> failingLeaves(CellResult c) {
        List<String> failed = c.tests().stream()
                .filter(TestResult::failed)
                .map(TestResult::name)
                .toList();
        return failed.stream()
                .filter(n -> failed.stream().noneMatch(o -> o.startsWith(n + "/")))
                .toList();
    }

    /** {@code TestA, TestB +2 more}: the names sorted, at most {@value #SIGNATURE_TESTS}; empty for none. */
    static String signatureTests(List<String> names) {
        List<String> sorted = names.stream().sorted().toList();
        String shown = String.join(", ", sorted.subList(0, Math.min(SIGNATURE_TESTS, sorted.size())));
        return sorted.size() > SIGNATURE_TESTS ? shown + " +" + (sorted.size() - SIGNATURE_TESTS) + " more" : shown;
    }

    /**
     * The logs of a test cell: its first run's stdout, where a test binary writes every test's output; and, when the
     * run crashed (an outcome other than {@code EXIT_NONZERO}), its stderr, where the crash report is.
     */
    static List<String> logs(CellResult c) {
        List<String> logs = new ArrayList<>();
        if (c.runs().isEmpty()) {
            return logs;
        }
        RunResult first = c.runs().get(0);
        if (first.stdoutLog() != null && !first.stdoutLog().isBlank()) {
            logs.add(first.stdoutLog());
        }
        if (crashed(c) && first.stderrLog() != null && !first.stderrLog().isBlank()) {
            logs.add(first.stderrLog());
        }
        return logs;
    }

    /** The run ended in something other than a plain failing exit: a crash report is on stderr. */
    static boolean crashed(CellResult c) {
        return c.outcome() != Outcome.EXIT_NONZERO && c.outcome() != Outcome.PASS && c.outcome() != Outcome.SKIPPED;
    }

    /** Whether the cell has failing tests with output to quote ({@link #excerpt}). */
    static boolean hasExcerpt(CellResult c) {
        return !quoted(c).isEmpty();
    }

    /**
     * Each failing test's own output, in the order the tests started: a {@code --- FAIL: TestX (0.03s)} line, then the
     * test's lines without the testing package's framing, at most {@value #MAX_LINES} (the first {@value #HEAD_LINES}
     * and the last, which hold the failure), for at most {@value #MAX_TESTS} tests; a note says what was left out and
     * where the full text is. A parent that failed only through its subtests is left to them.
     */
    static String excerpt(CellResult c) {
        List<TestResult> quoted = quoted(c);
        List<String> logs = logs(c);
        String log = logs.isEmpty() ? "report.json" : logs.get(0);
        StringBuilder out = new StringBuilder();
        for (TestResult t : quoted.subList(0, Math.min(MAX_TESTS, quoted.size()))) {
            out.append(resultLine(t)).append('\n');
            List<String> lines = ownLines(t);
            if (lines.size() <= MAX_LINES) {
                lines.forEach(l -> out.append(cut(l, CrashText.MAX_LINE)).append('\n'));
                continue;
            }
            int tail = MAX_LINES - HEAD_LINES - 1;
            lines.subList(0, HEAD_LINES)
                    .forEach(l -> out.append(cut(l, CrashText.MAX_LINE)).append('\n'));
            out.append("    … ")
                    .append(lines.size() - HEAD_LINES - tail)
                    .append(" lines left out (full log: ")
                    .append(log)
                    .append(")\n");
            lines.subList(lines.size() - tail, lines.size())
                    .forEach(l -> out.append(cut(l, CrashText.MAX_LINE)).append('\n'));
        }
        if (quoted.size() > MAX_TESTS) {
            out.append("… ")
                    .append(Plural.of(quoted.size() - MAX_TESTS, "more failing test"))
                    .append(" (every test's output is in report.json; full log: ")
                    .append(log)
                    .append(")\n");
        }
        return out.toString();
    }

    /**
     * The test's own {@code --- FAIL: TestX (0.03s)} line; made up from its result when its output has none (a test
     * the binary died in has none, or has it without test2json's {@code fail} event after it).
     */
    private static String resultLine(TestResult t) {
        if (t.output() != null) {
            String prefix = "--- FAIL: " + t.name() + " (";
            for (String line : t.output().lines().map(String::strip).toList()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }
        return t.action().equals("fail")
                ? String.format(Locale.ROOT, "--- FAIL: %s (%.2fs)", t.name(), t.elapsedSeconds())
                : "--- " + t.name() + ": " + t.outcome() + ", no result (the binary died while it ran)";
    }

    /** The failing tests an excerpt quotes: those none of whose subtests failed, and those with output of their own. */
    private static List<TestResult> quoted(CellResult c) {
        List<String> leaves = failingLeaves(c);
        return c.tests().stream()
                .filter(TestResult::failed)
                .filter(t -> leaves.contains(t.name()) || !ownLines(t).isEmpty())
                .toList();
    }

    /** The test's output without the {@code === RUN}, {@code --- FAIL} … lines and blank lines. */
    static List<String> ownLines(TestResult t) {
        if (t.output() == null) {
            return List.of();
        }
        return t.output()
                .lines()
                .map(String::stripTrailing)
                .filter(l -> !l.isBlank() && !FRAMING.matcher(l).find())
                .toList();
    }

    /**
     * Why a test failed, on one line: for the test a crash happened in, its outcome and the crash report's first
     * line; else the last {@code file.go:NN:} entry of its output (t.Fatal ends a test; t.Error comes after what it
     * logged); else, for a parent, its failing subtests; else its last line of output.
     */
    static String failureReason(CellResult c, TestResult t) {
        List<String> lines = ownLines(t);
        if (t.outcome() != Outcome.EXIT_NONZERO) {
            String what = t.outcome() + (t.outcome() == c.outcome() && c.signal() != null ? " " + c.signal() : "");
            List<String> header = c.diagnosis().header();
            String first = header.isEmpty() || t.outcome() != c.outcome()
                    ? null
                    : header.get(0).strip();
            return cut(what + (first == null || first.isEmpty() ? "" : ": " + first), MAX_REASON);
        }
        String entry = lastEntry(lines);
        if (entry != null) {
            return entry;
        }
        List<String> subtests = c.tests().stream()
                .filter(TestResult::failed)
                .map(TestResult::name)
                .filter(n -> n.startsWith(t.name() + "/"))
                .toList();
        if (!subtests.isEmpty()) {
            return "failed through " + (subtests.size() == 1 ? "its subtest " : "its subtests ")
                    + signatureTests(subtests);
        }
        return lines.isEmpty() ? "" : cut(lines.get(lines.size() - 1).strip(), MAX_REASON);
    }

    /**
     * Why a test was skipped: the last {@code file.go:NN:} entry of its output ({@code t.Skip}'s message), or, for a
     * test without a result, m1go's note on it.
     */
    static String skipReason(TestResult t) {
        List<String> lines = ownLines(t);
        if (!t.action().equals("skip") && !lines.isEmpty()) {
            return cut(lines.get(lines.size() - 1).strip(), MAX_REASON);
        }
        String entry = lastEntry(lines);
        return entry != null
                ? entry
                : lines.isEmpty() ? "" : cut(lines.get(lines.size() - 1).strip(), MAX_REASON);
    }

    private static String lastEntry(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (ENTRY.matcher(lines.get(i)).find()) {
                return cut(lines.get(i).strip(), MAX_REASON);
            }
        }
        return null;
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) + " …" : s;
    }
}
