package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    @Test
    void baseline_marksFailingCellsNewOrKnown_andPassingOnesThatFailedBeforeFixed() {
        Report before = Cells.report(List.of(
                Cells.crash("c", "go1.22.12", "amd64", "native", Verdict.EXPECTED, null),
                Cells.crash("c", "go1.21.13", "amd64", "native", Verdict.EXPECTED, null),
                Cells.pass("c", "go1.23.5", "amd64", "native"),
                Cells.crash("c", "go1.19.8", "amd64", "native", Verdict.EXPECTED, null)));
        Report now = Cells.report(List.of(
                Cells.crash("c", "go1.22.12", "amd64", "native", Verdict.EXPECTED, null),
                Cells.pass("c", "go1.21.13", "amd64", "native"),
                Cells.crash("c", "go1.23.5", "amd64", "native", Verdict.UNEXPECTED, null),
                Cells.cell(
                        "c",
                        "go1.19.8",
                        "amd64",
                        "amd64",
                        "native",
                        Outcome.TIMEOUT,
                        null,
                        "PASS",
                        Verdict.UNEXPECTED,
                        null,
                        List.of()),
                Cells.crash("c", "go1.27.3", "amd64", "native", Verdict.EXPECTED, null)));
        Comparison cmp = Comparison.of(now, before, "before.json");
        assertThat(cmp.changes())
                .extracting(Comparison.Change::cell, Comparison.Change::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c go1.19.8 amd64 linux/amd64 native default", "new"),
                        org.assertj.core.groups.Tuple.tuple("c go1.21.13 amd64 linux/amd64 native default", "fixed"),
                        org.assertj.core.groups.Tuple.tuple("c go1.22.12 amd64 linux/amd64 native default", "known"),
                        org.assertj.core.groups.Tuple.tuple("c go1.23.5 amd64 linux/amd64 native default", "new"),
                        org.assertj.core.groups.Tuple.tuple("c go1.27.3 amd64 linux/amd64 native default", "new"));
        assertThat(cmp.changes().get(0).before()).isEqualTo("CGO_SIGNAL SIGABRT | main._Cfunc_m1go_abort < main.main");
        assertThat(cmp.counts())
                .containsEntry("new", 3)
                .containsEntry("known", 1)
                .containsEntry("fixed", 1);
    }
}
