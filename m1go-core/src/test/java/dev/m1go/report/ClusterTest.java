package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.matrix.CellResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClusterTest {

    private static List<CellResult> cells() {
        return List.of(
                Cells.crash("c-abort", "go1.22.12", "amd64", "native", Verdict.EXPECTED, null),
                Cells.crash("c-abort", "go1.22.12", "arm64", "qemu", Verdict.EXPECTED, null),
                Cells.crash("c-abort", "go1.9.7", "arm64", "binfmt", Verdict.EXPECTED, null),
                Cells.cell(
                        "c-abort",
                        "go1.19.8",
                        "arm64",
                        "arm64",
                        "binfmt",
                        Outcome.CGO_SIGNAL,
                        "SIGABRT",
                        "CGO_SIGNAL SIGABRT",
                        Verdict.EXPECTED,
                        null,
                        List.of("main._Cfunc_m1go_abort", "main.main")),
                Cells.cell(
                        "wrong",
                        "go1.22.12",
                        "amd64",
                        "amd64",
                        "native",
                        Outcome.LINK_ARCH_MISMATCH,
                        null,
                        "LINK_ARCH_MISMATCH",
                        Verdict.EXPECTED,
                        null,
                        List.of()),
                Cells.pass("hello", "go1.22.12", "amd64", "native"),
                Cells.cell(
                        "hello",
                        "go1.22.12",
                        "amd64",
                        "arm64",
                        "container",
                        Outcome.SKIPPED,
                        null,
                        "PASS",
                        Verdict.SKIPPED,
                        null,
                        List.of()));
    }

    @Test
    void clusters_groupFailingCellsBySignature_withWhereAndStackPerToolchain() {
        List<Cluster> clusters = Cells.report(cells()).clusters();
        assertThat(clusters).hasSize(2);
        Cluster abort = clusters.get(0);
        assertThat(abort.signature()).isEqualTo("CGO_SIGNAL SIGABRT | main._Cfunc_m1go_abort < main.main");
        assertThat(abort.cells()).isEqualTo(4);
        assertThat(abort.toolchains()).containsExactly("go1.9.7", "go1.19.8 (arm64 go)", "go1.22.12");
        assertThat(abort.targets()).containsExactly("linux/amd64", "linux/arm64");
        assertThat(abort.runners()).containsExactly("native", "qemu", "binfmt");
        assertThat(abort.where())
                .containsExactly(
                        "go1.9.7, go1.19.8 (arm64 go): linux/arm64 binfmt",
                        "go1.22.12: linux/amd64 native, linux/arm64 qemu");
        assertThat(abort.spread())
                .isEqualTo(
                        "go1.9.7, go1.19.8 (arm64 go): linux/arm64 binfmt; go1.22.12: linux/amd64 native, linux/arm64 qemu");
        assertThat(abort.stacks())
                .extracting(Cluster.Stack::go)
                .containsExactly("go1.9.7", "go1.19.8 (arm64 go)", "go1.22.12");
        assertThat(abort.stacks().get(2).depth()).isEqualTo(2);
        assertThat(abort.stacks().get(2).caughtIn()).isEqualTo("main._Cfunc_m1go_abort");
        Cluster link = clusters.get(1);
        assertThat(link.outcome()).isEqualTo(Outcome.LINK_ARCH_MISMATCH);
        assertThat(link.stacks().get(0).caughtIn()).isNull();
    }

    @Test
    void clusters_areTheSame_whateverTheOrderOfTheCells() {
        List<Cluster> expected = Cells.report(cells()).clusters();
        for (long seed = 0; seed < 20; seed++) {
            List<CellResult> shuffled = new ArrayList<>(cells());
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(Cells.report(shuffled).clusters()).isEqualTo(expected);
        }
    }

    @Test
    void clusters_leaveOutPassesAndSkips() {
        assertThat(Cells.report(List.of(Cells.pass("hello", "go1.22.12", "amd64", "native")))
                        .clusters())
                .isEmpty();
    }

    @Test
    void where_listsTheActualCells_neverAProduct() {
        List<CellResult> two = List.of(
                Cells.crash("c-abort", "go1.22.12", "amd64", "native", Verdict.EXPECTED, null),
                Cells.crash("c-abort", "go1.22.12", "arm64", "qemu", Verdict.EXPECTED, null));
        Cluster k = Cells.report(two).clusters().get(0);
        assertThat(k.spread())
                .isEqualTo("go1.22.12: linux/amd64 native, linux/arm64 qemu")
                .doesNotContain("×")
                .doesNotContain("2 runners");
        List<CellResult> five = List.of(
                Cells.crash("c-abort", "go1.21.13", "arm64", "qemu", Verdict.EXPECTED, null),
                Cells.crash("c-abort", "go1.22.12", "amd64", "native", Verdict.EXPECTED, null),
                Cells.crash("c-abort", "go1.22.12", "arm64", "qemu", Verdict.EXPECTED, null),
                Cells.crash("c-abort", "go1.23.5", "amd64", "native", Verdict.EXPECTED, null),
                Cells.crash("c-abort", "go1.23.5", "arm64", "qemu", Verdict.EXPECTED, null));
        assertThat(Cells.report(five).clusters().get(0).where())
                .containsExactly(
                        "go1.21.13: linux/arm64 qemu", "go1.22.12, go1.23.5: linux/amd64 native, linux/arm64 qemu");
    }
}
