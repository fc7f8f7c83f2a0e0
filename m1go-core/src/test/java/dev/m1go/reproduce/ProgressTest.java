package dev.m1go.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.cases.CaseLoader;
import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.exec.ProcessResult;
import dev.m1go.exec.ProcessSpec;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.PlannedCell;
import dev.m1go.matrix.Platform;
import dev.m1go.runner.Runner;
import dev.m1go.testing.MovableClock;
import dev.m1go.testing.RecordingLog;
import dev.m1go.toolchain.Toolchain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final RecordingLog log = new RecordingLog();
    private final List<String> lines = log.lines;

    private static final Runner NATIVE = new Runner() {
        public String name() {
            return "native";
        }

        public boolean appliesTo(Os os, Arch arch) {
            return true;
        }

        public Availability availability(Os os, Arch arch) {
            return Availability.yes();
        }

        public boolean translates(Arch arch) {
            return false;
        }

        public ProcessResult run(ProcessSpec spec, Arch arch) {
            throw new AssertionError("not run");
        }
    };

    private static List<PlannedCell> planned(int n) throws Exception {
        var c = new CaseLoader().load(null, List.of("cgo-hello")).get(0);
        List<PlannedCell> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cells.add(new PlannedCell(
                    c,
                    new Toolchain("go1.2" + i + ".1", Path.of("/go" + i), Arch.AMD64, "test", Map.of(), null),
                    new Platform(Os.LINUX, Arch.AMD64),
                    NATIVE,
                    dev.m1go.cases.Variant.defaultVariant(),
                    null));
        }
        return cells;
    }

    private static CellResult passed() {
        dev.m1go.matrix.CellKey key = new dev.m1go.matrix.CellKey(
                "cgo-hello",
                "go1.20.1",
                Arch.AMD64,
                new Platform(Os.LINUX, Arch.AMD64),
                "native",
                dev.m1go.matrix.CellKey.DEFAULT_VARIANT,
                null);
        return CellResult.ran(
                key,
                "PASS",
                Outcome.PASS,
                Verdict.EXPECTED,
                dev.m1go.matrix.Diagnosis.note("passed"),
                false,
                null,
                List.of(),
                Map.of());
    }

    @Test
    void line_carriesElapsedTimeAndAnEtaFromTheCellsThatRan() throws Exception {
        MovableClock clock = new MovableClock("2026-01-01T00:00:00Z");
        Progress p = new Progress(log, clock);
        List<PlannedCell> cells = planned(4);
        p.planned(cells);
        p.started(cells.get(0));
        clock.advance(Duration.ofSeconds(30));
        p.finished(passed(), 1, 4);
        p.line("[1/4] c go1.22.12 linux/amd64 native ... PASS (30.00 s)");
        assertThat(lines)
                .containsExactly(
                        "[1/4] c go1.22.12 linux/amd64 native ... PASS (30.00 s) · 30 s elapsed, " + "ETA 1m30s");
    }

    @Test
    void eta_countsTheBuildsStillToComeByKind_soOneColdTranslatedBuildDoesNotSetThePaceOfEverything() throws Exception {
        // Before: elapsed × cells left / cells done; after one 100 s build under qemu and one quick cell that said
        // about 8 minutes for five quick cells and two more translated builds on a lane of their own.
        MovableClock clock = new MovableClock("2026-01-01T00:00:00Z");
        Progress p = new Progress(log, clock, Arch.AMD64);
        List<PlannedCell> cells = planned(6);
        PlannedCell translated = new PlannedCell(
                cells.get(0).reproCase(),
                new Toolchain("go1.27.3", Path.of("/arm"), Arch.ARM64, "test", Map.of(), null),
                cells.get(0).target(),
                NATIVE,
                dev.m1go.cases.Variant.defaultVariant(),
                null);
        PlannedCell translatedOther = new PlannedCell(
                translated.reproCase(),
                new Toolchain("go1.26.8", Path.of("/arm2"), Arch.ARM64, "test", Map.of(), null),
                translated.target(),
                NATIVE,
                dev.m1go.cases.Variant.defaultVariant(),
                null);
        p.planned(cells);
        // three translated builds: two of go1.27.3 (the first compiles the standard library), one of go1.26.8
        p.buildsPlanned(
                List.of(cells.get(0), cells.get(0), cells.get(0), translated, translated, translatedOther), 2, 1);
        p.building(translated);
        clock.advance(Duration.ofSeconds(100));
        p.built(translated);
        p.building(translated);
        clock.advance(Duration.ofSeconds(4));
        p.built(translated);
        p.building(cells.get(0));
        clock.advance(Duration.ofSeconds(2));
        p.built(cells.get(0));
        p.started(cells.get(0));
        clock.advance(Duration.ofSeconds(1));
        p.finished(passed(), 1, 6);
        // left: go1.26.8's cold build at go1.27.3's 100 s on the slow lane's one worker, and 7 s of quick work (2
        // builds, 5 runs) on the other; once that is done, both workers share the remaining 93 s: 7 + 46.5 s
        assertThat(p.eta()).isEqualTo(Duration.ofMillis(53_500));
        assertThat(p.timing()).isEqualTo("1m47s elapsed, ETA 53 s");
    }

    @Test
    void heartbeat_duringALongBuild_namesTheBuild_andStopsWhenItEnds() throws Exception {
        // Before, a build was no step: minutes of a cold translated build passed without a line.
        MovableClock clock = new MovableClock("2026-01-01T00:00:00Z");
        Progress p = new Progress(log, clock, Arch.ARM64);
        List<PlannedCell> cells = planned(1);
        p.planned(cells);
        p.building(cells.get(0));
        clock.advance(Duration.ofSeconds(95));
        p.heartbeat();
        assertThat(lines)
                .containsExactly("… still running after 1m35s: building cgo-hello go1.20.1 (amd64 go) "
                        + "linux/amd64 for 1m35s; 0/1 cells done");
        p.built(cells.get(0));
        clock.advance(Duration.ofSeconds(60));
        p.heartbeat();
        assertThat(lines).hasSize(1);
    }

    @Test
    void heartbeat_ofAStepThatGoesOn_backsOffTo_aLineAMinute_andALineResetsIt() throws Exception {
        MovableClock clock = new MovableClock("2026-01-01T00:00:00Z");
        Progress p = new Progress(log, clock);
        List<PlannedCell> cells = planned(2);
        p.planned(cells);
        p.started(cells.get(0));
        List<Integer> at = new ArrayList<>();
        for (int s = 10; s <= 300; s += 10) { // the timer looks every 10 s
            clock.advance(Duration.ofSeconds(10));
            int before = lines.size();
            p.heartbeat();
            if (lines.size() > before) {
                at.add(s);
            }
        }
        assertThat(at).containsExactly(10, 30, 70, 130, 190, 250);
        p.line("[1/2] a line");
        clock.advance(Duration.ofSeconds(10));
        int before = lines.size();
        p.heartbeat();
        assertThat(lines).hasSize(before + 1);
    }

    @Test
    void heartbeat_namesTheStepThatRunsLongWithoutALine_onlyAfterTenQuietSeconds() throws Exception {
        MovableClock clock = new MovableClock("2026-01-01T00:00:00Z");
        Progress p = new Progress(log, clock);
        List<PlannedCell> cells = planned(2);
        p.planned(cells);
        p.started(cells.get(0));
        clock.advance(Duration.ofSeconds(5));
        p.heartbeat();
        assertThat(lines).isEmpty();
        clock.advance(Duration.ofSeconds(20));
        p.heartbeat();
        assertThat(lines)
                .singleElement()
                .asString()
                .startsWith("… still running after 25 s: ")
                .endsWith(" for 25 s; 0/2 cells done");
    }

    @Test
    void format_readsAsMinutesAndHours() {
        assertThat(Progress.format(Duration.ofSeconds(9))).isEqualTo("9 s");
        assertThat(Progress.format(Duration.ofSeconds(65))).isEqualTo("1m05s");
        assertThat(Progress.format(Duration.ofMinutes(125))).isEqualTo("2h05m");
    }
}
