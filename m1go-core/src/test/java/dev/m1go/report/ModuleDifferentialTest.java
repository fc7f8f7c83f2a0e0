package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.TestBinaryRuns;
import dev.m1go.matrix.TestResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Module mode's test binaries compared across runners, from real runs of {@code example.com/differs}
 * (src/test/resources/dev/m1go/report/module): TestDiffersUnderTranslation fails in the arm64 binary, which this
 * amd64 host runs under qemu-aarch64 and through binfmt_misc; TestAlwaysPasses passes everywhere; TestDeadline missed
 * a 1 ms deadline where the recording says so.
 */
class ModuleDifferentialTest {

    static final CellResult NATIVE = TestBinaryRuns.cell("go1.26-linux-amd64-native");
    static final CellResult QEMU = TestBinaryRuns.cell("go1.26-linux-arm64-qemu");
    static final CellResult BINFMT = TestBinaryRuns.cell("go1.26-linux-arm64-binfmt");

    @Test
    void recordings_readAsTheEngineReadsThem() {
        assertThat(NATIVE.outcome().name()).isEqualTo("PASS");
        assertThat(QEMU.outcome().name()).isEqualTo("EXIT_NONZERO");
        assertThat(FailingTests.of(QEMU)).isEqualTo("TestDiffersUnderTranslation (EXIT_NONZERO)");
        assertThat(FailingTests.of(BINFMT))
                .isEqualTo("TestDiffersUnderTranslation (EXIT_NONZERO), TestDeadline (EXIT_NONZERO)");
        assertThat(QEMU.key().go()).isEqualTo("go1.26.8");
    }

    @Test
    void report_namesTheTestsThatFailOnlyUnderTranslation_andWhatWasComparedWithWhat() {
        String md = MarkdownReport.render(Cells.report(List.of(NATIVE, QEMU, BINFMT)));
        assertThat(md)
                .contains("## Fails only under translation\n\n"
                        + "- differs.test go1.26.8 linux/arm64: qemu EXIT_NONZERO vs linux/amd64 native PASS; fails only "
                        + "under translation: TestDiffersUnderTranslation (compared test by test with differs.test go1.26.8 "
                        + "linux/amd64 native: 3 tests ran in both)\n"
                        + "- differs.test go1.26.8 linux/arm64: binfmt EXIT_NONZERO vs linux/amd64 native PASS; fail only "
                        + "under translation: TestDiffersUnderTranslation, TestDeadline (compared test by test with "
                        + "differs.test go1.26.8 linux/amd64 native: 3 tests ran in both)\n");
        assertThat(md).doesNotContain("No cell fails only under translation");
    }

    @Test
    void translatedTestCells_areComparedTestByTest_withTheNativeCellOfTheOtherTarget_notWithEachOther() {
        List<Differential> d = Differential.of(List.of(NATIVE, QEMU, BINFMT), DifferentialTest.AMD64_HOST);
        assertThat(d).hasSize(2).allSatisfy(x -> {
            assertThat(x.verdict()).isEqualTo(Differential.TRANSLATION_ONLY);
            assertThat(x.referenceKind()).isEqualTo("native-other-target");
            assertThat(x.referenceTarget()).isEqualTo("linux/amd64");
            assertThat(x.reference().key()).isEqualTo("differs.test go1.26.8 amd64 linux/amd64 native default");
            assertThat(x.testsCompared()).isEqualTo(3);
        });
        assertThat(d).extracting(x -> x.cell().runner()).containsExactly("qemu", "binfmt");
        assertThat(d.get(0).translationOnlyTests()).containsExactly("TestDiffersUnderTranslation");
        assertThat(d.get(1).translationOnlyTests()).containsExactly("TestDiffersUnderTranslation", "TestDeadline");
    }

    @Test
    void withoutANativeCell_theTranslatorsAreComparedTestByTest_andTheSentenceSaysWithWhat() {
        List<CellResult> cells = List.of(
                TestBinaryRuns.cell("go1.22-linux-arm64-qemu"), TestBinaryRuns.cell("go1.22-linux-arm64-binfmt"));
        assertThat(Differential.of(cells, DifferentialTest.AMD64_HOST))
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.referenceKind()).isEqualTo("translator");
                    assertThat(x.verdict()).isEqualTo(Differential.SAME);
                    assertThat(x.testsCompared()).isEqualTo(3);
                });
        assertThat(MarkdownReport.render(Cells.report(cells)))
                .contains("No cell fails only under translation (1 "
                        + "translated cells compared with their reference cells; test by test: differs.test go1.22.12 "
                        + "linux/arm64 binfmt with linux/arm64 qemu (3 tests)).");
    }

    private static CellResult withTests(CellResult c, String... outcomes) {
        List<TestResult> tests = new java.util.ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            Outcome o = Outcome.valueOf(outcomes[i]);
            tests.add(new TestResult(
                    "Test" + (char) ('A' + i),
                    o == Outcome.PASS ? "pass" : "fail",
                    o,
                    0.1,
                    "PASS",
                    o == Outcome.PASS ? Verdict.EXPECTED : Verdict.UNEXPECTED,
                    null));
        }
        return c.withTests(tests);
    }

    private static CellResult failed(String goarch, String runner) {
        return Cells.cell(
                "x.test",
                "go1.26.8",
                "amd64",
                goarch,
                runner,
                Outcome.EXIT_NONZERO,
                null,
                "PASS",
                Verdict.UNEXPECTED,
                null,
                List.of());
    }

    @Test
    void aNativeCellOfTheSameTarget_staysTheReference_andTheComparisonIsStillTestByTest() {
        CellResult sameTarget = withTests(failed("arm64", "native"), "PASS", "EXIT_NONZERO", "PASS");
        CellResult otherTarget = withTests(Cells.pass("x.test", "go1.26.8", "amd64", "native"), "PASS", "PASS", "PASS");
        CellResult qemu = withTests(failed("arm64", "qemu"), "PASS", "PASS", "EXIT_NONZERO");
        assertThat(Differential.of(List.of(otherTarget, sameTarget, qemu), DifferentialTest.AMD64_HOST))
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.referenceKind()).isEqualTo("native");
                    assertThat(x.referenceTarget()).isNull();
                    // both exit non-zero, a different test failing in each
                    assertThat(x.verdict()).isEqualTo(Differential.BOTH_DIFFER);
                    assertThat(x.translationOnlyTests()).containsExactly("TestC");
                    assertThat(x.nativeOnlyTests()).containsExactly("TestB");
                });
    }

    @Test
    void aProgramWithoutTests_neverTakesANativeCellOfAnotherTarget() {
        List<Differential> d = Differential.of(
                List.of(
                        Cells.pass("c-x", "go1.26.8", "amd64", "native"),
                        Cells.pass("c-x", "go1.26.8", "arm64", "qemu"),
                        Cells.crash("c-x", "go1.26.8", "arm64", "binfmt", Verdict.UNEXPECTED, null)),
                DifferentialTest.AMD64_HOST);
        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.referenceKind()).isEqualTo("translator");
            assertThat(x.testsCompared()).isNull();
        });
    }
}
