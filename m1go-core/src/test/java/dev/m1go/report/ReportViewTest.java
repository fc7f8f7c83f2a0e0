package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.matrix.CellResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportViewTest {

    @TempDir
    Path dir;

    @Test
    void grid_rowsAreToolchains_columnsTargetTimesRunner_nativeFirst() {
        ReportView v = ReportView.of(
                Cells.report(List.of(
                        Cells.pass("c-abort", "go1.22.12", "arm64", "qemu"),
                        Cells.pass("c-abort", "go1.22.12", "amd64", "native"),
                        Cells.cell(
                                "c-abort",
                                "go1.19.8",
                                "arm64",
                                "arm64",
                                "binfmt",
                                Outcome.PASS,
                                null,
                                "PASS",
                                Verdict.EXPECTED,
                                null,
                                List.of()),
                        Cells.pass("c-abort", "go1.21.13", "arm64", "binfmt"))),
                null);
        assertThat(v.cases()).singleElement().satisfies(grid -> {
            assertThat(grid.columns()).containsExactly("linux/amd64 native", "linux/arm64 qemu", "linux/arm64 binfmt");
            assertThat(grid.rows())
                    .extracting(ReportView.Row::label)
                    .containsExactly("go1.19.8 (arm64 go)", "go1.21.13", "go1.22.12");
            assertThat(grid.rows().get(2).cells()).containsOnlyKeys("linux/amd64 native", "linux/arm64 qemu");
        });
    }

    @Test
    void hostFacts_areData_filteredToTheTargetsOfTheCells() {
        ReportView v = ReportView.of(Cells.report(List.of(Cells.pass("c", "go1.22.12", "arm64", "qemu"))), null);
        assertThat(v.hosts()).singleElement().satisfies(h -> {
            assertThat(h.label()).isNull();
            assertThat(h.facts())
                    .containsExactly(
                            "linux/amd64 (uname -m x86_64, JVM os.arch amd64, kernel 6.1.0, m1go translated: cannot tell)",
                            "emulators: qemu-aarch64 (qemu-aarch64 7.2.22)",
                            "binfmt_misc: qemu-aarch64 [PF]",
                            "C compilers: arm64: aarch64-linux-gnu-gcc (aarch64-linux-gnu-gcc 12.2.0)");
        });
        assertThat(ReportView.facts(Cells.HOST, Set.of("amd64")))
                .contains("emulators: none for these targets")
                .noneMatch(f -> f.startsWith("binfmt_misc"));
    }

    @Test
    void crashTexts_areReadOncePerView_whateverFormatsQuoteThem() throws Exception {
        String log = Cells.writeCrashLog(dir, "logs/c-abort/run-1.stderr", 3);
        CellResult crash = Cells.crash("c-abort", "go1.22.12", "amd64", "native", Verdict.UNEXPECTED, log);
        ReportView v = ReportView.of(Cells.report(List.of(crash)), dir);
        String md = MarkdownReport.render(v);
        assertThat(md).contains("SIGABRT: abort");
        Files.delete(dir.resolve(log));
        // the file is gone: what the HTML and JUnit writers quote now can only come from the first read
        HtmlReport.write(v);
        JUnitReport.write(v);
        assertThat(Files.readString(dir.resolve(HtmlReport.FILE))).contains("SIGABRT: abort");
        assertThat(Files.readString(dir.resolve(JUnitReport.FILE))).contains("SIGABRT: abort");
        assertThat(ReportView.of(Cells.report(List.of(crash)), dir).crashText(crash, 40))
                .doesNotContain("SIGABRT");
    }

    @Test
    void firstOfACluster_isItsFirstFailingCellInReportOrder() {
        CellResult later = Cells.crash("c-abort", "go1.22.12", "amd64", "native", Verdict.EXPECTED, null);
        CellResult first = Cells.crash("c-abort", "go1.21.13", "amd64", "native", Verdict.EXPECTED, null);
        ReportView v = ReportView.of(Cells.report(List.of(later, first)), null);
        assertThat(v.firstOf(v.clusters().get(0))).isEqualTo(first);
        assertThat(v.title(first)).isEqualTo("c-abort go1.21.13 linux/amd64 native");
    }
}
