package dev.m1go.report;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.TestResult;
import dev.m1go.report.MarkdownFit.Block;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Module mode's per-test differential: for each test binary and toolchain run in more than one cell (target ×
 * runner, and host in a merged report), a table of the tests that failed in at least one of those cells, with each
 * test's result in each cell's first run: {@code PASS}, {@code FAIL}, {@code SKIP}, or {@code –} when the cell has
 * no result for it (the test did not run there, or the binary died before reporting it). Tests that do not fail
 * everywhere come first. At most {@value #MAX_TABLES} tables of {@value #MAX_ROWS} rows; a last row says how many
 * more tests failed.
 */
final class TestTable {

    static final String HEADING = "Failing tests per runner";
    static final String INTRO = "One table per test binary and toolchain; rows: the tests that failed in at least one "
            + "of its cells; columns: its cells; entries: the test's result in the cell's first run (– when the cell "
            + "has none: the test did not run there, or the binary died before reporting it).";
    static final int MAX_TABLES = 12;
    static final int MAX_ROWS = 15;

    /**
     * One table.
     *
     * @param title     {@code differs.test go1.26.8}
     * @param columns   the cells' columns ({@link CellKey#column()})
     * @param rows      at most {@value #MAX_ROWS} tests
     * @param moreTests failing tests left out
     */
    record Table(String title, List<String> columns, List<Row> rows, int moreTests) {}

    /** One test: its entry per column. */
    record Row(String test, List<String> entries) {}

    private TestTable() {}

    /** The tables of a report, in report order; empty when no test binary ran in two cells with a failing test. */
    static List<Table> of(Report r) {
        Map<String, List<CellResult>> groups = new LinkedHashMap<>();
        r.cells().stream()
                .filter(c -> c.verdict() != Verdict.SKIPPED)
                .forEach(c -> groups.computeIfAbsent(
                                c.key().caseId() + " " + c.key().toolchainLabel(r.hostArchOf(c)),
                                k -> new ArrayList<>())
                        .add(c));
        List<Table> tables = new ArrayList<>();
        groups.forEach((title, cells) -> {
            if (cells.size() < 2 || cells.stream().allMatch(c -> c.tests().isEmpty())) {
                return;
            }
            List<CellResult> columns = cells.stream()
                    .sorted(Comparator.comparing(CellResult::key, CellKey.COLUMN_ORDER))
                    .toList();
            Set<String> failing = new LinkedHashSet<>();
            columns.forEach(c -> c.tests().stream().filter(TestResult::failed).forEach(t -> failing.add(t.name())));
            if (failing.isEmpty()) {
                return;
            }
            List<Row> rows = new ArrayList<>();
            for (String test : failing) {
                rows.add(new Row(test, columns.stream().map(c -> entry(c, test)).toList()));
            }
            rows.sort(Comparator.comparing(row -> row.entries().stream().allMatch("FAIL"::equals)));
            tables.add(new Table(
                    title,
                    columns.stream().map(c -> c.key().column()).toList(),
                    rows.subList(0, Math.min(MAX_ROWS, rows.size())),
                    Math.max(0, rows.size() - MAX_ROWS)));
        });
        return tables;
    }

    private static String entry(CellResult c, String test) {
        return c.tests().stream()
                .filter(t -> t.name().equals(test))
                .findFirst()
                .map(t -> t.failed() ? "FAIL" : t.outcome() == Outcome.SKIPPED ? "SKIP" : "PASS")
                .orElse("–");
    }

    /** The section of report.md: heading, sentence, then one table per group, each a group of blocks. */
    static List<Block> markdown(Report r) {
        List<Table> tables = of(r);
        List<Block> blocks = new ArrayList<>();
        if (tables.isEmpty()) {
            return blocks;
        }
        blocks.add(new Block("the section " + HEADING, "## " + HEADING + "\n\n" + INTRO + "\n\n"));
        for (Table t : tables.subList(0, Math.min(MAX_TABLES, tables.size()))) {
            String group = "tests " + t.title();
            StringBuilder head = new StringBuilder("### ")
                    .append(MarkdownReport.escape(t.title()))
                    .append("\n\n| test |");
            t.columns()
                    .forEach(col ->
                            head.append(' ').append(MarkdownReport.escape(col)).append(" |"));
            head.append("\n|---|").append("---|".repeat(t.columns().size())).append('\n');
            blocks.add(new Block("the table of failing tests of " + t.title(), head.toString(), group));
            for (Row row : t.rows()) {
                blocks.add(new Block(
                        "rows of the table of failing tests of " + t.title(),
                        "| " + MarkdownReport.escape(row.test()) + " | " + String.join(" | ", row.entries()) + " |\n",
                        group));
            }
            if (t.moreTests() > 0) {
                blocks.add(new Block(
                        "rows of the table of failing tests of " + t.title(),
                        "| … " + t.moreTests() + " more tests |"
                                + " |".repeat(t.columns().size()) + "\n",
                        group));
            }
            blocks.add(new Block("a blank line", "\n"));
        }
        if (tables.size() > MAX_TABLES) {
            blocks.add(new Block(
                    "the section " + HEADING,
                    "… and " + (tables.size() - MAX_TABLES)
                            + " more tables (every test's result is in report.json)\n\n"));
        }
        return blocks;
    }

    /** The section of report.html, or nothing. */
    static String html(Report r) {
        List<Table> tables = of(r);
        if (tables.isEmpty()) {
            return "";
        }
        StringBuilder h = new StringBuilder("<section class=\"answers\" id=\"failing-tests\"><h2>")
                .append(HEADING)
                .append("</h2>\n<p>")
                .append(esc(INTRO))
                .append("</p>\n");
        for (Table t : tables.subList(0, Math.min(MAX_TABLES, tables.size()))) {
            h.append("<h3>")
                    .append(esc(t.title()))
                    .append("</h3>\n<div class=\"scroll\"><table class=\"list\">" + "<thead><tr><th>test</th>");
            t.columns().forEach(col -> h.append("<th>").append(esc(col)).append("</th>"));
            h.append("</tr></thead>\n<tbody>\n");
            for (Row row : t.rows()) {
                h.append("<tr><td>").append(esc(row.test())).append("</td>");
                row.entries()
                        .forEach(e -> h.append("<td class=\"")
                                .append(
                                        switch (e) {
                                            case "PASS" -> "o-PASS";
                                            case "FAIL" -> "o-EXIT_NONZERO";
                                            case "SKIP" -> "o-SKIPPED";
                                            default -> "";
                                        })
                                .append("\">")
                                .append(e)
                                .append("</td>"));
                h.append("</tr>\n");
            }
            if (t.moreTests() > 0) {
                h.append("<tr><td colspan=\"")
                        .append(t.columns().size() + 1)
                        .append("\">… ")
                        .append(t.moreTests())
                        .append(" more tests</td></tr>\n");
            }
            h.append("</tbody></table></div>\n");
        }
        if (tables.size() > MAX_TABLES) {
            h.append("<p>… and ")
                    .append(tables.size() - MAX_TABLES)
                    .append(" more tables (every test's result is in report.json)</p>\n");
        }
        return h.append("</section>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
