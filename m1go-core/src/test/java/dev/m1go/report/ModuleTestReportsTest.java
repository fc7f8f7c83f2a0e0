package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.matrix.BuildInfo;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.Diagnosis;
import dev.m1go.matrix.RunResult;
import dev.m1go.matrix.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Module mode's test cells in the reports: a JUnit testcase per (cell, test), failing tests in Markdown and HTML. */
class ModuleTestReportsTest {

    @TempDir
    Path dir;

    static CellResult testCell() {
        List<TestResult> tests = List.of(
                new TestResult("TestA", "pass", Outcome.PASS, 0.5, "PASS", Verdict.EXPECTED, null),
                new TestResult("TestB", "skip", Outcome.SKIPPED, 0, "PASS", Verdict.SKIPPED, "needs a GPU\n"),
                new TestResult("TestC", "run", Outcome.CGO_SIGNAL, 0, "PASS", Verdict.UNEXPECTED, "SIGSEGV\n"));
        return new CellResult(
                Cells.key("store.test", "go1.26.8", "amd64", "arm64", "qemu"),
                Outcome.CGO_SIGNAL,
                Verdict.UNEXPECTED,
                "PASS",
                new Diagnosis(
                        "SIGSEGV",
                        true,
                        "CGO_SIGNAL SIGSEGV",
                        "3 tests: 1 passed, 1 failed, 1 skipped; failed: TestC; crashed in TestC: SIGSEGV",
                        List.of(),
                        List.of()),
                true,
                null,
                new BuildInfo(Outcome.PASS, "gcc", "gcc", null, false, false, 1, "b", null, null),
                List.of(new RunResult(2, false, Outcome.CGO_SIGNAL, "SIGSEGV", 1, null, null)),
                Map.of(),
                Map.of(),
                tests);
    }

    @Test
    void junit_hasOneTestcasePerTestOfTheCell() throws Exception {
        JUnitReport.write(dir, Cells.report(List.of(testCell(), Cells.pass("hello", "go1.26.8", "amd64", "native"))));
        List<ReportTestSuite> suites = new TestSuiteXmlParser(new NullConsoleLogger())
                .parse(dir.resolve(JUnitReport.FILE).toString());
        ReportTestSuite store = suites.stream()
                .filter(s -> s.getFullClassName().endsWith("store.test"))
                .findFirst()
                .orElseThrow();
        assertThat(store.getTestCases())
                .extracting(ReportTestCase::getName)
                .containsExactly(
                        "go1.26.8/linux-arm64/qemu TestA",
                        "go1.26.8/linux-arm64/qemu TestB",
                        "go1.26.8/linux-arm64/qemu TestC");
        assertThat(store.getNumberOfFailures()).isEqualTo(1);
        assertThat(store.getNumberOfSkipped()).isEqualTo(1);
        assertThat(store.getTestCases().get(2).getFailureMessage()).isEqualTo("expected PASS, got CGO_SIGNAL (run)");
    }

    @Test
    void markdownAndHtml_listTheFailingTestsOfTheCell() throws Exception {
        Report r = Cells.report(List.of(testCell()));
        assertThat(MarkdownReport.render(r)).contains("failing tests: TestC (CGO_SIGNAL)");
        HtmlReport.write(dir, r);
        assertThat(Files.readString(dir.resolve(HtmlReport.FILE))).contains("failing tests: TestC (CGO_SIGNAL)");
    }
}
