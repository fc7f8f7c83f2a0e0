package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.matrix.CellResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {

    @TempDir
    Path dir;

    @Test
    void markdown_2000cells_staysUnderGitHubLimit_andSaysWhatWasLeftOut() throws Exception {
        List<CellResult> cells = Cells.many(2000, dir);
        String md = MarkdownReport.render(Cells.report(cells), dir);
        assertThat(md.length()).isLessThan(MarkdownReport.LIMIT);
        assertThat(md.codePointCount(0, md.length())).isLessThan(MarkdownReport.LIMIT);
        assertThat(md).startsWith("# m1go matrix").contains("**Host**: linux/amd64");
        assertThat(md).contains("## Regressions", "- … and 300 more", "| … 360 more signatures | 360 |");
        assertThat(md).contains("## case-000\n", "| Go |");
        assertThat(md).doesNotContain("```text");
        assertThat(md)
                .contains("_Left out to stay under GitHub's 65,536-character limit: the crash texts and failure "
                        + "details");
        assertThat(md).contains("report.json, report.html and logs/");
    }

    @Test
    void markdown_anyMatrixSize_staysUnderTheLimit() throws Exception {
        for (int n : new int[] {0, 1, 50, 300, 800, 5000}) {
            String md = MarkdownReport.render(Cells.report(Cells.many(n, null)), null);
            assertThat(md.length()).as("%d cells", n).isLessThan(MarkdownReport.LIMIT);
        }
    }

    @Test
    void markdown_smallMatrix_keepsCrashTextInOneDetailsBlockPerSignature() throws Exception {
        String log = Cells.writeCrashLog(dir, "logs/c-abort/run-1.stderr", 3);
        List<CellResult> cells = List.of(
                Cells.crash("c-abort", "go1.22.12", "amd64", "native", Verdict.EXPECTED, log),
                Cells.crash("c-abort", "go1.22.12", "arm64", "qemu", Verdict.EXPECTED, log),
                Cells.crash("c-abort", "go1.21.13", "arm64", "binfmt", Verdict.EXPECTED, log));
        String md = MarkdownReport.render(Cells.report(cells), dir);
        assertThat(md.split("<details>", -1)).hasSize(2);
        assertThat(md).contains("```text\nC: calling abort()\nSIGABRT: abort\n");
        assertThat(md)
                .contains("3 cells (go1.21.13: linux/arm64 binfmt; go1.22.12: linux/amd64 native, linux/arm64 qemu)");
        assertThat(md).doesNotContain("Left out");
    }

    @Test
    void markdown_crashTextIsCut_atFortyLines_namingTheFullLog() throws Exception {
        String log = Cells.writeCrashLog(dir, "logs/big/run-1.stderr", 500);
        String md = MarkdownReport.render(
                Cells.report(List.of(Cells.crash("c-abort", "go1.22.12", "amd64", "native", Verdict.EXPECTED, log))),
                dir);
        assertThat(md).contains("… (cut; full log: logs/big/run-1.stderr)");
        assertThat(md).doesNotContain("main.f100()");
    }

    @Test
    void markdown_hostFingerprint_namesOnlyTheEmulatorsOfTheTargets() {
        String md = MarkdownReport.render(Cells.report(List.of(Cells.pass("c", "go1.22.12", "arm64", "qemu"))));
        assertThat(md)
                .contains(
                        "uname -m x86_64",
                        "JVM os.arch amd64",
                        "m1go translated: cannot tell",
                        "qemu-aarch64 (qemu-aarch64 7.2.22)",
                        "binfmt_misc: qemu-aarch64 [PF]",
                        "arm64: aarch64-linux-gnu-gcc (aarch64-linux-gnu-gcc 12.2.0)");
        assertThat(md).doesNotContain("qemu-riscv64").doesNotContain("amd64: gcc");
    }

    @Test
    void markdown_cellsShowOneSymbolAndOneWord_andForeignToolchainsGetTheirOwnRow() {
        List<CellResult> cells = new ArrayList<>(List.of(
                Cells.pass("c", "go1.22.12", "amd64", "native"),
                Cells.cell(
                        "c",
                        "go1.19.8",
                        "arm64",
                        "arm64",
                        "binfmt",
                        Outcome.EMULATOR_FAULT,
                        null,
                        "PASS",
                        Verdict.UNEXPECTED,
                        null,
                        List.of()),
                Cells.cell(
                        "c",
                        "go1.19.8",
                        "amd64",
                        "arm64",
                        "qemu",
                        Outcome.TIMEOUT,
                        null,
                        "PASS",
                        Verdict.UNEXPECTED,
                        null,
                        List.of()),
                Cells.cell(
                        "c",
                        "go1.19.8",
                        "amd64",
                        "amd64",
                        "native",
                        Outcome.LINK_ARCH_MISMATCH,
                        null,
                        "LINK_ARCH_MISMATCH",
                        Verdict.EXPECTED,
                        null,
                        List.of()),
                Cells.cell(
                        "c",
                        "go1.19.8",
                        "amd64",
                        "arm64",
                        "binfmt",
                        Outcome.SKIPPED,
                        null,
                        "PASS",
                        Verdict.SKIPPED,
                        null,
                        List.of())));
        String md = MarkdownReport.render(Cells.report(cells));
        assertThat(md)
                .contains(
                        "| go1.19.8 (arm64 go) |",
                        "🧨 EMULATOR_FAULT ❗",
                        "⏱ TIMEOUT ❗",
                        "⛔ LINK_ARCH_MISMATCH",
                        "— SKIPPED",
                        "✅ PASS");
        assertThat(md.indexOf("## Regressions")).isLessThan(md.indexOf("## c"));
    }

    @Test
    void markdown_withBaseline_leadsWithWhatIsNew() {
        CellResult nowNew = Cells.crash("c-abort", "go1.23.5", "amd64", "native", Verdict.UNEXPECTED, null);
        CellResult known = Cells.crash("c-abort", "go1.22.12", "amd64", "native", Verdict.EXPECTED, null);
        CellResult fixed = Cells.pass("c-abort", "go1.21.13", "amd64", "native");
        Report before = Cells.report(
                List.of(known, Cells.crash("c-abort", "go1.21.13", "amd64", "native", Verdict.EXPECTED, null)));
        Report now = Cells.report(List.of(nowNew, known, fixed));
        Report r = now.withBaseline(Comparison.of(now, before, "old/report.json"));
        String md = MarkdownReport.render(r);
        int newAt = md.indexOf("## New since the baseline");
        assertThat(newAt).isPositive().isLessThan(md.indexOf("## Regressions"));
        assertThat(md)
                .contains(
                        "1 new, 1 known, 1 fixed",
                        "- 🆕 new: **c-abort go1.23.5 linux/amd64 native**",
                        "- 🩹 fixed: **c-abort go1.21.13 linux/amd64 native**");
    }

    @Test
    void markdown_crashText_endsAfterTheCrashingGoroutine() throws Exception {
        String log = Cells.writeCrashLog(dir, "logs/g/run-1.stderr", 2);
        java.nio.file.Files.writeString(
                dir.resolve(log),
                "\ngoroutine 2 gp=0xc000002 m=nil [force gc (idle)]:\n" + "runtime.gopark()\n",
                java.nio.file.StandardOpenOption.APPEND);
        String md = MarkdownReport.render(
                Cells.report(List.of(Cells.crash("c-abort", "go1.22.12", "amd64", "native", Verdict.EXPECTED, log))),
                dir);
        assertThat(md).contains("main.f1()", "… (other goroutines left out; full log: logs/g/run-1.stderr)");
        assertThat(md).doesNotContain("runtime.gopark");
    }
}
