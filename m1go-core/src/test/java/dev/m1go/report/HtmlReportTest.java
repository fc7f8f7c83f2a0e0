package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Verdict;
import dev.m1go.matrix.CellResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void html_hasOneCellElementPerCell_andLoadsNothingFromOutside() throws Exception {
        List<CellResult> cells = Cells.many(300, null);
        HtmlReport.write(dir, Cells.report(cells));
        String html = Files.readString(dir.resolve(HtmlReport.FILE));
        assertThat(Pattern.compile("<div class=\"cell ").matcher(html).results().count())
                .isEqualTo(300);
        assertThat(html).doesNotContainPattern("(?i)<(script|link|img|iframe)[^>]+(src|href)=");
        assertThat(html).doesNotContainPattern("(?i)url\\(|@import|https?://");
        assertThat(html)
                .contains("<select id=\"filter-outcome\"", "<select id=\"filter-runner\"", "<select id=\"filter-go\"");
    }

    @Test
    void html_failingCellExpandsToItsCrashText_escaped() throws Exception {
        String log = Cells.writeCrashLog(dir, "logs/c/run-1.stderr", 2);
        Files.writeString(dir.resolve(log), "<script>alert(1)</script>\n", java.nio.file.StandardOpenOption.APPEND);
        HtmlReport.write(
                dir,
                Cells.report(List.of(Cells.crash("c-abort", "go1.22.12", "amd64", "native", Verdict.UNEXPECTED, log))));
        String html = Files.readString(dir.resolve(HtmlReport.FILE));
        assertThat(html)
                .contains(
                        "<details><summary>",
                        "<pre class=\"crash\">C: calling abort()\nSIGABRT: abort",
                        "&lt;script&gt;alert(1)&lt;/script&gt;",
                        "❗ unexpected");
        assertThat(html).contains("<tr class=\"cluster\">");
    }

    @Test
    void html_linksAFailingCellToItsLogs_relatively() throws Exception {
        String log = Cells.writeCrashLog(dir, "logs/c abort/run-1.stderr", 2);
        HtmlReport.write(
                dir,
                Cells.report(List.of(Cells.crash("c-abort", "go1.22.12", "amd64", "native", Verdict.UNEXPECTED, log))));
        String html = Files.readString(dir.resolve(HtmlReport.FILE));
        assertThat(html).contains("<a href=\"logs/c%20abort/run-1.stderr\">run-1.stderr</a>");
        assertThat(html).doesNotContain("href=\"/", "href=\"file:");
    }

    /**
     * A large page is many grids long: what contradicts its expectation comes first, each line linking to its cell in
     * the grid, as report.md's regressions do.
     */
    @Test
    void html_leadsWithTheFailures_eachLinkingToItsCellInTheGrid() throws Exception {
        String log = Cells.writeCrashLog(dir, "logs/c/run-1.stderr", 2);
        List<CellResult> cells = new java.util.ArrayList<>(Cells.many(60, null));
        CellResult unexpected = Cells.crash("c-abort", "go1.22.12", "amd64", "native", Verdict.UNEXPECTED, log);
        CellResult flaky = Cells.crash("c-abort", "go1.21.13", "arm64", "qemu", Verdict.FLAKY, log);
        cells.add(unexpected);
        cells.add(flaky);
        cells.add(Cells.crash("c-abort", "go1.20.14", "amd64", "native", Verdict.EXPECTED, log));
        HtmlReport.write(dir, Cells.report(cells));
        String html = Files.readString(dir.resolve(HtmlReport.FILE));

        int failures = html.indexOf("<section class=\"answers\" id=\"regressions\">");
        assertThat(failures).as("a regressions section").isPositive();
        assertThat(failures)
                .as("before everything else in main")
                .isLessThan(html.indexOf("id=\"translation-only\""))
                .isLessThan(html.indexOf("<table class=\"grid\">"));
        String section = html.substring(failures, html.indexOf("</section>", failures));
        assertThat(Pattern.compile("<li>").matcher(section).results().count())
                .as("unexpected and flaky cells only")
                .isEqualTo(cells.stream()
                        .filter(c -> c.verdict() == Verdict.UNEXPECTED || c.verdict() == Verdict.FLAKY)
                        .count())
                .isEqualTo(14);
        for (CellResult c : List.of(unexpected, flaky)) {
            var link = Pattern.compile("<a href=\"#([^\"]+)\">"
                            + Pattern.quote(HtmlReport.esc(
                                    ReportView.of(Cells.report(cells), dir).title(c))) + "</a>")
                    .matcher(section);
            assertThat(link.find()).as("a link to %s", c.key().id()).isTrue();
            assertThat(html)
                    .as("the cell it links to")
                    .containsPattern("<div class=\"cell [^\"]*\" id=\"" + Pattern.quote(link.group(1))
                            + "\" data-case=\"c-abort\"");
        }
    }

    @Test
    void html_withNoFailure_saysSoInOneLine() throws Exception {
        HtmlReport.write(dir, Cells.report(List.of(Cells.pass("hello", "go1.22.12", "amd64", "native"))));
        String html = Files.readString(dir.resolve(HtmlReport.FILE));
        assertThat(html)
                .contains("<section class=\"answers\" id=\"regressions\"><h2>Regressions</h2>\n"
                        + "<p>No cell contradicts its case's expectation.</p>\n</section>");
    }

    /** Expanded crash text wraps its long lines inside the page instead of running off it. */
    @Test
    void html_crashTextWrapsLongLines() throws Exception {
        HtmlReport.write(dir, Cells.report(List.of(Cells.pass("hello", "go1.22.12", "amd64", "native"))));
        String html = Files.readString(dir.resolve(HtmlReport.FILE));
        assertThat(html)
                .containsPattern(
                        "\\.cell pre[^{]*\\{[^}]*white-space:\\s*pre-wrap;[^}]*" + "overflow-wrap:\\s*anywhere;");
    }
}
