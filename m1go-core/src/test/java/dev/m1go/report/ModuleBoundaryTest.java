package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.matrix.TestBinaryRuns;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a test binary's outcome changes across Go versions, from real runs of {@code example.com/differs}
 * (src/test/resources/dev/m1go/report/module): with Go 1.26 TestDeadline was given 1 ms, the deadline a loaded
 * machine misses, and failed in each of 5 runs; with Go 1.22 every test passed in each of 5 runs.
 */
class ModuleBoundaryTest {

    @Test
    void oneRunPerCell_isReportedAsAnObservation_withItsFailingTests_notAsABoundaryToBisect() {
        Report r = Cells.report(List.of(
                TestBinaryRuns.cell("go1.22-linux-amd64-native", 1),
                TestBinaryRuns.cell("go1.26-linux-amd64-native-deadline", 1)));
        assertThat(r.boundaries()).singleElement().satisfies(b -> {
            assertThat(b.evidence()).isEqualTo(Boundary.SINGLE_RUN);
            assertThat(b.failingAfter()).containsExactly("TestDeadline");
            assertThat(b.failingBefore()).isEmpty();
        });
        assertThat(MarkdownReport.render(r))
                .contains("## Where the outcome changes across versions\n\n"
                        + "- differs.test linux/amd64 native: PASS at go1.22.12, EXIT_NONZERO at go1.26.8: an observation, "
                        + "not a boundary to bisect (n = 1 run per cell; failing tests: TestDeadline at go1.26.8)\n");
    }

    @Test
    void repeatedRunsOnBothSides_stateTheBoundary_withTheRatesTheirIntervalsAndFishersTest() {
        Report r = Cells.report(List.of(
                TestBinaryRuns.cell("go1.22-linux-amd64-native"),
                TestBinaryRuns.cell("go1.26-linux-amd64-native-deadline")));
        Boundary b = r.boundaries().get(0);
        assertThat(b.evidence()).isEqualTo(Boundary.REPEATED_RUNS);
        assertThat(b.beforeRate()).hasToString("0/5");
        assertThat(b.afterRate()).hasToString("5/5");
        assertThat(b.pValue()).isCloseTo(0.0079, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(b.describe())
                .isEqualTo("PASS up to go1.22.12, EXIT_NONZERO from go1.26.8: failure rates 0/5 "
                        + "[0 %–43.4 %] vs 5/5 [56.6 %–100.0 %] (95 % Wilson intervals), Fisher's exact test p = 0.0079; "
                        + "in the first runs, failing tests: TestDeadline at go1.26.8");
    }

    @Test
    void sameOutcome_butDifferentFailingTests_isAChange_andSaysTheTestsDiffer() {
        Report r = Cells.report(List.of(
                TestBinaryRuns.cell("go1.22-linux-arm64-binfmt"), TestBinaryRuns.cell("go1.26-linux-arm64-binfmt")));
        assertThat(Answers.boundaries(r))
                .containsExactly("differs.test linux/arm64 binfmt: EXIT_NONZERO at go1.22.12, "
                        + "EXIT_NONZERO at go1.26.8: an observation, not a boundary to bisect (n = 1 run per cell; failing "
                        + "tests differ between the versions: TestDiffersUnderTranslation at go1.22.12; "
                        + "TestDiffersUnderTranslation, TestDeadline at go1.26.8)");
    }

    @Test
    void sameFailingTestsAtBothVersions_isNoChange() {
        assertThat(Boundary.of(List.of(
                        TestBinaryRuns.cell("go1.22-linux-arm64-qemu"),
                        TestBinaryRuns.cell("go1.26-linux-arm64-qemu"))))
                .isEmpty();
    }
}
