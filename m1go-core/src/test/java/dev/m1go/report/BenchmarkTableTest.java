package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.matrix.BenchmarkResult;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.GoBenchmarks;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * report.md's benchmark table from the real output of {@code src/test/resources/dev/m1go/matrix/gotest-flags} (see
 * its README.md): go1.26.8's test binary of {@code example.com/flags} natively on linux/amd64 and under qemu-user on
 * linux/arm64, with {@code -test.cpu=1,2 -test.bench=. -test.benchtime=20000x}.
 */
class BenchmarkTableTest {

    private static List<BenchmarkResult> recorded(String run) throws IOException {
        try (InputStream in = BenchmarkTableTest.class.getResourceAsStream(
                "/dev/m1go/matrix/gotest-flags/" + run + "/run-1.stdout")) {
            return GoBenchmarks.read(in);
        }
    }

    private static CellResult cell(String goarch, String runner, List<BenchmarkResult> benchmarks) {
        return Cells.pass("flags.test", "go1.26.8", goarch, runner).withRunEnvAndBenchmarks(List.of(), benchmarks);
    }

    @Test
    void goBenchmarks_readsEveryResultLine_withItsGomaxprocsSuffix() throws Exception {
        assertThat(recorded("native"))
                .containsExactly(
                        new BenchmarkResult("BenchmarkSum", 20_000, 4861),
                        new BenchmarkResult("BenchmarkSum-2", 20_000, 748.1),
                        new BenchmarkResult("BenchmarkSumSmall", 20_000, 5.974),
                        new BenchmarkResult("BenchmarkSumSmall-2", 20_000, 10.82));
        assertThat(recorded("go119"))
                .as("a binary that refused its flags prints none")
                .isEmpty();
    }

    @Test
    void markdown_comparesEachTranslatedCellWithTheNativeOne() throws Exception {
        Report r = Cells.report(List.of(
                cell("amd64", "native", recorded("native")),
                cell("arm64", "qemu", recorded("qemu")),
                Cells.pass("other", "go1.26.8", "amd64", "native")));
        String md = MarkdownReport.render(r);
        assertThat(md)
                .contains("## Benchmarks\n")
                .contains("| flags.test | go1.26.8 | BenchmarkSum | 4861 (linux/amd64 native) | linux/arm64 qemu: 3058 "
                        + "(0.63×) |")
                .contains("| flags.test | go1.26.8 | BenchmarkSumSmall-2 | 10.82 (linux/amd64 native) | linux/arm64 "
                        + "qemu: 16.65 (1.54×) |");
        assertThat(BenchmarkTable.rows(r.cells())).hasSize(4);
    }

    @Test
    void aBenchmarkRunSeveralTimes_countsWithItsMedian_andWithoutANativeCellHasNoRatio() {
        CellResult qemu = cell(
                "arm64",
                "qemu",
                List.of(
                        new BenchmarkResult("BenchmarkX", 10, 30),
                        new BenchmarkResult("BenchmarkX", 10, 10),
                        new BenchmarkResult("BenchmarkX", 10, 20)));
        String md = MarkdownReport.render(Cells.report(List.of(qemu)));
        assertThat(md).contains("| flags.test | go1.26.8 | BenchmarkX | – | linux/arm64 qemu: 20.00 |");
        assertThat(MarkdownReport.render(Cells.report(List.of(Cells.pass("c", "go1.26.8", "amd64", "native")))))
                .doesNotContain("## Benchmarks");
    }
}
