package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.Diagnosis;
import dev.m1go.matrix.Platform;
import dev.m1go.matrix.RunResult;
import dev.m1go.matrix.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one line a failure message quotes for a cell, and the log it points to. */
class FailureCauseTest {

    @TempDir
    Path dir;

    private static final CellKey KEY =
            CellKey.of("mylib", "go1.22.12", Arch.AMD64, new Platform(Os.LINUX, Arch.ARM64), "qemu", "default");

    private CellResult exited(String stderr, String stdout) throws Exception {
        Path runs = Files.createDirectories(dir.resolve("runs/mylib"));
        Files.writeString(runs.resolve("run-1.stderr"), stderr);
        Files.writeString(runs.resolve("run-1.stdout"), stdout);
        RunResult run = new RunResult(
                1, false, Outcome.EXIT_NONZERO, null, 10, "runs/mylib/run-1.stdout", "runs/mylib/run-1.stderr");
        return CellResult.ran(
                KEY,
                "PASS",
                Outcome.EXIT_NONZERO,
                Verdict.UNEXPECTED,
                new Diagnosis(null, false, "EXIT_NONZERO exit 1", "exit status 1", List.of(), List.of()),
                true,
                null,
                List.of(run),
                Map.of());
    }

    @Test
    void aProgramThatExits_isQuotedByTheLastLineItWrote_andItsLogIsNamed() throws Exception {
        CellResult c = exited("starting\nmylib_answer() = 41, want 42\nexit status 1\n\n", "");
        assertThat(FailureCause.of(dir, c)).isEqualTo("mylib_answer() = 41, want 42");
        assertThat(FailureCause.log(dir, c)).isEqualTo(dir.resolve("runs/mylib/run-1.stderr"));
    }

    @Test
    void aProgramThatWritesOnlyToStandardOutput_pointsToThatLog() throws Exception {
        CellResult c = exited("", "checking\nFAIL: answer is 41\n");
        assertThat(FailureCause.of(dir, c)).isEqualTo("FAIL: answer is 41");
        assertThat(FailureCause.log(dir, c)).isEqualTo(dir.resolve("runs/mylib/run-1.stdout"));
    }

    @Test
    void aFailingTest_isQuotedByItsOwnMessage_notByTheFraming() throws Exception {
        CellResult base = exited("", "");
        TestResult pass = new TestResult(
                "TestOther",
                "pass",
                Outcome.PASS,
                0.01,
                "PASS",
                Verdict.EXPECTED,
                "=== RUN   TestOther\n--- PASS: TestOther (0.01s)\n");
        TestResult fail = new TestResult(
                "TestAnswer",
                "fail",
                Outcome.EXIT_NONZERO,
                0.02,
                "PASS",
                Verdict.UNEXPECTED,
                "=== RUN   TestAnswer\n    answer_test.go:12: mylib_answer() = 41, want 42\n--- FAIL: TestAnswer (0.02s)\n");
        CellResult c = new CellResult(
                base.key(),
                base.outcome(),
                base.verdict(),
                base.expected(),
                base.diagnosis(),
                true,
                null,
                null,
                base.runs(),
                Map.of(),
                Map.of(),
                List.of(pass, fail));
        assertThat(FailureCause.of(dir, c)).isEqualTo("TestAnswer: answer_test.go:12: mylib_answer() = 41, want 42");
    }

    @Test
    void aCrash_isQuotedByItsHeader() throws Exception {
        RunResult run = new RunResult(2, false, Outcome.CGO_SIGNAL, "SIGSEGV", 10, null, null);
        CellResult c = CellResult.ran(
                KEY,
                "PASS",
                Outcome.CGO_SIGNAL,
                Verdict.UNEXPECTED,
                new Diagnosis(
                        "SIGSEGV",
                        true,
                        "CGO_SIGNAL SIGSEGV",
                        "s",
                        List.of("SIGSEGV: segmentation violation", "PC=0x47c0f3 m=0 sigcode=1"),
                        List.of()),
                true,
                null,
                List.of(run),
                Map.of());
        assertThat(FailureCause.of(dir, c)).isEqualTo("SIGSEGV: segmentation violation");
    }

    @Test
    void aLongLine_isCut_andAHugeLogIsReadFromItsEnd() throws Exception {
        String huge = "x".repeat(FailureCause.TAIL_BYTES * 4) + "\n" + "y".repeat(500) + "\n";
        CellResult c = exited(huge, "");
        assertThat(FailureCause.of(dir, c))
                .hasSize(FailureCause.MAX_LENGTH)
                .startsWith("yyy")
                .endsWith("…");
    }
}
