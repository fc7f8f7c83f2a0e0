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
        assertThat(Pattern.compile("<div class=\"cell ").matcher(html).results().count()).isEqualTo(300);
        assertThat(html).doesNotContainPattern("(?i)<(script|link|img|iframe)[^>]+(src|href)=");
        assertThat(html).doesNotContainPattern("(?i)url\\(|@import|https?://");
        assertThat(html).contains("<select id=\"filter-outcome\"", "<select id=\"filter-runner\"",
                "<select id=\"filter-go\"");
    }

    @Test
    void html_failingCellExpandsToItsCrashText_escaped() throws Exception {
        String log = Cells.writeCrashLog(dir, "logs/c/run-1.stderr", 2);
        Files.writeString(dir.resolve(log), "<script>alert(1)</script>\n", java.nio.file.StandardOpenOption.APPEND);
        HtmlReport.write(dir, Cells.report(List.of(
                Cells.crash("c-abort", "go1.22.12", "amd64", "native", Verdict.UNEXPECTED, log))));
        String html = Files.readString(dir.resolve(HtmlReport.FILE));
        assertThat(html).contains("<details><summary>", "<pre class=\"crash\">C: calling abort()\nSIGABRT: abort",
                "&lt;script&gt;alert(1)&lt;/script&gt;", "❗ unexpected");
        assertThat(html).contains("<tr class=\"cluster\">");
    }

    @Test
    void html_linksAFailingCellToItsLogs_relatively() throws Exception {
        String log = Cells.writeCrashLog(dir, "logs/c abort/run-1.stderr", 2);
        HtmlReport.write(dir, Cells.report(List.of(
                Cells.crash("c-abort", "go1.22.12", "amd64", "native", Verdict.UNEXPECTED, log))));
        String html = Files.readString(dir.resolve(HtmlReport.FILE));
        assertThat(html).contains("<a href=\"logs/c%20abort/run-1.stderr\">run-1.stderr</a>");
        assertThat(html).doesNotContain("href=\"/", "href=\"file:");
    }
}
