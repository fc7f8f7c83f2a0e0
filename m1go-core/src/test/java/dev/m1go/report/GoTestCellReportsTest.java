package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.GoTestFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failing module-mode test cells in report.md and report.html, from real {@code go test} output
 * ({@link GoTestFixture}): the excerpt is each failing test's own output and the log linked is the one that holds it.
 */
class GoTestCellReportsTest {

    private static final String TIMEOUT_LINE =
            "store_test.go:27: timeout in parallel test: 2 of 4 workers answered within 30ms";
    private static final String LOGS = "logs/store.test/go1.26.8/arm64/qemu/";

    @TempDir
    Path dir;

    private Report report(CellResult... cells) {
        return Cells.report(List.of(cells));
    }

    /** The details block of the only failure signature. */
    private static String details(String md) {
        int at = md.indexOf("## Failures, one per signature");
        assertThat(at).as("failure details in\n%s", md).isNotNegative();
        return md.substring(at, md.indexOf("</details>", at));
    }

    @Test
    void markdown_quotesEachFailingTestsOwnOutput_andLinksTheStdoutLog() throws Exception {
        String md = MarkdownReport.render(
                report(GoTestFixture.cell(GoTestFixture.ALL, "go1.26.8", "arm64", "qemu", dir)), dir);
        String details = details(md);
        assertThat(details)
                .contains(TIMEOUT_LINE)
                .contains("--- FAIL: TestParallelWait (0.03s)")
                .contains("store_test.go:23: starting 4 workers")
                .contains("store_test.go:40: checksum mismatch: got 0xdead, want 0xbeef")
                .contains("store_test.go:54: Add(1073741824, 1073741824) = -2147483648, want 2147483648")
                .contains("Log: `" + LOGS + "run-1.stdout`")
                .doesNotContain("run-1.stderr")
                .doesNotContain("=== RUN   TestAdd")
                .doesNotContain("--- PASS: TestAdd");
    }

    @Test
    void markdown_boundsAChattyTest_keepingItsLastLines_andSaysHowManyWereLeftOut() throws Exception {
        String details = details(MarkdownReport.render(
                report(GoTestFixture.cell(GoTestFixture.ALL, "go1.26.8", "arm64", "qemu", dir)), dir));
        String chatty = details.substring(details.indexOf("--- FAIL: TestChatty"));
        chatty = chatty.substring(0, chatty.indexOf("--- FAIL:", 10));
        assertThat(chatty)
                .contains("step 1 of 30")
                .contains("step 30 of 30")
                .contains("store_test.go:40: checksum mismatch")
                .doesNotContain("step 10 of 30")
                .contains("lines left out (full log: " + LOGS + "run-1.stdout)");
        assertThat(chatty.lines().count()).isLessThanOrEqualTo(TestCells.MAX_LINES + 1);
    }

    @Test
    void markdown_aTestThatPanics_quotesItsOutput_thenTheCrashReportFromStderr() throws Exception {
        String details = details(MarkdownReport.render(
                report(GoTestFixture.cell(GoTestFixture.PANIC, "go1.26.8", "arm64", "qemu", dir)), dir));
        assertThat(details)
                .contains("--- FAIL: TestPanics")
                .contains("panic: assignment to entry in nil map")
                .contains("Log: `" + LOGS + "run-1.stdout`, `" + LOGS + "run-1.stderr`");
        String quoted = details.substring(details.indexOf("```text"));
        assertThat(quoted)
                .startsWith("```text\n--- FAIL: TestPanics (0.00s)\n    store_test.go:65: filling the table\n");
        assertThat(quoted.indexOf("--- FAIL: TestPanics")).isLessThan(quoted.indexOf("panic: assignment"));
    }

    @Test
    void html_quotesTheFailingTestsOutput_andLinksTheStdoutLogFirst() throws Exception {
        HtmlReport.write(dir, report(GoTestFixture.cell(GoTestFixture.ALL, "go1.26.8", "arm64", "qemu", dir)));
        String html = Files.readString(dir.resolve(HtmlReport.FILE));
        String pre = html.substring(html.indexOf("<pre class=\"crash\">"), html.indexOf("</pre>"));
        assertThat(pre).contains(TIMEOUT_LINE).doesNotContain("--- PASS: TestAdd");
        assertThat(html).contains("full log: <a href=\"" + LOGS + "run-1.stdout\">run-1.stdout</a></p>");
    }

    @Test
    void clusters_differentFailingTests_areDifferentClusters_theSameTestsOneCluster() throws Exception {
        Report r = report(
                GoTestFixture.cell(GoTestFixture.ALL, "go1.26.8", "amd64", "native", null),
                GoTestFixture.cell(GoTestFixture.ALL, "go1.25.4", "arm64", "qemu", null),
                GoTestFixture.cell(GoTestFixture.TABLE, "go1.26.8", "arm64", "qemu", null));
        List<Cluster> clusters = r.clusters();
        assertThat(clusters).extracting(Cluster::cells).containsExactly(2, 1);
        assertThat(clusters.get(0).signature())
                .isEqualTo("EXIT_NONZERO exit 1 · failing tests: TestChatty, TestParallelWait, TestTable/overflow");
        assertThat(clusters.get(1).signature()).isEqualTo("EXIT_NONZERO exit 1 · failing tests: TestTable/overflow");
    }

    @Test
    void clusters_nameAtMostFiveFailingTests() {
        assertThat(TestCells.signatureTests(List.of("TestF", "TestB", "TestA", "TestE", "TestD", "TestC", "TestG")))
                .isEqualTo("TestA, TestB, TestC, TestD, TestE +2 more");
    }

    @Test
    void markdown_listsTheTestsOfEachTestCell_cellsAlikeInOneRow() throws Exception {
        String md = MarkdownReport.render(report(
                GoTestFixture.cell(GoTestFixture.ALL, "go1.26.8", "amd64", "native", null),
                GoTestFixture.cell(GoTestFixture.ALL, "go1.26.8", "arm64", "qemu", null),
                GoTestFixture.cell(GoTestFixture.TABLE, "go1.25.4", "arm64", "qemu", null)));
        assertThat(md)
                .contains("| cells | tests | failed: first line of the reason | skipped: reason |\n")
                .contains("| go1.26.8 linux/amd64 native<br>go1.26.8 linux/arm64 qemu "
                        + "| 11 tests: 4 passed, 4 failed, 3 skipped "
                        + "| TestParallelWait: `" + TIMEOUT_LINE + "`"
                        + "<br>TestChatty: `store_test.go:40: checksum mismatch: got 0xdead, want 0xbeef`"
                        + "<br>TestTable: `failed through its subtest TestTable/overflow`"
                        + "<br>TestTable/overflow: `store_test.go:54: Add(1073741824, 1073741824) = -2147483648, "
                        + "want 2147483648` "
                        + "| TestNeedsGPU: `store_test.go:32: needs a GPU (set M1GO_FIXTURE_GPU)`"
                        + "<br>TestTable/wide: `store_test.go:51: int is 32 bits in C here`"
                        + "<br>TestPanics: `store_test.go:62: crashes only with M1GO_FIXTURE_PANIC set` |\n")
                .contains("| go1.25.4 linux/arm64 qemu | 7 tests: 3 passed, 2 failed, 2 skipped | TestTable: ");
        assertThat(md.indexOf("| cells | tests |")).isGreaterThan(md.indexOf("## store.test"));
    }

    @Test
    void html_listsTheTestsOfEachTestCell_asReportMdDoes() throws Exception {
        HtmlReport.write(dir, report(GoTestFixture.cell(GoTestFixture.ALL, "go1.26.8", "arm64", "qemu", dir)));
        String html = Files.readString(dir.resolve(HtmlReport.FILE));
        assertThat(html)
                .contains("<div class=\"tests\">11 tests: 4 passed, 4 failed, 3 skipped<details><summary>"
                        + "4 failed, 3 skipped</summary><p>failed:</p><ul><li><code>TestParallelWait</code>: "
                        + HtmlReport.esc(TIMEOUT_LINE) + "</li>")
                .contains("<p>skipped:</p><ul><li><code>TestNeedsGPU</code>: store_test.go:32: needs a GPU "
                        + "(set M1GO_FIXTURE_GPU)</li>");
    }

    @Test
    void theTestThatPanicked_isListedWithTheCrash_andReadBackFromReportJson_theReportsAreTheSame() throws Exception {
        Report r = report(GoTestFixture.cell(GoTestFixture.PANIC, "go1.26.8", "arm64", "qemu", dir));
        assertThat(MarkdownReport.render(r, dir))
                .contains("| TestPanics: `GO_PANIC: panic: assignment to entry in nil map [recovered, repanicked]` |");
        JsonReport.write(dir.resolve(JsonReport.FILE), r);
        Report back = JsonReport.read(dir.resolve(JsonReport.FILE));
        assertThat(MarkdownReport.render(back, dir)).isEqualTo(MarkdownReport.render(r, dir));
        assertThat(back.clusters()).isEqualTo(r.clusters());
    }
}
