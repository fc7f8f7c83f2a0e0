package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.TestBinaryRuns;
import dev.m1go.matrix.TestResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-test differential table (test × runner) of module mode, in report.md and report.html. */
class ModuleTestTableTest {

    private static Report recorded() {
        return Cells.report(List.of(
                ModuleDifferentialTest.NATIVE,
                ModuleDifferentialTest.QEMU,
                ModuleDifferentialTest.BINFMT,
                TestBinaryRuns.cell("go1.22-linux-amd64-native")));
    }

    @Test
    void markdown_hasOneTablePerTestBinaryAndToolchain_ofTheTestsThatFailedSomewhere() {
        assertThat(MarkdownReport.render(recorded()))
                .contains("## Failing tests per runner\n\n" + TestTable.INTRO
                        + "\n\n### differs.test go1.26.8\n\n"
                        + "| test | linux/amd64 native | linux/arm64 qemu | linux/arm64 binfmt |\n|---|---|---|---|\n"
                        + "| TestDiffersUnderTranslation | PASS | FAIL | FAIL |\n"
                        + "| TestDeadline | PASS | PASS | FAIL |\n\n");
        assertThat(MarkdownReport.render(recorded())).doesNotContain("### differs.test go1.22.12");
    }

    @Test
    void html_hasTheSameTable() {
        String html = HtmlReport.render(recorded(), null);
        assertThat(html)
                .contains(
                        "<section class=\"answers\" id=\"failing-tests\"><h2>Failing tests per runner</h2>",
                        "<h3>differs.test go1.26.8</h3>",
                        "<th>test</th><th>linux/amd64 native</th><th>linux/arm64 qemu</th>"
                                + "<th>linux/arm64 binfmt</th>",
                        "<tr><td>TestDeadline</td><td class=\"o-PASS\">PASS</td><td class=\"o-PASS\">PASS</td>"
                                + "<td class=\"o-EXIT_NONZERO\">FAIL</td></tr>");
    }

    @Test
    void aLongTable_isCut_withALineSayingHowManyMoreTests_andTestsFailingEverywhereLast() {
        List<TestResult> nativeTests = new ArrayList<>();
        List<TestResult> qemuTests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            nativeTests.add(result("TestN" + i, i < 3 ? Outcome.EXIT_NONZERO : Outcome.PASS));
            qemuTests.add(result("TestN" + i, Outcome.EXIT_NONZERO));
        }
        qemuTests.add(result("TestSkipped", Outcome.SKIPPED));
        nativeTests.add(result("TestOnlyNative", Outcome.EXIT_NONZERO));
        CellResult nativeCell = Cells.cell(
                        "x.test",
                        "go1.26.8",
                        "amd64",
                        "amd64",
                        "native",
                        Outcome.EXIT_NONZERO,
                        null,
                        "PASS",
                        Verdict.UNEXPECTED,
                        null,
                        List.of())
                .withTests(nativeTests);
        CellResult qemu = Cells.cell(
                        "x.test",
                        "go1.26.8",
                        "amd64",
                        "arm64",
                        "qemu",
                        Outcome.EXIT_NONZERO,
                        null,
                        "PASS",
                        Verdict.UNEXPECTED,
                        null,
                        List.of())
                .withTests(qemuTests);
        List<TestTable.Table> tables = TestTable.of(Cells.report(List.of(nativeCell, qemu)));
        assertThat(tables).singleElement().satisfies(t -> {
            assertThat(t.rows()).hasSize(TestTable.MAX_ROWS);
            assertThat(t.moreTests()).isEqualTo(21 - TestTable.MAX_ROWS);
            assertThat(t.rows().subList(0, 2))
                    .containsExactly(
                            new TestTable.Row("TestOnlyNative", List.of("FAIL", "–")),
                            new TestTable.Row("TestN3", List.of("PASS", "FAIL")));
            assertThat(t.rows()).doesNotContain(new TestTable.Row("TestN0", List.of("FAIL", "FAIL")));
        });
        assertThat(MarkdownReport.render(Cells.report(List.of(nativeCell, qemu))))
                .contains("| … 6 more tests | | |\n");
    }

    @Test
    void programsWithoutTests_haveNoTable() {
        assertThat(TestTable.of(Cells.report(List.of(
                        Cells.pass("c-abort", "go1.22.12", "amd64", "native"),
                        Cells.crash("c-abort", "go1.22.12", "amd64", "qemu", Verdict.UNEXPECTED, null)))))
                .isEmpty();
    }

    private static TestResult result(String name, Outcome o) {
        return new TestResult(
                name,
                o == Outcome.PASS ? "pass" : o == Outcome.SKIPPED ? "skip" : "fail",
                o,
                0.1,
                "PASS",
                o == Outcome.PASS ? Verdict.EXPECTED : o == Outcome.SKIPPED ? Verdict.SKIPPED : Verdict.UNEXPECTED,
                null);
    }
}
