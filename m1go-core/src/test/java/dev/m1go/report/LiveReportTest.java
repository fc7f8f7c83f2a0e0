package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.matrix.BuildInfo;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.Diagnosis;
import dev.m1go.matrix.RunResult;
import dev.m1go.testing.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
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
            return CellResult.skipped(
                    key,
                    "CGO_SIGNAL SIGABRT",
                    !runner.equals("native"),
                    "qemu-aarch64 not found on PATH: apt-get install qemu-user");
        }
        return CellResult.ran(
                key,
                "CGO_SIGNAL SIGABRT",
                o,
                v,
                new Diagnosis(
                        o == Outcome.CGO_SIGNAL ? "SIGABRT" : null,
                        o == Outcome.CGO_SIGNAL,
                        null,
                        "",
                        List.of(),
                        List.of()),
                !runner.equals("native"),
                b,
                List.of(new RunResult(2, false, o, null, 410, "logs/r.out", "logs/r.err")),
                Map.of());
    }

    static Report skeleton() {
        HostInfo host = new HostInfo(
                "linux", "amd64", "x86_64", "amd64", "6.1", null, List.of(), List.of(), Map.of(), List.of(), Map.of(),
                false);
        return new Report(
                Report.SCHEMA,
                "test",
                "2026-11-26T00:00:00Z",
                null,
                false,
                host,
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    /** Keeps scheduled tasks until the test runs them. */
    static final class FakeScheduler implements LiveReport.Scheduler {
        final List<Runnable> tasks = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();
        boolean closed;

        @Override
        public void schedule(Duration delay, Runnable task) {
            delays.add(delay);
            tasks.add(task);
        }

        @Override
        public void close() {
            closed = true;
        }

        void runAll() {
            List<Runnable> now = List.copyOf(tasks);
            tasks.clear();
            now.forEach(Runnable::run);
        }
    }

    private final MovableClock clock = new MovableClock("2026-11-26T01:00:00Z");
    private final FakeScheduler scheduler = new FakeScheduler();
    private final List<Integer> jsonWrites = new ArrayList<>();

    private LiveReport live(List<String> lines) throws Exception {
        return new LiveReport(
                dir,
                skeleton(),
                lines::add,
                clock,
                LiveReport.INTERVAL,
                scheduler,
                (file, r) -> {
                    jsonWrites.add(r.cells().size());
                    JsonReport.write(file, r);
                },
                false);
    }

    @Test
    void everyFinishedCell_isInReportJson_beforeTheRunCompletes() throws Exception {
        List<String> lines = new ArrayList<>();
        LiveReport live = live(lines);
        assertThat(JsonReport.read(dir.resolve("report.json")).cells()).isEmpty();
        clock.advance(1_500);
        live.finished(cell("c-abort", "qemu", Outcome.CGO_SIGNAL, Verdict.EXPECTED), 1, 2);
        Report midway = JsonReport.read(dir.resolve("report.json"));
        assertThat(midway.complete()).isFalse();
        assertThat(midway.cells()).hasSize(1);
        assertThat(midway.cells().get(0).signal()).isEqualTo("SIGABRT");

        live.finished(cell("c-abort", "native", Outcome.CGO_SIGNAL, Verdict.EXPECTED), 2, 2);
        Report done = live.complete(List.copyOf(live.current().cells()));
        assertThat(done.complete()).isTrue();
        assertThat(done.finishedAt()).isEqualTo("2026-11-26T01:00:01.500Z");
        assertThat(JsonReport.read(dir.resolve("report.json")).cells())
                .extracting(c -> c.key().runner())
                .containsExactly("native", "qemu");
        assertThat(dir.resolve("report.md")).exists();
        assertThat(lines).hasSize(2);
        assertThat(scheduler.closed).isTrue();
    }

    @Test
    void reportJson_isWrittenAtMostOncePerInterval_thenOnceWhenTheIntervalEnds() throws Exception {
        LiveReport live = live(new ArrayList<>());
        assertThat(jsonWrites).containsExactly(0);
        for (int i = 1; i <= 100; i++) {
            clock.advance(5);
            live.finished(cell("c-" + i, "native", Outcome.PASS, Verdict.EXPECTED), i, 300);
        }
        assertThat(jsonWrites).as("100 cells in half a second: no write yet").containsExactly(0);
        assertThat(scheduler.delays)
                .as("one write is due when the interval ends")
                .containsExactly(Duration.ofMillis(995));
        clock.advance(495);
        scheduler.runAll();
        assertThat(jsonWrites).containsExactly(0, 100);
        assertThat(JsonReport.read(dir.resolve("report.json")).cells()).hasSize(100);

        clock.advance(1_000);
        live.finished(cell("c-101", "native", Outcome.PASS, Verdict.EXPECTED), 101, 300);
        assertThat(jsonWrites).as("a second after the last write: at once").containsExactly(0, 100, 101);
        live.finished(cell("c-102", "native", Outcome.PASS, Verdict.EXPECTED), 102, 300);
        live.close();
        assertThat(jsonWrites).as("closing early writes what is pending").containsExactly(0, 100, 101, 102);
        scheduler.runAll();
        assertThat(jsonWrites).as("nothing after close").hasSize(4);
    }

    @Test
    void complete_appliesTheBaselineBeforeTheFirstWrite_andWritesEachFormatOnce() throws Exception {
        LiveReport live = live(new ArrayList<>());
        CellResult crash = cell("c-abort", "native", Outcome.CGO_SIGNAL, Verdict.EXPECTED);
        live.finished(crash, 1, 1);
        Comparison comparison = new Comparison("old/report.json", "2026-11-25T00:00:00Z", List.of());
        List<Report> finished = new ArrayList<>();
        Report done = live.complete(List.of(crash), r -> {
            finished.add(r);
            assertThat(dir.resolve("report.md"))
                    .as("no format written before the baseline is applied")
                    .doesNotExist();
            return r.withBaseline(comparison);
        });
        assertThat(finished)
                .singleElement()
                .satisfies(r -> assertThat(r.complete()).isTrue());
        assertThat(done.baseline()).isEqualTo(comparison);
        assertThat(jsonWrites)
                .as("the live writes only; the final one goes with every format")
                .containsExactly(0);
        assertThat(java.nio.file.Files.readString(dir.resolve("report.md"))).contains("## New since the baseline");
        assertThat(JsonReport.read(dir.resolve("report.json")).baseline()).isEqualTo(comparison);
    }

    @Test
    void progressLine_namesTheCellOutcomeAndTime() {
        String line =
                LiveReport.progressLine(cell("static-lib", "qemu", Outcome.PASS, Verdict.EXPECTED), 12, 96, "amd64");
        assertThat(line).isEqualTo("[12/96] static-lib go1.22.12 linux/arm64 qemu ... PASS (run 0.41 s, build 0.10 s)");
    }

    @Test
    void progressLine_ofAFailedBuild_givesTheBuildTimeOnly() {
        CellResult c = cell("static-lib", "qemu", Outcome.PASS, Verdict.EXPECTED);
        CellResult failed = CellResult.buildFailed(
                c.key(),
                "PASS",
                Verdict.UNEXPECTED,
                new BuildInfo(Outcome.LINK_ERROR, "gcc", "gcc", null, false, false, 3420, null, "logs/o", "logs/e"),
                c.diagnosis());
        assertThat(LiveReport.progressLine(failed, 1, 3, "amd64"))
                .startsWith(
                        "[1/3] static-lib go1.22.12 linux/arm64 " + "qemu ... LINK_ERROR (build 3.42 s) UNEXPECTED");
    }

    @Test
    void progressLine_ofACellWhoseBinaryCameFromTheBuildCache_saysSo() {
        CellResult c = cell("static-lib", "qemu", Outcome.PASS, Verdict.EXPECTED);
        BuildInfo b = c.build();
        BuildInfo cached = new BuildInfo(
                b.outcome(),
                b.cc(),
                b.ccFamily(),
                b.libraryArch(),
                b.translated(),
                b.staticLink(),
                2,
                b.binary(),
                b.stdoutLog(),
                b.stderrLog(),
                null,
                null,
                true,
                "ab12");
        CellResult hit = CellResult.ran(
                c.key(),
                c.expected(),
                c.outcome(),
                c.verdict(),
                c.diagnosis(),
                c.translated(),
                cached,
                c.runs(),
                c.facts());
        assertThat(LiveReport.progressLine(hit, 12, 96, "amd64"))
                .isEqualTo("[12/96] static-lib go1.22.12 linux/arm64 qemu ... PASS (run 0.41 s) (cached build)");
    }

    @Test
    void progressLine_ofASkip_givesTheReason_andOfAnUnexpectedCell_theExpectation() {
        assertThat(LiveReport.progressLine(cell("c-abort", "qemu", Outcome.SKIPPED, Verdict.SKIPPED), 3, 9, "amd64"))
                .isEqualTo("[3/9] c-abort go1.22.12 linux/arm64 qemu ... SKIPPED (qemu-aarch64 not found on PATH: "
                        + "apt-get install qemu-user)");
        assertThat(LiveReport.progressLine(cell("c-abort", "native", Outcome.PASS, Verdict.UNEXPECTED), 3, 9, "amd64"))
                .endsWith("PASS (run 0.41 s, build 0.10 s) UNEXPECTED: expected CGO_SIGNAL SIGABRT");
    }

    @Test
    void reportJson_roundTrips_withTheCaseFieldName() throws Exception {
        Report r =
                skeleton().withCells(List.of(cell("c-abort", "qemu", Outcome.CGO_SIGNAL, Verdict.EXPECTED)), true, "t");
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
                .hasMessageContaining(f.toString())
                .hasMessageContaining("'m1go/0'");
    }

    @Test
    void written_saysExactlyWhatIsOnDisk_midwayAndAfterTheEnd() throws Exception {
        LiveReport live = live(new ArrayList<>());
        live.finished(cell("c-abort", "native", Outcome.PASS, Verdict.EXPECTED), 1, 3);
        assertThat(live.written())
                .as("within the interval: not on disk yet")
                .startsWith("report.json holds the 0 cell(s)");
        clock.advance(1_000);
        live.finished(cell("c-abort", "qemu", Outcome.CGO_SIGNAL, Verdict.EXPECTED), 2, 3);
        assertThat(live.written())
                .isEqualTo("report.json holds the 2 cell(s) that finished before the error, marked "
                        + "incomplete (\"complete\": false); no other report was written");
        live.complete(List.of(cell("c-abort", "qemu", Outcome.CGO_SIGNAL, Verdict.EXPECTED)));
        assertThat(live.written())
                .isEqualTo("report.json holds all 1 cells of the finished run and every other " + "report was written");
    }
}
