package dev.m1go.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.cases.CellFacts;
import dev.m1go.cases.Expectation;
import dev.m1go.cases.ModuleUnit;
import dev.m1go.classify.Classification;
import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.module.GoTestEvents;
import dev.m1go.toolchain.GoVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ModuleTestsTest {

    private static final CellFacts CELL = new CellFacts(
            GoVersion.parse("go1.26.8").orElseThrow(), Arch.AMD64, Os.LINUX, Arch.ARM64, "qemu", "default", "gcc");

    private static ModuleUnit unit(List<ModuleUnit.TestRule> rules) {
        return new ModuleUnit(
                Path.of("/m"), "example.com/m", ".", true, List.of(), List.of(), null, null, null, Map.of(), rules);
    }

    private static final List<GoTestEvents.Test> EVENTS = List.of(
            new GoTestEvents.Test("TestA", "pass", 0.1, ""),
            new GoTestEvents.Test("TestB", "skip", 0, ""),
            new GoTestEvents.Test("TestC", "run", 0, "SIGSEGV: segmentation violation\n"));

    @Test
    void crash_isNamedAfterTheTestThatWasRunning_andThatTestGetsTheRunsOutcome() {
        Classification run = new Classification(
                Outcome.CGO_SIGNAL,
                "SIGSEGV",
                true,
                "SIGSEGV: segmentation violation (signal arrived during cgo execution)",
                "x",
                List.of(),
                List.of());
        ModuleTests.Judged j = ModuleTests.judge(EVENTS, unit(List.of()), CELL, run);
        assertThat(j.tests())
                .extracting(TestResult::outcome)
                .containsExactly(Outcome.PASS, Outcome.SKIPPED, Outcome.CGO_SIGNAL);
        assertThat(j.tests())
                .extracting(TestResult::verdict)
                .containsExactly(Verdict.EXPECTED, Verdict.SKIPPED, Verdict.UNEXPECTED);
        assertThat(j.summary())
                .startsWith("3 tests: 1 passed, 1 failed, 1 skipped; failed: TestC")
                .contains("crashed in TestC: SIGSEGV");
        assertThat(j.verdict()).isEqualTo(Verdict.UNEXPECTED);
    }

    @Test
    void aTestRuleOfM1goYaml_canExpectTheCrash() {
        Expectation crashes = new Expectation(
                new Expectation.Expected(List.of(Outcome.CGO_SIGNAL, Outcome.GO_SIGNAL), null, "known", null, null),
                List.of());
        Classification run =
                new Classification(Outcome.CGO_SIGNAL, "SIGSEGV", true, "SIGSEGV", "x", List.of(), List.of());
        ModuleTests.Judged j = ModuleTests.judge(
                EVENTS, unit(List.of(new ModuleUnit.TestRule(Pattern.compile("^TestC$"), crashes))), CELL, run);
        assertThat(j.tests().get(2).verdict()).isEqualTo(Verdict.EXPECTED);
        assertThat(j.tests().get(2).expected()).isEqualTo("CGO_SIGNAL or GO_SIGNAL");
        assertThat(j.verdict()).isEqualTo(Verdict.EXPECTED);
    }

    @Test
    void failedTest_isExitNonzero_andAllPassing_isExpected() {
        Classification failed =
                new Classification(Outcome.EXIT_NONZERO, null, false, "exit status 1", "x", List.of(), List.of());
        ModuleTests.Judged j = ModuleTests.judge(
                List.of(new GoTestEvents.Test("TestA", "fail", 0.1, "boom\n")), unit(List.of()), CELL, failed);
        assertThat(j.tests().get(0).outcome()).isEqualTo(Outcome.EXIT_NONZERO);
        assertThat(j.summary()).isEqualTo("1 tests: 0 passed, 1 failed, 0 skipped; failed: TestA");
        Classification pass = new Classification(Outcome.PASS, null, false, "exit 0", null, List.of(), List.of());
        assertThat(ModuleTests.judge(EVENTS.subList(0, 2), unit(List.of()), CELL, pass)
                        .verdict())
                .isEqualTo(Verdict.EXPECTED);
    }

    @Test
    void crashInASubtest_blamesItAndItsParent_notASiblingWhoseResultWasNeverPrinted() {
        // Go prints a subtest's "--- PASS" line only when its parent finishes: a crash in neon_x4 leaves generic
        // without a result although it ran before.
        List<GoTestEvents.Test> events = List.of(
                new GoTestEvents.Test("TestErrors", "pass", 0.03, ""),
                new GoTestEvents.Test("TestForcedPaths", "run", 0, ""),
                new GoTestEvents.Test("TestForcedPaths/generic", "run", 0, ""),
                new GoTestEvents.Test("TestForcedPaths/neon_x4", "run", 0, ""));
        Classification run = new Classification(
                Outcome.GO_FATAL,
                null,
                false,
                "fatal error: unknown caller pc in sync.(*RWMutex).Lock",
                "x",
                List.of(),
                List.of());
        ModuleTests.Judged j = ModuleTests.judge(events, unit(List.of()), CELL, run);
        assertThat(j.tests())
                .extracting(TestResult::outcome)
                .containsExactly(Outcome.PASS, Outcome.GO_FATAL, Outcome.SKIPPED, Outcome.GO_FATAL);
        assertThat(j.tests().get(2).output()).contains("no result");
        assertThat(j.summary())
                .contains("failed: TestForcedPaths, TestForcedPaths/neon_x4")
                .contains("crashed in TestForcedPaths/neon_x4");
    }
}
