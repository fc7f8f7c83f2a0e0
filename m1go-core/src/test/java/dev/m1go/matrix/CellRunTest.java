package dev.m1go.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Verdict;
import dev.m1go.exec.ProcessRunner;
import dev.m1go.exec.StoppingException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class CellRunTest {

    @Test
    void maxFailureRate_aRareFailureIsExpected_aFrequentOneIsNot() {
        // 1 of 20 against an allowed 10 %: Wilson [0.9 %, 23.6 %] reaches below it
        assertThat(CellRun.verdict(0.10, false, true, 1, 20)).isEqualTo(Verdict.EXPECTED);
        // one single failing run: [20.7 %, 100 %] is not wholly above 25 %
        assertThat(CellRun.verdict(0.25, true, false, 1, 1)).isEqualTo(Verdict.EXPECTED);
        // 15 of 20 against 10 %: [53.1 %, 88.8 %] lies wholly above it
        assertThat(CellRun.verdict(0.10, false, false, 15, 20)).isEqualTo(Verdict.UNEXPECTED);
        // without a rate, disagreeing runs stay flaky
        assertThat(CellRun.verdict(null, false, true, 1, 20)).isEqualTo(Verdict.FLAKY);
    }

    @Test
    void withoutARate_agreeingRunsAreJudgedByTheFirst() {
        assertThat(CellRun.verdict(null, true, true, 0, 3)).isEqualTo(Verdict.EXPECTED);
        assertThat(CellRun.verdict(null, true, false, 3, 3)).isEqualTo(Verdict.UNEXPECTED);
        // disagreement wins over a first run that did not match
        assertThat(CellRun.verdict(null, false, false, 2, 3)).isEqualTo(Verdict.FLAKY);
    }

    @Test
    void stoppedBy_findsAStoppingExceptionAmongTheCauses_orAskTheProcesses() {
        CellRun running = cellRun(false);
        assertThat(running.stoppedBy(new IOException("disk full"))).isFalse();
        assertThat(running.stoppedBy(new StoppingException("m1go is stopping"))).isTrue();
        assertThat(running.stoppedBy(new IOException("wrapped", new StoppingException("m1go is stopping"))))
                .isTrue();
        // once m1go is stopping, any failure counts as cut short
        assertThat(cellRun(true).stoppedBy(new IOException("disk full"))).isTrue();
    }

    private static CellRun cellRun(boolean stopping) {
        ProcessRunner processes = new ProcessRunner() {
            @Override
            public dev.m1go.exec.ProcessResult run(dev.m1go.exec.ProcessSpec spec) {
                throw new AssertionError("no process runs here");
            }

            @Override
            public boolean stopping() {
                return stopping;
            }
        };
        return new CellRun(null, processes, null, null, null, null);
    }
}
