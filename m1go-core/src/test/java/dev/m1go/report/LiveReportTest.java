package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.matrix.BuildInfo;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.Diagnosis;
import dev.m1go.matrix.RunResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveReportTest {

    @TempDir
    Path dir;

    static CellResult cell(String id, String runner, Outcome o, Verdict v) {
        BuildInfo b = new BuildInfo(Outcome.PASS, "gcc", "gcc", null, false, false, 100, "build/x", "logs/o", "logs/e");
        CellKey key = Cells.key(id, "go1.22.12", "amd64", runner.equals("native") ? "amd64" : "arm64", runner);
        if (v == Verdict.SKIPPED) {
            return CellResult.skipped(key, "CGO_SIGNAL SIGABRT", !runner.equals("native"),
                    "qemu-aarch64 not found on PATH: apt-get install qemu-user");
        }
        return CellResult.ran(key, "CGO_SIGNAL SIGABRT", o, v, new Diagnosis(o == Outcome.CGO_SIGNAL ? "SIGABRT" : null,
                o == Outcome.CGO_SIGNAL, null, "", List.of(), List.of()), !runner.equals("native"), b,
                List.of(new RunResult(2, false, o, null, 410, "logs/r.out", "logs/r.err")), Map.of());
    }

    static Report skeleton() {
        HostInfo host = new HostInfo("linux", "amd64", "x86_64", "amd64", "6.1", null, List.of(), List.of(), Map.of(),
                List.of(), Map.of(), false);
        return new Report(Report.SCHEMA, "test", "2026-11-26T00:00:00Z", null, false, host, List.of(), List.of(),
                List.of(), List.of());
    }

    @Test
    void everyFinishedCell_isInReportJson_beforeTheRunCompletes() throws Exception {
        List<String> lines = new ArrayList<>();
        LiveReport live = new LiveReport(dir, skeleton(), lines::add,
                Clock.fixed(Instant.parse("2026-11-26T01:00:00Z"), ZoneOffset.UTC));
        assertThat(JsonReport.read(dir.resolve("report.json")).cells()).isEmpty();
        live.finished(cell("c-abort", "qemu", Outcome.CGO_SIGNAL, Verdict.EXPECTED), 1, 2);
        Report midway = JsonReport.read(dir.resolve("report.json"));
        assertThat(midway.complete()).isFalse();
        assertThat(midway.cells()).hasSize(1);
        assertThat(midway.cells().get(0).signal()).isEqualTo("SIGABRT");

        live.finished(cell("c-abort", "native", Outcome.CGO_SIGNAL, Verdict.EXPECTED), 2, 2);
        Report done = live.complete(List.copyOf(live.current().cells()));
        assertThat(done.complete()).isTrue();
        assertThat(done.finishedAt()).isEqualTo("2026-11-26T01:00:00Z");
        assertThat(JsonReport.read(dir.resolve("report.json")).cells()).extracting(c -> c.key().runner())
                .containsExactly("native", "qemu");
        assertThat(dir.resolve("report.md")).exists();
    }

    @Test
    void progressLine_namesTheCellOutcomeAndTime() {
        String line = LiveReport.progressLine(cell("static-lib", "qemu", Outcome.PASS, Verdict.EXPECTED), 12, 96, "amd64");
        assertThat(line).isEqualTo("[12/96] static-lib go1.22.12 linux/arm64 qemu ... PASS (0.51 s)");
    }

    @Test
    void progressLine_ofASkip_givesTheReason_andOfAnUnexpectedCell_theExpectation() {
        assertThat(LiveReport.progressLine(cell("c-abort", "qemu", Outcome.SKIPPED, Verdict.SKIPPED), 3, 9, "amd64"))
                .isEqualTo("[3/9] c-abort go1.22.12 linux/arm64 qemu ... SKIPPED (qemu-aarch64 not found on PATH: "
                        + "apt-get install qemu-user)");
        assertThat(LiveReport.progressLine(cell("c-abort", "native", Outcome.PASS, Verdict.UNEXPECTED), 3, 9, "amd64"))
                .endsWith("PASS (0.51 s) UNEXPECTED: expected CGO_SIGNAL SIGABRT");
    }

    @Test
    void reportJson_roundTrips_withTheCaseFieldName() throws Exception {
        Report r = skeleton().withCells(List.of(cell("c-abort", "qemu", Outcome.CGO_SIGNAL, Verdict.EXPECTED)), true, "t");
        JsonReport.write(dir.resolve("report.json"), r);
        String text = java.nio.file.Files.readString(dir.resolve("report.json"));
        assertThat(text).contains("\"case\" : \"c-abort\"").contains("\"schema\" : \"m1go/1\"");
        assertThat(JsonReport.read(dir.resolve("report.json"))).isEqualTo(r);
    }

    @Test
    void readingAReportOfAnotherSchema_isRefused_namingTheFile() throws Exception {
        Path f = java.nio.file.Files.writeString(dir.resolve("old.json"), "{\"schema\": \"m1go/0\", \"cells\": []}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonReport.read(f))
                .isInstanceOf(JsonReport.ReportFormatException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("'m1go/0'");
    }

    @Test
    void written_saysExactlyWhatIsOnDisk_midwayAndAfterTheEnd() throws Exception {
        LiveReport live = new LiveReport(dir, skeleton(), l -> { }, Clock.systemUTC());
        live.finished(cell("c-abort", "qemu", Outcome.CGO_SIGNAL, Verdict.EXPECTED), 1, 2);
        assertThat(live.written()).isEqualTo("report.json holds the 1 cell(s) that finished before the error, marked "
                + "incomplete (\"complete\": false); no other report was written");
        live.complete(List.of(cell("c-abort", "qemu", Outcome.CGO_SIGNAL, Verdict.EXPECTED)));
        assertThat(live.written()).isEqualTo("report.json holds all 1 cells of the finished run and every other "
                + "report was written");
    }
}
