package dev.m1go.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.core.Log;
import dev.m1go.core.UserError;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.Diagnosis;
import dev.m1go.matrix.Platform;
import dev.m1go.report.CaseInfo;
import dev.m1go.report.Comparison;
import dev.m1go.report.HostInfo;
import dev.m1go.report.JsonReport;
import dev.m1go.report.Report;
import dev.m1go.report.ReportFormat;
import dev.m1go.report.Reports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final List<String> infos = new ArrayList<>();
    private final Log log = new Log() {
        @Override
        public void info(String message) {
            infos.add(message);
        }

        @Override
        public void warn(String message) {
            infos.add("WARN " + message);
        }
    };

    static final HostInfo HOST = new HostInfo(
            "linux", "amd64", "x86_64", "amd64", "6.1", null, List.of(), List.of(), Map.of(), List.of(), Map.of(),
            false);

    static CellResult cell(String go, Outcome o, Verdict v) {
        return CellResult.ran(
                CellKey.of("c-abort", go, Arch.AMD64, new Platform(Os.LINUX, Arch.AMD64), "native", "default"),
                "CGO_SIGNAL SIGABRT",
                o,
                v,
                new Diagnosis(
                        o == Outcome.PASS ? null : "SIGABRT",
                        false,
                        o == Outcome.PASS ? null : o + " SIGABRT | main._Cfunc_abort",
                        "s",
                        List.of(),
                        List.of()),
                false,
                null,
                List.of(),
                Map.of());
    }

    static Report report(CellResult... cells) {
        return new Report(
                Report.SCHEMA,
                "test",
                "2026-01-01T00:00:00Z",
                null,
                true,
                HOST,
                List.of(),
                List.of(new CaseInfo("c-abort", "d", "bundled", List.of(), "CGO_SIGNAL SIGABRT", List.of())),
                List.of(cells),
                List.of());
    }

    /** Compares the report, writes every format once, then publishes it, as the goals do. */
    private Publish.Published written(Publish p, Publish.Settings settings, Report r) throws Exception {
        Publish.Plan plan = p.prepare(settings);
        Report compared = p.compare(plan, r);
        Reports.writeAll(dir, compared);
        return p.publish(plan, compared, dir);
    }

    @Test
    void publish_writesNoReportFile_theComparedReportIsWrittenOnceBeforeIt() throws Exception {
        Path base = dir.resolve("base.json");
        JsonReport.write(base, report(cell("go1.22.12", Outcome.CGO_SIGNAL, Verdict.UNEXPECTED)));
        Publish p = publish(Map.of());
        Publish.Plan plan = p.prepare(new Publish.Settings(base, "new", true, true));
        Report compared = p.compare(plan, report(cell("go1.22.12", Outcome.CGO_SIGNAL, Verdict.UNEXPECTED)));
        assertThat(compared.baseline().counts()).containsEntry("known", 1);
        Reports.writeAll(dir, compared);
        for (ReportFormat f : Reports.all()) {
            Files.writeString(dir.resolve(f.file()), f.file().equals("report.md") ? "as written\n" : "as written");
        }
        p.publish(plan, compared, dir);
        for (ReportFormat f : Reports.all()) {
            assertThat(Files.readString(dir.resolve(f.file()))).as(f.file()).startsWith("as written");
        }
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .as("report.md as written, not rendered again")
                .isEqualTo("as written\n");
        assertThatThrownBy(() -> p.publish(plan, report(cell("go1.22.12", Outcome.PASS, Verdict.EXPECTED)), dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Publish.compare");
    }

    private Publish publish(Map<String, String> env) {
        return new Publish(env, new PrintStream(stdout, true, StandardCharsets.UTF_8), log);
    }

    @Test
    void failOn_badValue_isUserErrorNamingTheProperty() {
        assertThatThrownBy(() -> FailOn.of("sometimes", true))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("m1go.failOn is 'sometimes': use regression, new, translation-only or never");
    }

    @Test
    void failOn_regressionFalse_meansNever_whateverFailOnSays() throws Exception {
        assertThat(FailOn.of("new", false)).isEqualTo(FailOn.NEVER);
        assertThat(FailOn.of("regression", false)).isEqualTo(FailOn.NEVER);
        assertThat(FailOn.of(null, true)).isEqualTo(FailOn.REGRESSION);
        assertThat(FailOn.of(" New ", true)).isEqualTo(FailOn.NEW);
    }

    @Test
    void baseline_missing_isUserErrorNamingTheProperty() {
        assertThatThrownBy(() -> publish(Map.of())
                        .prepare(new Publish.Settings(dir.resolve("nope.json"), "regression", true, false)))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("m1go.baseline: " + dir.resolve("nope.json") + " does not exist");
    }

    @Test
    void baseline_ofAnotherSchema_isUserErrorNamingTheFile() throws Exception {
        Path old = dir.resolve("old.json");
        Files.writeString(old, "{\"schema\":\"m1go/0\"}");
        assertThatThrownBy(() -> publish(Map.of()).prepare(new Publish.Settings(old, null, true, false)))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("m1go.baseline: " + old + " has schema 'm1go/0'");
    }

    @Test
    void failOnNew_failsOnlyOnUnexpectedCellsWhoseFailureIsNew() throws Exception {
        Path base = dir.resolve("base.json");
        JsonReport.write(base, report(cell("go1.22.12", Outcome.CGO_SIGNAL, Verdict.UNEXPECTED)));
        Report now = report(
                cell("go1.22.12", Outcome.CGO_SIGNAL, Verdict.UNEXPECTED),
                cell("go1.23.5", Outcome.CGO_SIGNAL, Verdict.UNEXPECTED));
        Publish p = publish(Map.of());
        Publish.Published withNew = written(p, new Publish.Settings(base, "new", true, false), now);
        assertThat(withNew.failing()).extracting(c -> c.key().go()).containsExactly("go1.23.5");
        assertThat(withNew.report().baseline().counts()).containsEntry("new", 1).containsEntry("known", 1);
        assertThat(JsonReport.read(dir.resolve("report.json")).baseline()).isNotNull();
        assertThat(infos).contains("m1go: compared with " + base + ": 1 new, 1 known, 0 fixed");

        Publish.Published regression = written(p, new Publish.Settings(base, "regression", true, false), now);
        assertThat(regression.failing()).hasSize(2);
        Publish.Published never = written(p, new Publish.Settings(base, "never", true, false), now);
        assertThat(never.failing()).isEmpty();
        assertThat(Publish.failureMessage(regression, dir))
                .contains("2 cells contradict", "Set m1go.failOn=never (or m1go.failOnRegression=false)");
    }

    /** Like surefire's summary, the failure quotes each cell's cause and points to its log. */
    @Test
    void failureMessage_quotesEachCellsCause_andNamesItsLog() throws Exception {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Files.writeString(runs.resolve("run-1.stderr"), "mylib_answer() = 41, want 42\nexit status 1\n");
        CellResult c = CellResult.ran(
                CellKey.of("mylib", "go1.22.12", Arch.AMD64, new Platform(Os.LINUX, Arch.AMD64), "native", "default"),
                "PASS",
                Outcome.EXIT_NONZERO,
                Verdict.UNEXPECTED,
                new Diagnosis(null, false, "EXIT_NONZERO exit 1", "exit status 1", List.of(), List.of()),
                false,
                null,
                List.of(new dev.m1go.matrix.RunResult(
                        1, false, Outcome.EXIT_NONZERO, null, 5, null, "runs/run-1.stderr")),
                Map.of());
        Publish.Published failing =
                written(publish(Map.of()), new Publish.Settings(null, "regression", true, false), report(c));
        assertThat(Publish.failureMessage(failing, dir))
                .contains("expected PASS, got EXIT_NONZERO\n" + "      mylib_answer() = 41, want 42\n      log: "
                        + runs.resolve("run-1.stderr"));
    }

    /** m1go:merge reads m1go.failOn and not m1go.failOnRegression: its advice names only what it reads. */
    @Test
    void mergesFailureMessage_namesOnlyTheSwitchMergeReads() throws Exception {
        Report now = report(cell("go1.22.12", Outcome.CGO_SIGNAL, Verdict.UNEXPECTED));
        Publish.Published failing =
                written(publish(Map.of()), new Publish.Settings(null, "regression", true, false), now);
        assertThat(Publish.failureMessage(failing, dir, false))
                .contains("Set m1go.failOn=never to report without " + "failing")
                .doesNotContain("failOnRegression");
    }

    static CellResult on(CellResult c, String runner, boolean translated, int k, int n) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        if (n > 1) {
            counts.put("PASS", n - k);
            if (k > 0) {
                counts.put(c.outcome() == Outcome.PASS ? "TIMEOUT" : c.outcome().name(), k);
            }
        }
        CellKey key = c.key();
        return new CellResult(
                CellKey.of(key.caseId(), key.go(), key.toolchainArch(), key.target(), runner, key.variant()),
                c.outcome(),
                c.verdict(),
                c.expected(),
                c.diagnosis(),
                translated,
                c.reason(),
                c.build(),
                c.runs(),
                c.facts(),
                counts);
    }

    @Test
    void failOn_translationOnly_parses_andNamesItselfWithADash() throws Exception {
        assertThat(FailOn.of("translation-only", true)).isEqualTo(FailOn.TRANSLATION_ONLY);
        assertThat(FailOn.TRANSLATION_ONLY.property()).isEqualTo("translation-only");
    }

    @Test
    void failOnTranslationOnly_failsOnlyOnTranslatedCellsThatFailWhereNativePasses() throws Exception {
        Report now = report(
                on(cell("go1.22.12", Outcome.PASS, Verdict.UNEXPECTED), "native", false, 0, 1),
                on(cell("go1.22.12", Outcome.CGO_SIGNAL, Verdict.UNEXPECTED), "qemu", true, 1, 1),
                on(cell("go1.23.5", Outcome.CGO_SIGNAL, Verdict.UNEXPECTED), "native", false, 1, 1),
                on(cell("go1.23.5", Outcome.CGO_SIGNAL, Verdict.UNEXPECTED), "qemu", true, 1, 1));
        Publish p = publish(Map.of());
        Publish.Published out = written(p, new Publish.Settings(null, "translation-only", true, false), now);
        assertThat(out.failing())
                .extracting(c -> c.key().go() + " " + c.key().runner())
                .containsExactly("go1.22.12 qemu");
        assertThat(Publish.failureMessage(out, dir)).startsWith("1 cell fails only under translation");
    }

    @Test
    void failOnNew_repeatedRuns_failOnlyWhenTheRateRoseSignificantly_byFishersTest() throws Exception {
        Path base = dir.resolve("base.json");
        JsonReport.write(
                base,
                report(
                        on(cell("go1.22.12", Outcome.CGO_SIGNAL, Verdict.EXPECTED), "native", false, 1, 200),
                        on(cell("go1.23.5", Outcome.CGO_SIGNAL, Verdict.EXPECTED), "native", false, 1, 200)));
        Report now = report(
                on(cell("go1.22.12", Outcome.CGO_SIGNAL, Verdict.EXPECTED), "native", false, 3, 200),
                on(cell("go1.23.5", Outcome.CGO_SIGNAL, Verdict.EXPECTED), "native", false, 12, 200));
        Publish p = publish(Map.of());
        Publish.Published out = written(p, new Publish.Settings(base, "new", true, false), now);
        assertThat(out.failing()).extracting(c -> c.key().go()).containsExactly("go1.23.5");
        Comparison.Change rose = out.report().baseline().changes().stream()
                .filter(ch -> ch.cell().contains("go1.23.5"))
                .findFirst()
                .orElseThrow();
        assertThat(rose.status()).isEqualTo("new");
        assertThat(rose.rate()).isEqualTo("12/200 vs 1/200");
        assertThat(rose.pValue()).isLessThan(0.05);
        assertThat(out.report().baseline().changes().stream()
                        .filter(ch -> ch.cell().contains("go1.22.12"))
                        .findFirst()
                        .orElseThrow()
                        .status())
                .isEqualTo("known");
    }

    @Test
    void issueBody_printsTheMarkdownToStandardOutput() throws Exception {
        Publish p = publish(Map.of());
        written(
                p,
                new Publish.Settings(null, null, true, true),
                report(cell("go1.22.12", Outcome.PASS, Verdict.UNEXPECTED)));
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .startsWith("# m1go matrix\n")
                .contains("## Regressions");
    }

    @Test
    void stepSummary_isAppended_whenTheVariableIsSet() throws Exception {
        Path summary = dir.resolve("summary.md");
        Files.writeString(summary, "earlier step\n");
        Publish p = publish(Map.of("GITHUB_STEP_SUMMARY", summary.toString()));
        written(
                p,
                new Publish.Settings(null, null, true, false),
                report(cell("go1.22.12", Outcome.CGO_SIGNAL, Verdict.EXPECTED)));
        assertThat(Files.readString(summary)).startsWith("earlier step\n# m1go matrix\n");
        assertThat(stdout.size()).isZero();
        assertThat(infos).anyMatch(l -> l.contains("appended report.md to the step summary " + summary));
    }

    @Test
    void stepSummary_unset_writesNothing() throws Exception {
        Publish p = publish(Map.of());
        written(
                p,
                new Publish.Settings(null, null, true, false),
                report(cell("go1.22.12", Outcome.PASS, Verdict.EXPECTED)));
        assertThat(infos).noneMatch(l -> l.contains("step summary"));
        assertThat(stdout.size()).isZero();
    }

    @Test
    void baseline_thatIsADirectory_saysSo() {
        assertThatThrownBy(() -> publish(Map.of()).prepare(new Publish.Settings(dir, "regression", true, false)))
                .isInstanceOf(UserError.class)
                .hasMessage("m1go.baseline: " + dir + " is a directory, not a file; give the report.json of an "
                        + "earlier run");
    }

    @Test
    void stepSummary_unwritable_warns_andTheRunIsPublished() throws Exception {
        Path summary = dir.resolve("no-such-dir/summary.md");
        Publish p = publish(Map.of("GITHUB_STEP_SUMMARY", summary.toString()));
        Publish.Published done = written(
                p,
                new Publish.Settings(null, null, true, false),
                report(cell("go1.22.12", Outcome.CGO_SIGNAL, Verdict.EXPECTED)));
        assertThat(done.failing()).isEmpty();
        assertThat(infos)
                .anyMatch(l -> l.startsWith("WARN m1go: could not append report.md to the step summary " + summary
                        + " (GITHUB_STEP_SUMMARY)"));
    }
}
