package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.matrix.CellResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundaryTest {

    private static CellResult check(String go, String runner) {
        return Cells.cell(
                "c-x",
                go,
                "amd64",
                "amd64",
                runner,
                Outcome.CGO_CHECK,
                null,
                "CGO_CHECK",
                Verdict.EXPECTED,
                null,
                List.of());
    }

    @Test
    void outcomeChangingBetweenTwoVersions_isOneBoundary_inVersionOrderNotStringOrder() {
        List<Boundary> b = Boundary.of(List.of(
                check("go1.22.12", "native"),
                Cells.pass("c-x", "go1.9.7", "amd64", "native"),
                Cells.pass("c-x", "go1.21.13", "amd64", "native"),
                check("go1.26.8", "native")));
        assertThat(b).singleElement().satisfies(x -> {
            assertThat(x.describe())
                    .isEqualTo("PASS at go1.21.13, CGO_CHECK at go1.22.12: an observation, not a "
                            + "boundary to bisect (n = 1 run per cell)");
            assertThat(x.evidence()).isEqualTo(Boundary.SINGLE_RUN);
            assertThat(x.versions()).containsExactly("go1.9.7", "go1.21.13", "go1.22.12", "go1.26.8");
            assertThat(x.where("amd64")).isEqualTo("linux/amd64 native");
        });
    }

    @Test
    void sequencesAreKeptApart_perRunnerAndToolchainArch_andEveryChangeIsListed() {
        CellResult arm64Go = DifferentialTest.on(Cells.pass("c-x", "go1.22.12", "amd64", "native"), "arm64", null);
        List<Boundary> b = Boundary.of(List.of(
                Cells.pass("c-x", "go1.21.13", "amd64", "native"),
                check("go1.22.12", "native"),
                Cells.pass("c-x", "go1.23.5", "amd64", "native"),
                arm64Go,
                Cells.pass("c-x", "go1.21.13", "amd64", "qemu"),
                Cells.pass("c-x", "go1.22.12", "amd64", "qemu")));
        assertThat(b)
                .extracting(x -> x.before() + " → " + x.after() + " from " + x.from())
                .containsExactly("PASS → CGO_CHECK from go1.22.12", "CGO_CHECK → PASS from go1.23.5");
    }

    @Test
    void versionsFromAnotherHost_fillInTheSequence() {
        CellResult other = DifferentialTest.on(check("go1.22.12", "native"), "amd64", "ci-runner");
        List<Boundary> b = Boundary.of(List.of(Cells.pass("c-x", "go1.21.13", "amd64", "native"), other));
        assertThat(b).singleElement().extracting(Boundary::from).isEqualTo("go1.22.12");
    }

    @Test
    void skippedCells_andAConstantOutcome_haveNoBoundary() {
        assertThat(Boundary.of(List.of(
                        Cells.pass("c-x", "go1.21.13", "amd64", "native"),
                        Cells.cell(
                                "c-x",
                                "go1.22.12",
                                "amd64",
                                "amd64",
                                "native",
                                Outcome.SKIPPED,
                                null,
                                "PASS",
                                Verdict.SKIPPED,
                                null,
                                List.of()),
                        Cells.pass("c-x", "go1.23.5", "amd64", "native"))))
                .isEmpty();
    }
}
