package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.Diagnosis;
import dev.m1go.matrix.RunResult;
import dev.m1go.matrix.TestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What report.md and report.html keep of a test cell with many failing tests: bounded, saying what was left out. */
class TestCellsTest {

    private static final String LOG = "logs/store.test/go1.26.8/amd64/native/run-1.stdout";

    /** A cell whose {@code n} tests each fail after printing a line, the way {@code go test -v} prints it. */
    private static CellResult failing(int n) {
        return failing(n, "go1.26.8");
    }

    private static CellResult failing(int n, String go) {
        List<TestResult> tests = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String name = String.format("Test%02d", i);
            tests.add(new TestResult(
                    name,
                    "fail",
                    Outcome.EXIT_NONZERO,
                    0.01,
                    "PASS",
                    Verdict.UNEXPECTED,
                    "=== RUN   " + name + "\n    x_test.go:" + i + ": case " + i + " broke\n--- FAIL: " + name
                            + " (0.01s)\n"));
        }
        return new CellResult(
                Cells.key("store.test", go, "amd64", "amd64", "native"),
                Outcome.EXIT_NONZERO,
                Verdict.UNEXPECTED,
                "PASS",
                new Diagnosis(null, false, "EXIT_NONZERO exit 1", "failed", List.of(), List.of()),
                false,
                null,
                null,
                List.of(new RunResult(1, false, Outcome.EXIT_NONZERO, null, 5, LOG, LOG.replace(".stdout", ".stderr"))),
                Map.of(),
                Map.of(),
                tests);
    }

    @Test
    void excerpt_quotesAtMostFiveTests_andSaysHowManyMoreFailed() {
        String text = TestCells.excerpt(failing(12));
        assertThat(text)
                .contains("--- FAIL: Test05 (0.01s)\n    x_test.go:5: case 5 broke\n")
                .doesNotContain("Test06")
                .endsWith("… 7 more failing tests (every test's output is in report.json; full log: " + LOG + ")\n");
    }

    @Test
    void markdownAndHtml_listAtMostSixFailingTests() throws Exception {
        Report r = Cells.report(List.of(failing(12)));
        assertThat(MarkdownReport.render(r)).contains("Test06: `x_test.go:6: case 6 broke`<br>… and 6 more |");
        assertThat(HtmlReport.render(r, null))
                .contains("<li><code>Test06</code>: x_test.go:6: case 6 broke</li>"
                        + "<li>… and 6 more (every test is in report.json)</li>");
    }

    @Test
    void signature_namesTheSameTestsTheSameWay_atMostFive() {
        assertThat(Cluster.signatureOf(failing(2))).isEqualTo("EXIT_NONZERO exit 1 · failing tests: Test01, Test02");
        assertThat(Cluster.signatureOf(failing(7)))
                .isEqualTo("EXIT_NONZERO exit 1 · failing tests: Test01, Test02, Test03, Test04, Test05 +2 more");
    }

    @Test
    void aTestWhoseResultTheCrashSwallowed_isSkippedWithM1gosNote() {
        TestResult unobserved = new TestResult(
                "TestEarlier",
                "run",
                Outcome.SKIPPED,
                0,
                "PASS",
                Verdict.SKIPPED,
                "=== RUN   TestEarlier\n    x_test.go:3: started\n(no result: the binary died in TestLater before this "
                        + "test's result was printed)\n");
        assertThat(TestCells.skipReason(unobserved))
                .isEqualTo("(no result: the binary died in TestLater before this test's result was printed)");
    }

    @Test
    void aPassingTestCell_hasCountsOnly_andNoExcerpt() {
        CellResult c = failing(0)
                .withTests(List.of(new TestResult(
                        "TestA",
                        "pass",
                        Outcome.PASS,
                        0,
                        "PASS",
                        Verdict.EXPECTED,
                        "=== RUN   TestA\n--- PASS: TestA (0.00s)\n")));
        assertThat(TestCells.counts(c)).isEqualTo("1 test: 1 passed, 0 failed, 0 skipped");
        assertThat(TestCells.hasExcerpt(c)).isFalse();
        assertThat(Cluster.signatureOf(c)).isEqualTo("EXIT_NONZERO exit 1");
    }

    @Test
    void markdown_listsAtMostTwelveRowsOfTestsPerCase() {
        List<CellResult> cells = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            cells.add(failing(i, "go1." + (10 + i) + ".1"));
        }
        String md = MarkdownReport.render(Cells.report(cells));
        assertThat(md.lines().filter(l -> l.matches("\\| go1\\.\\S+ linux/amd64 native \\| \\d+ tests?: .*")))
                .hasSize(12);
        assertThat(md).contains("| … and 2 more rows (every test of every cell is in report.json) | | | |\n");
    }
}
