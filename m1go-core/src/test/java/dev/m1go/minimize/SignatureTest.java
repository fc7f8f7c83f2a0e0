package dev.m1go.minimize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.matrix.BuildInfo;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.Diagnosis;
import dev.m1go.matrix.Platform;
import dev.m1go.matrix.RunResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What counts as "still fails the same way": the outcome, the signal and the site for a failure seen in every run;
 * for an intermittent one, the lower bound of the 95 % Wilson interval of the share of matching runs above the
 * threshold; and for a translation-only one, a native reference that keeps passing.
 */
class SignatureTest {

    private static final Signature SEGV_IN_C = new Signature(Outcome.CGO_SIGNAL, "SIGSEGV", true, List.of());

    private static CellResult cell(Outcome first, String signal, boolean inC, Map<String, Integer> counts) {
        CellKey key =
                CellKey.of("min-0", "go1.26.8", Arch.AMD64, new Platform(Os.LINUX, Arch.AMD64), "native", "default");
        BuildInfo build = new BuildInfo(Outcome.PASS, "gcc", "gcc", null, false, false, 900, "build/x", null, null);
        RunResult run = new RunResult(first == Outcome.PASS ? 0 : 2, false, first, signal, 10, "o", "e");
        return CellResult.ran(
                key,
                "PASS",
                first,
                Verdict.EXPECTED,
                new Diagnosis(signal, inC, null, "", List.of(), List.of()),
                false,
                build,
                List.of(run),
                Map.of(),
                counts);
    }

    @Test
    void aFailureInEveryRun_isKeptOnlyWithTheSameOutcomeSignalAndSite() {
        assertThat(SEGV_IN_C.keptBy(cell(Outcome.CGO_SIGNAL, "SIGSEGV", true, Map.of()), false, 0.1))
                .isTrue();
        assertThat(SEGV_IN_C.keptBy(cell(Outcome.CGO_SIGNAL, "SIGABRT", true, Map.of()), false, 0.1))
                .isFalse();
        assertThat(SEGV_IN_C.keptBy(cell(Outcome.GO_SIGNAL, "SIGSEGV", false, Map.of()), false, 0.1))
                .isFalse();
        assertThat(SEGV_IN_C.keptBy(cell(Outcome.CGO_SIGNAL, "SIGSEGV", false, Map.of()), false, 0.1))
                .as("the same signal, but the fault came in Go code")
                .isFalse();
        assertThat(SEGV_IN_C.keptBy(cell(Outcome.PASS, null, false, Map.of()), false, 0.1))
                .isFalse();
    }

    @Test
    void anIntermittentFailure_isKeptWhileItsWilsonLowerBoundStaysAboveTheThreshold() {
        // 3 of 10: [10.8 %, 60.3 %] is above 10 %; 2 of 10: [5.7 %, 51.0 %] is not
        assertThat(SEGV_IN_C.keptBy(
                        cell(Outcome.PASS, null, true, Map.of("PASS", 7, "CGO_SIGNAL SIGSEGV", 3)), true, 0.10))
                .isTrue();
        assertThat(SEGV_IN_C.keptBy(
                        cell(Outcome.PASS, null, true, Map.of("PASS", 8, "CGO_SIGNAL SIGSEGV", 2)), true, 0.10))
                .isFalse();
        // runs that fail another way do not count, and the other runs must pass
        assertThat(SEGV_IN_C.keptBy(
                        cell(Outcome.PASS, null, true, Map.of("PASS", 5, "CGO_SIGNAL SIGABRT", 5)), true, 0.10))
                .isFalse();
        assertThat(SEGV_IN_C.keptBy(
                        cell(Outcome.CGO_SIGNAL, "SIGSEGV", true, Map.of("EXIT_NONZERO", 5, "CGO_SIGNAL SIGSEGV", 5)),
                        true,
                        0.10))
                .as("the other runs no longer pass")
                .isFalse();
        // more runs make the same rate count: 6 of 20 is [14.5 %, 51.9 %]
        assertThat(SEGV_IN_C.keptBy(
                        cell(Outcome.PASS, null, true, Map.of("PASS", 14, "CGO_SIGNAL SIGSEGV", 6)), true, 0.10))
                .isTrue();
    }

    @Test
    void aNativeReference_passesOnlyWhenEveryRunPassed() {
        assertThat(Signature.passes(cell(Outcome.PASS, null, false, Map.of()))).isTrue();
        assertThat(Signature.passes(cell(Outcome.PASS, null, false, Map.of("PASS", 9, "EXIT_NONZERO", 1))))
                .isFalse();
        assertThat(Signature.passes(cell(Outcome.EXIT_NONZERO, null, false, Map.of())))
                .isFalse();
    }

    @Test
    void runsPerCandidate_growAsTheCaseShrinks_upToFourTimes() {
        Judgement intermittent = new Judgement(SEGV_IN_C, true, false, null, "5/10", List.of(), null);
        Judgement always = new Judgement(SEGV_IN_C, false, false, null, "10/10", List.of(), null);
        assertThat(Minimizer.runsFor(always, 10, 10_000, 100)).isEqualTo(1);
        assertThat(Minimizer.runsFor(intermittent, 10, 10_000, 10_000)).isEqualTo(10);
        assertThat(Minimizer.runsFor(intermittent, 10, 10_000, 2_500)).isEqualTo(20);
        assertThat(Minimizer.runsFor(intermittent, 10, 10_000, 100)).isEqualTo(40);
    }

    @Test
    void aFailureWithoutSignal_keepsItsCause_soAnUnwrappedAssertionIsNotTheSameFailure() {
        CellResult exit1 = cell(Outcome.EXIT_NONZERO, null, false, Map.of());
        Signature want = Signature.of(exit1, "TestAnswer: answer_test.go:17: mylib_answer() = 41, want 42");

        assertThat(want.describe()).isEqualTo("EXIT_NONZERO in Go (\"TestAnswer: …: mylib_answer() = 41, want 42\")");
        assertThat(want.keptBy(exit1, "TestAnswer: answer_m1gotest.go:9: mylib_answer() = 41, want 42", false, 0.1))
                .as("the same message, moved and renamed")
                .isTrue();
        assertThat(want.keptBy(exit1, "TestAnswer: answer_test.go:17: mylib_answer() = 0, want 42", false, 0.1))
                .as("the C call that produced 41 is gone")
                .isFalse();
        assertThat(want.keptBy(exit1, null, false, 0.1)).isFalse();
    }

    @Test
    void theCause_losesAddressesPositionsGoroutinesAndTimes_andSignalsTimeoutsAndKillsKeepNone() {
        assertThat(Signature.normalise("panic: boom at 0xc000012345 [recovered] goroutine 7 (0.01s) main.go:12:3"))
                .isEqualTo("panic: boom at 0x… [recovered] goroutine … (…) …");
        assertThat(Signature.normalise("  ")).isNull();
        CellResult segv = cell(Outcome.CGO_SIGNAL, "SIGSEGV", true, Map.of());
        assertThat(Signature.of(segv, "SIGSEGV: segmentation violation PC=0x1").cause())
                .isNull();
        assertThat(Signature.of(cell(Outcome.TIMEOUT, null, false, Map.of()), "goroutine 1 [running]:")
                        .cause())
                .isNull();
        assertThat(Signature.of(cell(Outcome.GO_PANIC, null, false, Map.of()), "panic: x")
                        .cause())
                .isEqualTo("panic: x");
    }
}
