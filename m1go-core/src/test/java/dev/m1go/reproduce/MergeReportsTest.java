package dev.m1go.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.core.UserError;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.matrix.CellKey;
import dev.m1go.matrix.CellResult;
import dev.m1go.matrix.Diagnosis;
import dev.m1go.matrix.Platform;
import dev.m1go.matrix.RunResult;
import dev.m1go.report.HostInfo;
import dev.m1go.report.JsonReport;
import dev.m1go.report.Report;
import dev.m1go.testing.RecordingLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeReportsTest {

    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();
    private final List<String> lines = log.lines;

    private static Report report(HostInfo host, String runner) {
        CellResult c = CellResult.ran(
                CellKey.of("c-abort", "go1.22.12", Arch.AMD64, new Platform(Os.LINUX, Arch.ARM64), runner, "default"),
                "CGO_SIGNAL SIGABRT",
                Outcome.CGO_SIGNAL,
                Verdict.EXPECTED,
                new Diagnosis(
                        "SIGABRT",
                        true,
                        "CGO_SIGNAL SIGABRT | main._Cfunc_abort",
                        "s",
                        List.of(),
                        List.of("main._Cfunc_abort")),
                true,
                null,
                List.of(new RunResult(
                        2, false, Outcome.CGO_SIGNAL, "SIGABRT", 5, "logs/x/run-1.stdout", "logs/x/run-1.stderr")),
                Map.of());
        return new Report(
                Report.SCHEMA,
                "t",
                "2026-01-0" + (runner.equals("qemu") ? 1 : 2) + "T00:00:00Z",
                "2026-01-03T00:00:00Z",
                true,
                host,
                List.of(),
                List.of(),
                List.of(c),
                List.of("note " + runner));
    }

    private static HostInfo host(String arch) {
        return new HostInfo(
                "linux", arch, arch, arch, "6.1", null, List.of(), List.of(), Map.of(), List.of(), Map.of(), false);
    }

    @Test
    void merge_twoReports_keepsEveryHostAndLabelsEachCell() throws Exception {
        JsonReport.write(dir.resolve("a/report.json"), report(host("amd64"), "qemu"));
        JsonReport.write(dir.resolve("b/report.json"), report(host("amd64"), "binfmt"));
        JsonReport.write(dir.resolve("c/report.json"), report(host("arm64"), "native"));
        MergeReports merge = new MergeReports(log);
        Path out = dir.resolve("out");
        List<Path> files = merge.inputs(List.of("."), dir, out);
        assertThat(files).hasSize(3);
        Report merged = merge.merge(files, out, "merge");
        assertThat(merged.hosts())
                .extracting(Report.NamedHost::label)
                .containsExactly("linux/amd64 (a)", "linux/amd64 (b)", "linux/arm64");
        assertThat(merged.cells())
                .extracting(c -> c.key().host())
                .containsExactly("linux/amd64 (a)", "linux/amd64 (b)", "linux/arm64");
        assertThat(merged.cells().get(0).runs().get(0).stderrLog()).isEqualTo("../a/logs/x/run-1.stderr");
        assertThat(merged.startedAt()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(merged.clusters()).hasSize(1);
        assertThat(merged.clusters().get(0).hosts()).hasSize(3);
        assertThat(merged.notes()).contains("[linux/arm64] note native");
        assertThat(Files.exists(out.resolve("TEST-m1go.xml"))).isTrue();
        assertThat(Files.readString(out.resolve("report.md")))
                .contains(
                        "**Hosts** (3):",
                        "| linux/amd64 (a) linux/arm64 qemu | linux/amd64 (b) linux/arm64 binfmt | linux/arm64 linux/arm64 native |");
        // a merged report merges again: its hosts stay
        Report again = merge.merge(List.of(out.resolve("report.json")), dir.resolve("out2"), "merge");
        assertThat(again.hosts()).hasSize(3);
    }

    @Test
    void merge_recomputesDifferentials_anArm64HostsNativeCellIsTheReferenceForAnAmd64HostsQemuCell() throws Exception {
        Report amd64 = report(host("amd64"), "qemu");
        CellResult pass = CellResult.ran(
                CellKey.of("c-abort", "go1.22.12", Arch.ARM64, new Platform(Os.LINUX, Arch.ARM64), "native", "default"),
                "CGO_SIGNAL SIGABRT",
                Outcome.PASS,
                Verdict.UNEXPECTED,
                new Diagnosis(null, false, null, "s", List.of(), List.of()),
                false,
                null,
                List.of(new RunResult(0, false, Outcome.PASS, null, 5, null, null)),
                Map.of());
        Report arm64 = new Report(
                Report.SCHEMA,
                "t",
                "2026-01-02T00:00:00Z",
                "2026-01-03T00:00:00Z",
                true,
                host("arm64"),
                List.of(),
                List.of(),
                List.of(pass),
                List.of());
        assertThat(amd64.differentials()).isEmpty();
        JsonReport.write(dir.resolve("x86/report.json"), amd64);
        JsonReport.write(dir.resolve("arm/report.json"), arm64);
        MergeReports merge = new MergeReports(log);
        Path out = dir.resolve("out");
        Report merged =
                merge.merge(merge.inputs(List.of("x86/report.json", "arm/report.json"), dir, out), out, "merge");
        assertThat(merged.differentials()).singleElement().satisfies(d -> {
            assertThat(d.verdict()).isEqualTo("translation-only");
            assertThat(d.referenceKind()).isEqualTo("native");
            assertThat(d.reference().host()).isEqualTo("linux/arm64");
            assertThat(d.cell().host()).isEqualTo("linux/amd64");
            assertThat(d.cell().runner()).isEqualTo("qemu");
        });
        assertThat(Files.readString(out.resolve("report.md")))
                .contains(
                        "## Fails only under translation\n\n"
                                + "- c-abort go1.22.12 linux/arm64: qemu @ linux/amd64 CGO_SIGNAL SIGABRT vs native @ linux/arm64 PASS");
        assertThat(JsonReport.mapper()
                        .readTree(out.resolve("report.json").toFile())
                        .get("differentials"))
                .hasSize(1);
    }

    @Test
    void merge_refusesAnotherSchemaVersion_namingTheFile() throws Exception {
        JsonReport.write(dir.resolve("a/report.json"), report(host("amd64"), "qemu"));
        Path old = dir.resolve("b/report.json");
        Files.createDirectories(old.getParent());
        Files.writeString(old, "{\"schema\":\"m1go/2\",\"cells\":[]}");
        MergeReports merge = new MergeReports(log);
        assertThatThrownBy(() -> merge.merge(
                        merge.inputs(List.of("a/report.json", "b/report.json"), dir, dir.resolve("out")),
                        dir.resolve("out"),
                        "merge"))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("m1go.inputs: " + old + " has schema 'm1go/2'");
    }

    @Test
    void inputs_missingOrEmpty_isUserErrorNamingTheProperty() {
        MergeReports merge = new MergeReports(log);
        assertThatThrownBy(() -> merge.inputs(List.of(), dir, dir))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("m1go.inputs is empty");
        assertThatThrownBy(() -> merge.inputs(List.of("nope"), dir, dir))
                .isInstanceOf(UserError.class)
                .hasMessage("m1go.inputs: " + dir.resolve("nope") + " does not exist");
        assertThatThrownBy(() -> merge.inputs(List.of("."), dir, dir.resolve("out")))
                .isInstanceOf(UserError.class)
                .hasMessage("m1go.inputs: the directory " + dir + " holds no report.json");
    }

    @Test
    void merge_ofAReportHoldingOnlyItsSchema_isUserErrorNamingTheMissingField() throws Exception {
        JsonReport.write(dir.resolve("a/report.json"), report(host("amd64"), "qemu"));
        Path bare = dir.resolve("b/report.json");
        Files.createDirectories(bare.getParent());
        Files.writeString(bare, "{\"schema\":\"m1go/1\"}");
        MergeReports merge = new MergeReports(log);
        assertThatThrownBy(() -> merge.merge(List.of(dir.resolve("a/report.json"), bare), dir.resolve("out"), "merge"))
                .isInstanceOf(UserError.class)
                .hasMessage("m1go.inputs: " + bare + " has no 'host': it is not a whole m1go report (an m1go:reproduce "
                        + "report.json names its host, toolchains, cases and cells)");
    }

    /**
     * A report of {@link #report} whose JSON has {@code null} at {@code path} ({@code cells[0].runs[0]}, dots between
     * fields, an index after a list's name), written to {@code name/report.json}.
     */
    private Path reportWithNull(String name, String path) throws Exception {
        CellResult c = report(host("amd64"), "qemu")
                .cells()
                .get(0)
                .withTests(List.of(new dev.m1go.matrix.TestResult(
                        "TestX", "fail", Outcome.EXIT_NONZERO, 1.0, null, Verdict.UNEXPECTED, "out")));
        Report one = report(host("amd64"), "qemu");
        Report r = new Report(
                Report.SCHEMA,
                "t",
                one.startedAt(),
                one.finishedAt(),
                true,
                one.host(),
                List.of(new dev.m1go.report.ToolchainInfo("go1.22.12", "/go", "amd64", "PATH", Map.of(), null)),
                List.of(new dev.m1go.report.CaseInfo(
                        "c-abort", "d", "o", List.of(), "CGO_SIGNAL SIGABRT", List.of("default"))),
                List.of(c),
                one.notes());
        com.fasterxml.jackson.databind.JsonNode root = JsonReport.mapper().valueToTree(r);
        com.fasterxml.jackson.databind.JsonNode at = root;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            int bracket = step.indexOf('[');
            String field = bracket < 0 ? step : step.substring(0, bracket);
            boolean last = i == steps.length - 1;
            if (bracket < 0) {
                if (last) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) at).putNull(field);
                } else {
                    at = at.get(field);
                }
                continue;
            }
            int index = Integer.parseInt(step.substring(bracket + 1, step.length() - 1));
            com.fasterxml.jackson.databind.node.ArrayNode list =
                    at.get(field) instanceof com.fasterxml.jackson.databind.node.ArrayNode a
                            ? a
                            : ((com.fasterxml.jackson.databind.node.ObjectNode) at).putArray(field);
            while (list.size() <= index) {
                list.addNull();
            }
            if (last) {
                list.set(index, com.fasterxml.jackson.databind.node.NullNode.getInstance());
            } else {
                at = list.get(index);
            }
        }
        Path file = dir.resolve(name).resolve("report.json");
        Files.createDirectories(file.getParent());
        JsonReport.mapper().writeValue(file.toFile(), root);
        return file;
    }

    @Test
    void merge_cellsHoldingNull_namesTheFileAndField() throws Exception {
        JsonReport.write(dir.resolve("a/report.json"), report(host("amd64"), "qemu"));
        Path bad = reportWithNull("b", "cells[1]");
        MergeReports merge = new MergeReports(log);
        assertThatThrownBy(() -> merge.merge(List.of(dir.resolve("a/report.json"), bad), dir.resolve("out"), "merge"))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("m1go.inputs: " + bad + ": cells[1] is null");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "cells[0].runs[0]",
                "cells[0].tests[0]",
                "hosts[0]",
                "toolchains[0]",
                "cases[0]",
                "notes[0]",
                "cells[0].header[0]",
                "cells[0].frames[0]",
                "cells[0].runs[0].cFrames[0]",
                "host.emulators[0]"
            })
    void merge_ofAListHoldingNull_namesTheFileAndField(String path) throws Exception {
        Path bad = reportWithNull("b", path);
        MergeReports merge = new MergeReports(log);
        assertThatThrownBy(() -> merge.merge(List.of(bad), dir.resolve("out"), "merge"))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("m1go.inputs: " + bad + ": " + path + " is null");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "cells[0].runs[0].outcome",
                "cells[0].tests[0].name",
                "cells[0].tests[0].verdict",
                "toolchains[0].version",
                "cases[0].id"
            })
    void merge_ofAnEntryMissingARequiredField_namesTheFileAndField(String path) throws Exception {
        Path bad = reportWithNull("b", path);
        MergeReports merge = new MergeReports(log);
        assertThatThrownBy(() -> merge.merge(List.of(bad), dir.resolve("out"), "merge"))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("m1go.inputs: " + bad + ": " + path + " is missing");
    }

    @Test
    void merge_ofAReportWithANullHost_namesTheFileAndField() throws Exception {
        Path bad = reportWithNull("b", "host");
        MergeReports merge = new MergeReports(log);
        assertThatThrownBy(() -> merge.merge(List.of(bad), dir.resolve("out"), "merge"))
                .isInstanceOf(UserError.class)
                .hasMessageStartingWith("m1go.inputs: " + bad + " has no 'host'");
    }

    @Test
    void merge_ofACellWithANullBuild_readsItAsACellWithoutABuild() throws Exception {
        Path nothingBuilt = reportWithNull("b", "cells[0].build");
        Report merged = new MergeReports(log).merge(List.of(nothingBuilt), dir.resolve("out"), "merge");
        assertThat(merged.cells())
                .singleElement()
                .satisfies(c -> assertThat(c.build()).isNull());
    }

    /** A report in {@code name/report.json} whose failing cell's first run names these logs. */
    private Path reportWithLogs(String name, String stdoutLog, String stderrLog) throws Exception {
        Report r = report(host("amd64"), "qemu");
        CellResult c = r.cells().get(0);
        CellResult logged = new CellResult(
                c.key(),
                c.outcome(),
                c.verdict(),
                c.expected(),
                c.diagnosis(),
                c.translated(),
                c.reason(),
                c.build(),
                List.of(new RunResult(2, false, Outcome.CGO_SIGNAL, "SIGABRT", 5, stdoutLog, stderrLog)),
                c.facts());
        Path file = dir.resolve(name).resolve("report.json");
        JsonReport.write(file, r.withCells(List.of(logged), true, r.finishedAt()));
        return file;
    }

    private Path secret() throws Exception {
        Path secret = dir.resolve("elsewhere/secret.log");
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, "root:TOP-SECRET-HASH:19000:0:99999:7:::\n");
        return secret;
    }

    private String mergedText(Path out) throws Exception {
        return Files.readString(out.resolve("report.md"))
                + Files.readString(out.resolve("report.html"))
                + Files.readString(out.resolve("TEST-m1go.xml"));
    }

    @Test
    void merge_ofLogPathsOutsideTheInputsDirectory_quotesAndLinksNeither_andNamesTheFieldAndFile() throws Exception {
        Path secret = secret();
        Path input = reportWithLogs("a", "../elsewhere/secret.log", secret.toString());
        Path out = dir.resolve("out");
        Report merged = new MergeReports(log).merge(List.of(input), out, "merge");

        assertThat(mergedText(out)).doesNotContain("TOP-SECRET").doesNotContainPattern("href=\"[^\"]*secret");
        assertThat(merged.cells().get(0).runs().get(0).stdoutLog()).isNull();
        assertThat(merged.cells().get(0).runs().get(0).stderrLog()).isNull();
        assertThat(merged.notes())
                .anySatisfy(n -> assertThat(n)
                        .contains(input.toString())
                        .contains("runs[0].stdoutLog")
                        .contains("runs[0].stderrLog")
                        .contains("outside"));
    }

    @Test
    void merge_ofALogThatIsASymlinkOutOfTheInputsDirectory_quotesAndLinksNeither() throws Exception {
        Path secret = secret();
        Path input = reportWithLogs("a", "logs/x/run-1.stdout", "logs/x/run-1.stderr");
        Files.createDirectories(input.resolveSibling("logs/x"));
        Files.createSymbolicLink(input.resolveSibling("logs/x/run-1.stderr"), secret);
        Path out = dir.resolve("out");
        Report merged = new MergeReports(log).merge(List.of(input), out, "merge");

        assertThat(mergedText(out)).doesNotContain("TOP-SECRET").doesNotContainPattern("href=\"[^\"]*run-1.stderr");
        assertThat(merged.cells().get(0).runs().get(0).stderrLog()).isNull();
        assertThat(merged.notes()).anySatisfy(n -> assertThat(n).contains("runs[0].stderrLog"));

        // a directory on the way that leads out
        Path viaDirectory = reportWithLogs("c", "logs/y/secret.log", null);
        Files.createDirectories(viaDirectory.resolveSibling("logs"));
        Files.createSymbolicLink(viaDirectory.resolveSibling("logs/y"), secret.getParent());
        Report again = new MergeReports(log).merge(List.of(viaDirectory), dir.resolve("out2"), "merge");
        assertThat(mergedText(dir.resolve("out2"))).doesNotContain("TOP-SECRET");
        assertThat(again.cells().get(0).runs().get(0).stdoutLog()).isNull();
    }

    @Test
    void merge_ofALogThatIsAFifo_neitherOpensNorLinksIt() throws Exception {
        Path input = reportWithLogs("a", "logs/x/run-1.stdout", "logs/x/run-1.stderr");
        Path fifo = input.resolveSibling("logs/x/run-1.stderr");
        Files.createDirectories(fifo.getParent());
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is here");
        Files.writeString(input.resolveSibling("logs/x/run-1.stdout"), "fatal error: unexpected signal\n");
        Path out = dir.resolve("out");
        Report merged = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30), () -> new MergeReports(log).merge(List.of(input), out, "merge"));

        assertThat(merged.cells().get(0).runs().get(0).stderrLog()).isNull();
        assertThat(merged.cells().get(0).runs().get(0).stdoutLog()).isEqualTo("logs/01-a/logs/x/run-1.stdout");
        assertThat(Files.readString(out.resolve("report.html")))
                .doesNotContainPattern("href=\"[^\"]*run-1.stderr")
                .contains("fatal error: unexpected signal");
        assertThat(merged.notes())
                .anySatisfy(n -> assertThat(n).contains("runs[0].stderrLog").contains("not a regular file"));
    }

    @Test
    void merge_ofLogsInsideTheInputsDirectory_quotesThem() throws Exception {
        Path input = reportWithLogs("a", "logs/x/run-1.stdout", "logs/x/../x/run-1.stderr");
        Files.createDirectories(input.resolveSibling("logs/x"));
        Files.writeString(input.resolveSibling("logs/x/run-1.stderr"), "SIGABRT: abort\nPC=0x0 m=0\n");
        Path out = dir.resolve("out");
        Report merged = new MergeReports(log).merge(List.of(input), out, "merge");

        assertThat(merged.cells().get(0).runs().get(0).stderrLog()).isEqualTo("logs/01-a/logs/x/run-1.stderr");
        assertThat(Files.readString(out.resolve("report.md"))).contains("SIGABRT: abort");
        assertThat(merged.notes()).noneMatch(n -> n.contains("outside") || n.contains("regular file"));
    }

    /**
     * The merged directory works on its own (the artifact a nightly job uploads): every log its report links is under
     * it, so moved elsewhere without the inputs, every link of report.html still leads to a file.
     */
    @Test
    void merge_copiesTheLogsItLinks_soTheMergedDirectoryWorksAlone() throws Exception {
        Path a = reportWithLogs("a", "logs/x/run-1.stdout", "logs/x/run-1.stderr");
        Path b = reportWithLogs("b", "logs/x/run-1.stdout", "logs/x/run-1.stderr");
        for (Path input : List.of(a, b)) {
            Files.createDirectories(input.resolveSibling("logs/x"));
            Files.writeString(input.resolveSibling("logs/x/run-1.stderr"), "SIGABRT: abort from " + input + "\n");
            Files.writeString(input.resolveSibling("logs/x/run-1.stdout"), "");
        }
        Path out = dir.resolve("merged");
        Report merged = new MergeReports(log).merge(List.of(a, b), out, "merge");
        assertThat(merged.notes())
                .contains("4 logs (1 KiB) copied under logs/: this directory holds every log its " + "reports link.");

        Path alone = dir.resolve("elsewhere/artifact");
        Files.createDirectories(alone.getParent());
        Files.move(out, alone);
        for (String input : List.of("a", "b")) {
            try (java.util.stream.Stream<Path> files = Files.walk(dir.resolve(input))) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        String html = Files.readString(alone.resolve("report.html"));
        java.util.regex.Matcher links =
                java.util.regex.Pattern.compile("href=\"(logs/[^\"#]+)\"").matcher(html);
        int n = 0;
        while (links.find()) {
            assertThat(alone.resolve(java.net.URLDecoder.decode(links.group(1), StandardCharsets.UTF_8)))
                    .as(links.group(1))
                    .isRegularFile();
            n++;
        }
        assertThat(n).as("links into logs/").isPositive();
        assertThat(Files.readString(alone.resolve("logs/02-b/logs/x/run-1.stderr")))
                .contains("from " + b);
    }

    @Test
    void merge_overTheCopyBound_pointsToTheRestWhereTheyAre_andSaysSo() throws Exception {
        Path a = reportWithLogs("a", "logs/x/run-1.stdout", "logs/x/run-1.stderr");
        Files.createDirectories(a.resolveSibling("logs/x"));
        Files.writeString(a.resolveSibling("logs/x/run-1.stderr"), "e".repeat(600));
        Files.writeString(a.resolveSibling("logs/x/run-1.stdout"), "o".repeat(600));
        Path out = dir.resolve("merged");
        LogCopies copies = new LogCopies(out, 1000);
        Report merged = MergeReports.merge(List.of(a), List.of(JsonReport.read(a)), out, "merge", copies);
        assertThat(merged.cells().get(0).runs().get(0).stdoutLog()).isEqualTo("logs/01-a/logs/x/run-1.stdout");
        assertThat(merged.cells().get(0).runs().get(0).stderrLog()).isEqualTo("../a/logs/x/run-1.stderr");
        assertThat(copies.note())
                .contains("1 log (1 KiB) copied under logs/; logs of 1 KiB more, over the 256 MiB "
                        + "a merge copies, are linked where they are, in " + a.getParent());
    }

    /** A cell of c-abort on this runner and target, with this outcome. */
    private static CellResult cellOn(String go, Arch target, String runner, Outcome outcome) {
        Verdict v = outcome == Outcome.CGO_SIGNAL ? Verdict.EXPECTED : Verdict.UNEXPECTED;
        return CellResult.ran(
                CellKey.of("c-abort", go, Arch.AMD64, new Platform(Os.LINUX, target), runner, "default"),
                "CGO_SIGNAL SIGABRT",
                outcome,
                v,
                new Diagnosis(
                        outcome == Outcome.CGO_SIGNAL ? "SIGABRT" : null,
                        outcome == Outcome.CGO_SIGNAL,
                        outcome + " sig",
                        "s",
                        List.of(),
                        List.of()),
                target == Arch.ARM64,
                null,
                List.of(),
                Map.of());
    }

    /**
     * The shards of one run merge into that run: one host (not one per shard), the same cells, differentials,
     * boundaries and clusters as the whole run's report merged alone, and a note naming the shards.
     */
    @Test
    void merge_ofTheShardsOfARun_isTheWholeRun() throws Exception {
        List<CellResult> all = List.of(
                cellOn("go1.22.12", Arch.AMD64, "native", Outcome.CGO_SIGNAL),
                cellOn("go1.22.12", Arch.ARM64, "qemu", Outcome.PASS),
                cellOn("go1.22.12", Arch.ARM64, "binfmt", Outcome.CGO_SIGNAL),
                cellOn("go1.23.5", Arch.AMD64, "native", Outcome.CGO_SIGNAL),
                cellOn("go1.23.5", Arch.ARM64, "qemu", Outcome.EXIT_NONZERO),
                cellOn("go1.23.5", Arch.ARM64, "binfmt", Outcome.EXIT_NONZERO));
        Report whole = new Report(
                Report.SCHEMA,
                "t",
                "2026-01-01T00:00:00Z",
                "2026-01-02T00:00:00Z",
                true,
                host("amd64"),
                List.of(),
                List.of(),
                all,
                List.of("note"));
        JsonReport.write(dir.resolve("whole/report.json"), whole);
        List<List<CellResult>> shares = List.of(all.subList(0, 2), all.subList(2, 5), all.subList(5, 6));
        List<Path> shardFiles = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            Path f = dir.resolve("shard-" + k + "/report.json");
            JsonReport.write(
                    f,
                    whole.withCells(shares.get(k - 1), true, whole.finishedAt())
                            .withNotes(List.of("note", "Shard " + k + "/3: some of the planned cells"))
                            .withShard(k + "/3"));
            shardFiles.add(f);
        }
        Report reference =
                new MergeReports(log).merge(List.of(dir.resolve("whole/report.json")), dir.resolve("m1"), "merge");
        Report merged = new MergeReports(log).merge(shardFiles, dir.resolve("m2"), "merge");

        assertThat(merged.hosts()).extracting(Report.NamedHost::label).containsExactly("linux/amd64");
        assertThat(merged.cells()).isEqualTo(reference.cells());
        assertThat(merged.differentials()).isNotEmpty().isEqualTo(reference.differentials());
        assertThat(merged.boundaries()).isEqualTo(reference.boundaries());
        assertThat(merged.clusters()).isEqualTo(reference.clusters());
        assertThat(merged.notes())
                .contains("[linux/amd64] shards 1/3, 2/3, 3/3 of one run: the whole matrix.", "[linux/amd64] note")
                .noneMatch(n -> n.contains("Shard 2/3:"));

        Report partial =
                new MergeReports(log).merge(List.of(shardFiles.get(0), shardFiles.get(2)), dir.resolve("m3"), "merge");
        assertThat(partial.notes())
                .contains("[linux/amd64] shards 1/3, 3/3 of one run; missing: 2/3, whose cells are "
                        + "not in this report.");
    }
}
