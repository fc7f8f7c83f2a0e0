package dev.m1go.report;

import dev.m1go.classify.Verdict;
import dev.m1go.core.OutputLayout;
import dev.m1go.core.Plural;
import dev.m1go.matrix.CellResult;
import dev.m1go.report.MarkdownFit.Block;
import dev.m1go.report.MarkdownFit.Detail;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code report.md}: GitHub-flavoured Markdown for issue trackers. Host fingerprint first; then what is new since the
 * baseline, the regressions, the failure clusters, module mode's failing tests and benchmarks, one table per case
 * (rows: toolchains, columns: [host ×] target × runner × variant) and each failure signature once in a
 * {@code <details>} block with its crash text.
 *
 * <p>The text always stays under {@value #LIMIT} characters (GitHub's issue-body limit), whatever the matrix size:
 * crash texts go first, then the details blocks, then whole sections; the last line says what was left out and where
 * the full results are.
 */
public final class MarkdownReport {

    public static final String FILE = OutputLayout.REPORT_MD;
    /** GitHub's limit on an issue body, in characters. */
    public static final int LIMIT = 65_536;
    /** What the renderer aims at: room under {@link #LIMIT} for the closing note. */
    static final int BUDGET = LIMIT - 2_048;

    static final int CRASH_LINES = 40;
    /** Regression lines and cluster rows shown before the rest is summed up in one line. */
    static final int MAX_LINES = 100;

    static final int MAX_CLUSTERS = 40;
    /** Rows of a case's table of tests, and cells named in one row. */
    static final int MAX_TEST_ROWS = 12;

    static final int MAX_ROW_CELLS = 6;

    private MarkdownReport() {}

    /** The Markdown of a report without crash texts (no report directory to read logs from). */
    public static String render(Report r) {
        return render(ReportView.of(r, null));
    }

    /** The Markdown of a report; crash texts are read from the logs under {@code directory}. */
    public static String render(Report r, Path directory) {
        return render(ReportView.of(r, directory));
    }

    /** The Markdown of a report: with every crash text if that fits, else without, else cut to fit. */
    public static String render(ReportView v) {
        List<Block> sections = sections(v);
        boolean anyFailure = !v.clusters().isEmpty();
        for (Detail level : Detail.values()) {
            List<Block> blocks = new ArrayList<>(sections);
            if (level != Detail.NONE) {
                details(blocks, v, level == Detail.STACKS);
            }
            if (MarkdownFit.length(blocks) <= BUDGET) {
                return MarkdownFit.join(blocks) + MarkdownFit.closing(level, anyFailure, List.of());
            }
        }
        return MarkdownFit.cut(sections, BUDGET, anyFailure);
    }

    /** Header, baseline, regressions, clusters and the case tables: everything but the failure details. */
    private static List<Block> sections(ReportView v) {
        Report r = v.report();
        List<Block> blocks = new ArrayList<>();
        StringBuilder head = new StringBuilder("# m1go matrix\n\n");
        host(head, v);
        Map<String, Map<String, Integer>> summary = v.summary();
        if (r.cells().isEmpty()) {
            head.append("**No cell was measured**")
                    .append(r.notMeasured().isEmpty() ? "" : " (see " + Answers.NOT_MEASURED_HEADING + " below)")
                    .append(r.complete() ? "" : " (run incomplete)")
                    .append("\n\n");
        } else {
            head.append("**")
                    .append(Plural.of(r.cells().size(), "cell"))
                    .append("**: ")
                    .append(counts(summary.get("verdicts")))
                    .append(" — ")
                    .append(counts(summary.get("outcomes")))
                    .append(r.complete() ? "" : " (run incomplete)")
                    .append("\n\n");
        }
        for (String note : r.notes()) {
            head.append("> ").append(escape(note)).append("\n");
        }
        if (!r.notes().isEmpty()) {
            head.append('\n');
        }
        head.append("Legend: ❗ unexpected (contradicts the case's expectation), 🎲 flaky (runs disagree)")
                .append(r.baseline() == null ? "" : ", 🆕 new since the baseline, 🩹 fixed since the baseline")
                .append(".\n\n");
        blocks.add(new Block("the header", head.toString()));
        List<String> notMeasured = Answers.notMeasured(r);
        if (!notMeasured.isEmpty()) {
            blocks.add(new Block(
                    "the section " + Answers.NOT_MEASURED_HEADING,
                    "## " + Answers.NOT_MEASURED_HEADING + " ("
                            + r.notMeasured().size() + ")\n\n" + escape(Answers.notMeasuredIntro()) + "\n\n"));
            for (String line : notMeasured) {
                blocks.add(new Block("a not-measured line", "- " + escape(line) + "\n"));
            }
            blocks.add(new Block("a blank line", "\n"));
        }
        List<String> translationOnly = Answers.translationOnly(r);
        if (translationOnly.isEmpty()) {
            blocks.add(new Block(
                    "the section " + Answers.TRANSLATION_HEADING,
                    "## " + Answers.TRANSLATION_HEADING + "\n\n" + escape(Answers.noneFailsOnlyTranslated(r))
                            + "\n\n"));
        } else {
            lines(blocks, Answers.TRANSLATION_HEADING, translationOnly, "translation-only line");
        }
        crossArchitecture(blocks, r);
        if (r.baseline() != null) {
            baseline(blocks, v);
        }
        regressions(blocks, v);
        clusters(blocks, v);
        List<String> boundaries = Answers.boundaries(r);
        if (!boundaries.isEmpty()) {
            lines(blocks, Answers.BOUNDARIES_HEADING, boundaries, "boundary line");
        }
        blocks.addAll(TestTable.markdown(r));
        blocks.addAll(BenchmarkTable.markdown(r));
        for (ReportView.CaseGrid grid : v.cases()) {
            StringBuilder md = new StringBuilder();
            md.append("## ").append(grid.id()).append("\n\n");
            if (grid.info() != null) {
                md.append(escape(flat(grid.info().description())))
                        .append(" Expected: ")
                        .append(grid.info().expect())
                        .append(".\n\n");
            }
            table(blocks, md, grid, v);
            tests(blocks, grid, v);
        }
        return blocks;
    }

    /**
     * Module mode: the tests of a case's test cells, cells whose tests came out alike in one row, at most
     * {@value #MAX_TEST_ROWS} rows and {@value TestCells#MAX_LISTED} failing and skipped tests per row.
     */
    private static void tests(List<Block> blocks, ReportView.CaseGrid grid, ReportView v) {
        List<TestCells.Row> rows = TestCells.rows(grid.cells());
        if (rows.isEmpty()) {
            return;
        }
        String group = "tests " + grid.id();
        blocks.add(new Block(
                "the table of tests of case " + grid.id(),
                "Tests per cell (cells whose tests came out "
                        + "alike share a row):\n\n| cells | tests | failed: first line of the reason | skipped: reason |\n"
                        + "|---|---|---|---|\n",
                group));
        for (TestCells.Row row : rows.subList(0, Math.min(MAX_TEST_ROWS, rows.size()))) {
            List<String> names = row.cells().stream()
                    .map(c -> escape(v.toolchain(c) + " " + c.key().column()))
                    .toList();
            blocks.add(new Block(
                    "rows of the table of tests of case " + grid.id(),
                    "| " + String.join("<br>", capped(names, MAX_ROW_CELLS)) + " | " + row.counts() + " | "
                            + listed(row.failed()) + " | "
                            + listed(row.skipped()) + " |\n",
                    group));
        }
        if (rows.size() > MAX_TEST_ROWS) {
            blocks.add(new Block(
                    "rows of the table of tests of case " + grid.id(),
                    "| … and "
                            + (rows.size() - MAX_TEST_ROWS) + " more rows (every test of every cell is in report.json) "
                            + "| | | |\n",
                    group));
        }
        blocks.add(new Block("a blank line", "\n"));
    }

    /** {@code TestA: `a_test.go:9: reason`<br>TestB}, at most {@link TestCells#MAX_LISTED}. */
    private static String listed(List<TestCells.Listed> tests) {
        return String.join(
                "<br>",
                capped(
                        tests.stream()
                                .map(t ->
                                        escape(t.name()) + (t.reason().isEmpty() ? "" : ": `" + code(t.reason()) + "`"))
                                .toList(),
                        TestCells.MAX_LISTED));
    }

    /** The first {@code max} items and, when there are more, {@code … and N more}. */
    private static List<String> capped(List<String> items, int max) {
        if (items.size() <= max) {
            return items;
        }
        List<String> shown = new ArrayList<>(items.subList(0, max));
        shown.add("… and " + (items.size() - max) + " more");
        return shown;
    }

    private static void host(StringBuilder md, ReportView v) {
        if (!v.report().merged()) {
            md.append("**Host**: ")
                    .append(escape(String.join("; ", v.hosts().get(0).facts())))
                    .append("\n\n");
            return;
        }
        md.append("**Hosts** (").append(v.hosts().size()).append("):\n\n");
        for (ReportView.HostFacts h : v.hosts()) {
            md.append("- **")
                    .append(escape(h.label()))
                    .append("**: ")
                    .append(escape(String.join("; ", h.facts())))
                    .append('\n');
        }
        md.append('\n');
    }

    private static void baseline(List<Block> blocks, ReportView v) {
        Comparison b = v.report().baseline();
        Map<String, Integer> n = b.counts();
        StringBuilder md = new StringBuilder("## New since the baseline\n\n");
        md.append("Compared with `")
                .append(b.baseline())
                .append('`')
                .append(b.baselineStartedAt() == null ? "" : " (run of " + b.baselineStartedAt() + ")")
                .append(": ")
                .append(n.get(Comparison.NEW))
                .append(" new, ")
                .append(n.get(Comparison.KNOWN))
                .append(" known, ")
                .append(n.get(Comparison.FIXED))
                .append(" fixed.\n\n");
        blocks.add(new Block("the baseline summary", md.toString()));
        for (CellResult c : v.report().cells()) {
            String s = v.status(c);
            if (Comparison.NEW.equals(s) || Comparison.FIXED.equals(s)) {
                blocks.add(new Block(
                        s + " cell line",
                        "- " + (Comparison.NEW.equals(s) ? "🆕 new" : "🩹 fixed") + ": **" + escape(v.title(c)) + "** "
                                + Symbols.cell(c) + " (" + c.verdict() + ")\n"));
            }
        }
        blocks.add(new Block("a blank line", "\n"));
    }

    /** The cross-architecture answer: its intro, the pairs that need reading, and the count of the rest. */
    private static void crossArchitecture(List<Block> blocks, Report r) {
        List<String> lines = CrossArchitecture.lines(r);
        blocks.add(new Block(
                "the section " + CrossArchitecture.HEADING,
                "## " + CrossArchitecture.HEADING + "\n\n" + escape(CrossArchitecture.intro()) + "\n\n"));
        for (String line : lines.subList(0, Math.min(Answers.MAX_LINES, lines.size()))) {
            blocks.add(new Block("a cross-architecture line", "- " + escape(line) + "\n"));
        }
        blocks.add(new Block(
                "the cross-architecture summary",
                (lines.isEmpty() ? "" : "\n") + escape(CrossArchitecture.summary(r)) + "\n\n"));
    }

    /** A heading and one bullet per line, at most {@link Answers#MAX_LINES} of them. */
    private static void lines(List<Block> blocks, String heading, List<String> lines, String label) {
        blocks.add(new Block("the section " + heading, "## " + heading + "\n\n"));
        for (String line : lines.subList(0, Math.min(Answers.MAX_LINES, lines.size()))) {
            blocks.add(new Block(label, "- " + escape(line) + "\n"));
        }
        if (lines.size() > Answers.MAX_LINES) {
            blocks.add(new Block(
                    label,
                    "- … and " + (lines.size() - Answers.MAX_LINES) + " more (every one is in " + "report.json)\n"));
        }
        blocks.add(new Block("a blank line", "\n"));
    }

    private static void regressions(List<Block> blocks, ReportView v) {
        List<CellResult> unexpected = v.report().cells().stream()
                .filter(c -> c.verdict() == Verdict.UNEXPECTED || c.verdict() == Verdict.FLAKY)
                .toList();
        if (unexpected.isEmpty()) {
            return;
        }
        blocks.add(new Block("the regressions heading", "## Regressions\n\n"));
        for (CellResult c : unexpected.subList(0, Math.min(MAX_LINES, unexpected.size()))) {
            StringBuilder md = new StringBuilder("- **")
                    .append(escape(v.title(c)))
                    .append("**: ")
                    .append(c.verdict())
                    .append(", expected ")
                    .append(c.expected())
                    .append(", got ")
                    .append(Symbols.cell(c));
            String s = v.status(c);
            if (s != null) {
                md.append(" (").append(s).append(')');
            }
            if (c.diagnosis().summary() != null && !c.diagnosis().summary().isBlank()) {
                md.append(" — ").append(escape(oneLine(c.diagnosis().summary())));
            }
            String failingTests = FailingTests.of(c);
            if (!failingTests.isEmpty()) {
                md.append("  \n  failing tests: ").append(escape(failingTests));
            }
            blocks.add(new Block("regression line", md.append('\n').toString()));
        }
        if (unexpected.size() > MAX_LINES) {
            blocks.add(new Block(
                    "regression line",
                    "- … and " + (unexpected.size() - MAX_LINES)
                            + " more (the tables below mark them ❗; every one is in report.json)\n"));
        }
        blocks.add(new Block("a blank line", "\n"));
    }

    private static void clusters(List<Block> blocks, ReportView v) {
        List<Cluster> clusters = v.clusters();
        if (clusters.isEmpty()) {
            return;
        }
        blocks.add(new Block(
                "the clusters heading",
                "## Failure clusters\n\n"
                        + "| failure | cells | where | stack depth · caught in, per toolchain |\n|---|---|---|---|\n"));
        for (Cluster k : clusters.subList(0, Math.min(MAX_CLUSTERS, clusters.size()))) {
            StringBuilder md = new StringBuilder("| ")
                    .append(Symbols.symbol(k.outcome()))
                    .append(' ')
                    .append(k.outcome())
                    .append(k.signal() == null ? "" : " " + k.signal())
                    .append("<br>`")
                    .append(code(k.signature()))
                    .append("` | ")
                    .append(k.cells())
                    .append(Answers.rates(v.report(), k.signature()).stream()
                            .map(x -> "<br>" + escape(x))
                            .collect(java.util.stream.Collectors.joining()))
                    .append(" | ")
                    .append(String.join(
                            "<br>",
                            k.where().stream().map(MarkdownReport::escape).toList()))
                    .append(" | ");
            List<String> stacks = new ArrayList<>();
            for (Cluster.Stack s : k.stacks()) {
                stacks.add(s.go() + ": "
                        + (s.caughtIn() == null ? "no Go stack" : s.depth() + " · `" + code(s.caughtIn()) + "`"));
            }
            md.append(String.join("<br>", stacks)).append(" |\n");
            blocks.add(new Block("cluster row", md.toString()));
        }
        if (clusters.size() > MAX_CLUSTERS) {
            int more = clusters.subList(MAX_CLUSTERS, clusters.size()).stream()
                    .mapToInt(Cluster::cells)
                    .sum();
            blocks.add(new Block(
                    "cluster row",
                    "| … " + (clusters.size() - MAX_CLUSTERS) + " more signatures | " + more
                            + " | the smaller clusters: see report.json / report.html | |\n"));
        }
        blocks.add(new Block("a blank line", "\n"));
    }

    private static void table(List<Block> blocks, StringBuilder md, ReportView.CaseGrid grid, ReportView v) {
        md.append("| Go |");
        grid.columns().forEach(col -> md.append(' ').append(escape(col)).append(" |"));
        md.append("\n|---|");
        grid.columns().forEach(col -> md.append("---|"));
        md.append('\n');
        String group = "table " + grid.id();
        blocks.add(new Block("the table of case " + grid.id(), md.toString(), group));
        for (ReportView.Row row : grid.rows()) {
            StringBuilder line = new StringBuilder("| ").append(row.label()).append(" |");
            for (String col : grid.columns()) {
                CellResult c = row.cells().get(col);
                line.append(' ').append(c == null ? "" : mark(c, v.status(c))).append(" |");
            }
            blocks.add(new Block(
                    "rows of the table of case " + grid.id(), line.append('\n').toString(), group));
        }
        blocks.add(new Block("a blank line", "\n"));
    }

    /** {@code 💥 CGO_SIGNAL SIGABRT ❗ 🆕}. */
    static String mark(CellResult c, String s) {
        return Symbols.cell(c)
                + (c.verdict() == Verdict.UNEXPECTED ? " ❗" : c.verdict() == Verdict.FLAKY ? " 🎲" : "")
                + (Comparison.NEW.equals(s) ? " 🆕" : Comparison.FIXED.equals(s) ? " 🩹" : "");
    }

    private static void details(List<Block> blocks, ReportView v, boolean stacks) {
        List<Cluster> clusters = v.clusters();
        if (clusters.isEmpty()) {
            return;
        }
        blocks.add(new Block("the failures heading", "## Failures, one per signature\n\n"));
        for (Cluster k : clusters) {
            CellResult first = v.firstOf(k);
            StringBuilder md = new StringBuilder("<details><summary>")
                    .append(Symbols.symbol(k.outcome()))
                    .append(' ')
                    .append(html(k.outcome() + (k.signal() == null ? "" : " " + k.signal())))
                    .append(" — ")
                    .append(k.cells())
                    .append(k.cells() == 1 ? " cell" : " cells")
                    .append(" (")
                    .append(escape(k.spread()))
                    .append(")</summary>\n\n");
            md.append("Signature: `")
                    .append(plainCode(k.signature()))
                    .append("`  \nFirst seen in: ")
                    .append(escape(v.title(first)))
                    .append("  \n");
            if (first.diagnosis().summary() != null
                    && !first.diagnosis().summary().isBlank()) {
                md.append("Summary: ")
                        .append(escape(oneLine(first.diagnosis().summary())))
                        .append("  \n");
            }
            List<String> logs = v.failureLogs(first);
            if (!logs.isEmpty()) {
                md.append("Log: ")
                        .append(String.join(
                                ", ",
                                (TestCells.hasExcerpt(first) ? logs : logs.subList(0, 1))
                                        .stream()
                                                .map(l -> "`" + plainCode(l) + "`")
                                                .toList()))
                        .append('\n');
            }
            if (stacks) {
                String text = v.failureText(first, CRASH_LINES);
                if (!text.isBlank()) {
                    md.append("\n```text\n").append(text.replace("```", "ˋˋˋ")).append("```\n");
                }
            }
            md.append("\n</details>\n\n");
            blocks.add(new Block("failure detail", md.toString()));
        }
    }

    private static String counts(Map<String, Integer> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(v + " " + k));
        return String.join(", ", parts);
    }

    private static String flat(String s) {
        return s == null ? "" : String.join(" ", s.strip().split("\\s*\\R\\s*"));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }

    static String escape(String s) {
        return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Text inside backticks in a table cell: no backtick, pipes escaped (GFM allows that inside code spans). */
    private static String code(String s) {
        return s.replace("`", "'").replace("|", "\\|");
    }

    /** Text inside backticks outside a table: no backtick. */
    private static String plainCode(String s) {
        return s.replace("`", "'");
    }
}
