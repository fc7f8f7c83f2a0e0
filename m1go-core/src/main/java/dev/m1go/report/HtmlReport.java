package dev.m1go.report;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.core.AtomicFiles;
import dev.m1go.core.OutputLayout;
import dev.m1go.core.Plural;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.RunnerOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code report.html}: one self-contained page (inline style and script, no network, no external font) that leads with
 * the regressions (each a link to its cell in the grid), then the host fingerprint, the failure clusters and, per case,
 * the matrix as a coloured grid. Filters by outcome, runner and Go
 * version hide cells; each failing cell expands to its crash text.
 *
 * <p>Every cell of the report is one element with class {@code cell} and the data attributes {@code data-outcome},
 * {@code data-verdict}, {@code data-runner}, {@code data-go}, {@code data-case}, and the id {@link #anchor}.
 */
public final class HtmlReport {

    public static final String FILE = OutputLayout.REPORT_HTML;
    static final int CRASH_LINES = 60;
    /** Regression lines at the top of the page before the rest is summed up in one line, as in report.md. */
    static final int MAX_REGRESSIONS = 100;

    private HtmlReport() {}

    public static void write(Path directory, Report r) throws IOException {
        write(ReportView.of(r, directory));
    }

    /** Writes report.html into the view's report directory. */
    public static void write(ReportView v) throws IOException {
        String html = render(v);
        AtomicFiles.replace(v.directory().resolve(FILE), out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
    }

    public static String render(Report r, Path directory) {
        return render(ReportView.of(r, directory));
    }

    public static String render(ReportView v) {
        Report r = v.report();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>m1go matrix</title>\n<style>\n")
                .append(HtmlAssets.STYLE)
                .append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>m1go matrix</h1><p class=\"meta\">")
                .append(esc(r.generator() == null ? "" : r.generator()))
                .append(r.startedAt() == null ? "" : " · started " + esc(r.startedAt()))
                .append(r.finishedAt() == null ? "" : " · finished " + esc(r.finishedAt()))
                .append(r.complete() ? "" : " · <strong>run incomplete</strong>")
                .append("</p>\n");
        summary(h, v);
        h.append("</header>\n<main>\n");
        regressions(h, v);
        List<String> translationOnly = Answers.translationOnly(r);
        h.append("<section class=\"answers\" id=\"translation-only\"><h2>")
                .append(Answers.TRANSLATION_HEADING)
                .append("</h2>\n");
        list(h, translationOnly, Answers.noneFailsOnlyTranslated(r));
        h.append("</section>\n");
        h.append("<section class=\"answers\" id=\"cross-architecture\"><h2>")
                .append(esc(CrossArchitecture.HEADING))
                .append("</h2>\n<p>")
                .append(esc(CrossArchitecture.intro()))
                .append("</p>\n");
        List<String> across = CrossArchitecture.lines(r);
        if (!across.isEmpty()) {
            list(h, across, "");
        }
        h.append("<p>").append(esc(CrossArchitecture.summary(r))).append("</p>\n</section>\n");
        hosts(h, v);
        List<String> notMeasured = Answers.notMeasured(r);
        if (!notMeasured.isEmpty()) {
            h.append("<section class=\"answers\" id=\"not-measured\"><h2>")
                    .append(Answers.NOT_MEASURED_HEADING)
                    .append(" (")
                    .append(r.notMeasured().size())
                    .append(")</h2>\n<p>")
                    .append(esc(Answers.notMeasuredIntro()))
                    .append("</p>\n");
            list(h, notMeasured, "");
            h.append("</section>\n");
        }
        for (String note : r.notes()) {
            h.append("<p class=\"note\">").append(esc(note)).append("</p>\n");
        }
        if (r.baseline() != null) {
            Map<String, Integer> n = r.baseline().counts();
            h.append("<p class=\"note\">Compared with <code>")
                    .append(esc(r.baseline().baseline()))
                    .append("</code>: <strong>")
                    .append(n.get(Comparison.NEW))
                    .append(" new</strong>, ")
                    .append(n.get(Comparison.KNOWN))
                    .append(" known, ")
                    .append(n.get(Comparison.FIXED))
                    .append(" fixed.</p>\n");
        }
        filters(h, r);
        for (ReportView.CaseGrid grid : v.cases()) {
            grid(h, v, grid);
        }
        clusters(h, v);
        List<String> boundaries = Answers.boundaries(r);
        if (!boundaries.isEmpty()) {
            h.append("<section class=\"answers\" id=\"boundaries\"><h2>")
                    .append(Answers.BOUNDARIES_HEADING)
                    .append("</h2>\n");
            list(h, boundaries, "");
            h.append("</section>\n");
        }
        h.append(TestTable.html(r));
        h.append("</main>\n<footer>Full logs: <a href=\"logs/\">logs/</a> next to this file; every field: "
                        + "<a href=\"report.json\">report.json</a>.")
                .append("</footer>\n<script>\n")
                .append(HtmlAssets.SCRIPT)
                .append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    /**
     * First on the page, as in report.md: every cell that contradicts its expectation or is flaky, each linking to its
     * cell in the grid (at most {@value #MAX_REGRESSIONS}; the grids mark every one ❗).
     */
    private static void regressions(StringBuilder h, ReportView v) {
        List<CellResult> failing = v.report().cells().stream()
                .filter(c -> c.verdict() == Verdict.UNEXPECTED || c.verdict() == Verdict.FLAKY)
                .toList();
        h.append("<section class=\"answers\" id=\"regressions\"><h2>Regressions");
        if (failing.isEmpty()) {
            h.append("</h2>\n<p>No cell contradicts its case's expectation.</p>\n</section>\n");
            return;
        }
        h.append(" (").append(failing.size()).append(")</h2>\n<ul>\n");
        for (CellResult c : failing.subList(0, Math.min(MAX_REGRESSIONS, failing.size()))) {
            h.append("<li><a href=\"#")
                    .append(anchor(c))
                    .append("\">")
                    .append(esc(v.title(c)))
                    .append("</a>: ")
                    .append(c.verdict())
                    .append(", expected ")
                    .append(esc(c.expected()))
                    .append(", got ")
                    .append(esc(Symbols.cell(c)));
            String change = v.status(c);
            if (change != null) {
                h.append(" (").append(esc(change)).append(')');
            }
            if (c.diagnosis().summary() != null && !c.diagnosis().summary().isBlank()) {
                h.append(" — ").append(esc(c.diagnosis().summary().strip().replaceAll("\\s*\\n\\s*", " ")));
            }
            String failingTests = FailingTests.of(c);
            if (!failingTests.isEmpty()) {
                h.append("<br>failing tests: ").append(esc(failingTests));
            }
            h.append("</li>\n");
        }
        if (failing.size() > MAX_REGRESSIONS) {
            h.append("<li>… and ")
                    .append(failing.size() - MAX_REGRESSIONS)
                    .append(" more (the grids below mark them ❗; every one is in report.json)</li>\n");
        }
        h.append("</ul>\n</section>\n");
    }

    /**
     * The id of a cell's element, for links from the top of the page: its key with every character other than a
     * letter, a digit, {@code .}, {@code _} and {@code -} written as {@code -}.
     */
    static String anchor(CellResult c) {
        return "cell-" + c.key().id().replaceAll("[^A-Za-z0-9._-]", "-");
    }

    /** A list of lines, or {@code empty} in one paragraph when there is none. */
    private static void list(StringBuilder h, List<String> lines, String empty) {
        if (lines.isEmpty()) {
            h.append("<p>").append(esc(empty)).append("</p>\n");
            return;
        }
        h.append("<ul>\n");
        lines.forEach(l -> h.append("<li>").append(esc(l)).append("</li>\n"));
        h.append("</ul>\n");
    }

    private static void summary(StringBuilder h, ReportView v) {
        Map<String, Map<String, Integer>> s = v.summary();
        h.append("<p class=\"summary\"><strong>")
                .append(Plural.of(v.report().cells().size(), "cell"))
                .append("</strong>");
        for (Map.Entry<String, Integer> e : s.get("verdicts").entrySet()) {
            h.append(" <span class=\"badge v-")
                    .append(e.getKey())
                    .append("\">")
                    .append(e.getValue())
                    .append(' ')
                    .append(e.getKey())
                    .append("</span>");
        }
        h.append("</p>\n");
    }

    private static void hosts(StringBuilder h, ReportView v) {
        h.append("<section class=\"hosts\"><h2>")
                .append(v.report().merged() ? "Hosts" : "Host")
                .append("</h2>\n<dl>\n");
        for (ReportView.HostFacts n : v.hosts()) {
            h.append("<dt>")
                    .append(esc(n.label() == null ? "this host" : n.label()))
                    .append("</dt><dd>")
                    .append(String.join(
                            "<br>", n.facts().stream().map(HtmlReport::esc).toList()))
                    .append("</dd>\n");
        }
        h.append("</dl></section>\n");
    }

    private static void filters(StringBuilder h, Report r) {
        Set<String> outcomes = new TreeSet<>(Comparator.comparing(Outcome::valueOf));
        Set<String> runners =
                new TreeSet<>(Comparator.comparing(RunnerOrder::rank).thenComparing(x -> x));
        Set<String> gos = new TreeSet<>(GoOrder.VERSIONS);
        Set<String> verdicts = new TreeSet<>(Comparator.comparing(Verdict::valueOf));
        for (CellResult c : r.cells()) {
            outcomes.add(c.outcome().name());
            runners.add(c.key().runner());
            gos.add(c.key().go());
            verdicts.add(c.verdict().name());
        }
        h.append("<section class=\"filters\" aria-label=\"filters\">\n");
        select(h, "outcome", "Outcome", outcomes);
        select(h, "verdict", "Verdict", verdicts);
        select(h, "runner", "Runner", runners);
        select(h, "go", "Go version", gos);
        h.append("<span id=\"shown\" class=\"shown\">")
                .append(r.cells().size())
                .append(" of ")
                .append(r.cells().size())
                .append(" cells shown</span>\n</section>\n");
    }

    private static void select(StringBuilder h, String key, String label, Set<String> values) {
        h.append("<label>")
                .append(label)
                .append(" <select id=\"filter-")
                .append(key)
                .append("\" data-key=\"")
                .append(key)
                .append("\"><option value=\"\">all</option>");
        for (String v : values) {
            h.append("<option>").append(esc(v)).append("</option>");
        }
        h.append("</select></label>\n");
    }

    private static void grid(StringBuilder h, ReportView v, ReportView.CaseGrid grid) {
        h.append("<section class=\"case\" id=\"case-")
                .append(esc(grid.id()))
                .append("\">\n<h2>")
                .append(esc(grid.id()))
                .append("</h2>\n");
        CaseInfo info = grid.info();
        if (info != null) {
            h.append("<p class=\"desc\">")
                    .append(esc(info.description() == null ? "" : info.description()))
                    .append(" <span class=\"expect\">Expected: ")
                    .append(esc(info.expect()))
                    .append("</span></p>\n");
        }
        h.append("<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th>Go</th>");
        for (String col : grid.columns()) {
            h.append("<th>").append(esc(col)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (ReportView.Row row : grid.rows()) {
            h.append("<tr><th scope=\"row\">").append(esc(row.label())).append("</th>");
            for (String col : grid.columns()) {
                CellResult c = row.cells().get(col);
                h.append("<td>");
                if (c != null) {
                    cell(h, v, c, v.status(c));
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n</section>\n");
    }

    private static void cell(StringBuilder h, ReportView v, CellResult c, String change) {
        h.append("<div class=\"cell o-")
                .append(c.outcome())
                .append(" v-")
                .append(c.verdict())
                .append(change == null ? "" : " c-" + change)
                .append("\" id=\"")
                .append(anchor(c))
                .append("\" data-case=\"")
                .append(esc(c.key().caseId()))
                .append("\" data-outcome=\"")
                .append(c.outcome())
                .append("\" data-verdict=\"")
                .append(c.verdict())
                .append("\" data-runner=\"")
                .append(esc(c.key().runner()))
                .append("\" data-go=\"")
                .append(esc(c.key().go()))
                .append("\" title=\"")
                .append(esc(v.title(c) + " — " + c.verdict() + ", expected " + c.expected()))
                .append("\">");
        String label = "<span class=\"sym\">" + Symbols.symbol(c.outcome()) + "</span> " + esc(Symbols.words(c))
                + (c.failureRate() == null
                        ? ""
                        : " <span class=\"rate\">"
                                + esc(c.failureRate()
                                        .describe()
                                        .substring(c.failureRate().toString().length())
                                        .trim()) + "</span>")
                + (c.verdict() == Verdict.UNEXPECTED
                        ? " <span class=\"flag\">❗ unexpected</span>"
                        : c.verdict() == Verdict.FLAKY ? " <span class=\"flag\">🎲 flaky</span>" : "")
                + (change == null || Comparison.KNOWN.equals(change)
                        ? ""
                        : " <span class=\"change\">" + (Comparison.NEW.equals(change) ? "🆕 new" : "🩹 fixed")
                                + "</span>");
        if (Cluster.failing(c) || c.verdict() == Verdict.FLAKY) {
            h.append("<details><summary>").append(label).append("</summary>");
            h.append("<p class=\"sig\">expected ")
                    .append(esc(c.expected()))
                    .append(" · <code>")
                    .append(esc(Cluster.signatureOf(c)))
                    .append("</code></p>");
            String crashed = c.runs().isEmpty()
                    ? null
                    : dev.m1go.binary.CFrame.crashedIn(c.runs().get(0).cFrames());
            if (crashed != null) {
                h.append("<p class=\"cframes\">").append(esc(crashed)).append("</p>");
            }
            String text = v.failureText(c, CRASH_LINES);
            h.append("<pre class=\"crash\">")
                    .append(esc(
                            text.isBlank()
                                    ? (c.diagnosis().summary() == null
                                            ? "(no log text)"
                                            : c.diagnosis().summary())
                                    : text))
                    .append("</pre>");
            logLinks(h, v.failureLogs(c));
            h.append("</details>");
        } else if (c.verdict() == Verdict.SKIPPED) {
            h.append(label)
                    .append("<div class=\"reason\">")
                    .append(esc(c.reason() == null ? "" : c.reason()))
                    .append("</div>");
        } else {
            h.append(label);
        }
        if (!c.tests().isEmpty()) {
            tests(h, c);
        }
        h.append("</div>");
    }

    /**
     * A test cell's tests, as report.md lists them: the counts, then the failing tests with the first line of their
     * reason and the skipped tests with theirs, at most {@value TestCells#MAX_LISTED} of each.
     */
    private static void tests(StringBuilder h, CellResult c) {
        h.append("<div class=\"tests\">").append(esc(TestCells.counts(c)));
        List<TestCells.Listed> failed = TestCells.failed(c);
        List<TestCells.Listed> skipped = TestCells.skipped(c);
        if (!failed.isEmpty() || !skipped.isEmpty()) {
            h.append("<details><summary>")
                    .append(failed.size())
                    .append(" failed, ")
                    .append(skipped.size())
                    .append(" skipped</summary>");
            listed(h, "failed", failed);
            listed(h, "skipped", skipped);
            h.append("</details>");
        }
        h.append("</div>");
    }

    private static void listed(StringBuilder h, String what, List<TestCells.Listed> tests) {
        if (tests.isEmpty()) {
            return;
        }
        h.append("<p>").append(what).append(":</p><ul>");
        for (TestCells.Listed t : tests.subList(0, Math.min(TestCells.MAX_LISTED, tests.size()))) {
            h.append("<li><code>")
                    .append(esc(t.name()))
                    .append("</code>")
                    .append(t.reason().isEmpty() ? "" : ": " + esc(t.reason()))
                    .append("</li>");
        }
        if (tests.size() > TestCells.MAX_LISTED) {
            h.append("<li>… and ")
                    .append(tests.size() - TestCells.MAX_LISTED)
                    .append(" more (every test is in report.json)</li>");
        }
        h.append("</ul>");
    }

    /** Links to the cell's deciding logs, relative to this page, so a copied or uploaded report keeps them. */
    private static void logLinks(StringBuilder h, List<String> logs) {
        if (logs.isEmpty()) {
            return;
        }
        h.append("<p class=\"logs\">full log:");
        for (String log : logs) {
            String href;
            try {
                href = new java.net.URI(null, null, log.replace('\\', '/'), null).getRawPath();
            } catch (java.net.URISyntaxException e) {
                continue;
            }
            String name = log.substring(Math.max(log.lastIndexOf('/'), log.lastIndexOf('\\')) + 1);
            h.append(" <a href=\"")
                    .append(esc(href))
                    .append("\">")
                    .append(esc(name))
                    .append("</a>");
        }
        h.append("</p>");
    }

    private static void clusters(StringBuilder h, ReportView v) {
        List<Cluster> clusters = v.clusters();
        h.append("<section class=\"clusters\"><h2>Failure clusters</h2>\n");
        if (clusters.isEmpty()) {
            h.append("<p>No cell failed.</p></section>\n");
            return;
        }
        h.append("<table class=\"list\"><thead><tr><th>failure</th><th>cells</th><th>where</th>")
                .append("<th>stack depth · caught in, per toolchain</th></tr></thead><tbody>\n");
        for (Cluster k : clusters) {
            h.append("<tr class=\"cluster\"><td><span class=\"pill o-")
                    .append(k.outcome())
                    .append("\">")
                    .append(Symbols.symbol(k.outcome()))
                    .append(' ')
                    .append(k.outcome())
                    .append(k.signal() == null ? "" : " " + esc(k.signal()))
                    .append("</span><br><code>")
                    .append(esc(k.signature()))
                    .append("</code></td><td class=\"num\">")
                    .append(k.cells())
                    .append("</td><td>")
                    .append(esc(String.join(", ", k.cases())))
                    .append("<br>")
                    .append(String.join(
                            "<br>", k.where().stream().map(HtmlReport::esc).toList()));
            h.append("</td><td>");
            for (Cluster.Stack s : k.stacks()) {
                h.append(esc(s.go()))
                        .append(": ")
                        .append(
                                s.caughtIn() == null
                                        ? "no Go stack"
                                        : s.depth() + " · <code>" + esc(s.caughtIn()) + "</code>")
                        .append("<br>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.toString();
    }
}
