package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.m1go.classify.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {

    @TempDir
    Path dir;

    @Test
    void json_carriesClusters_andReadsBackEqual_withHostsAndBaseline() throws Exception {
        Report plain = Cells.report(List.of(
                Cells.crash("c", "go1.22.12", "amd64", "native", Verdict.EXPECTED, null),
                Cells.pass("c", "go1.21.13", "amd64", "native")));
        Report r = new Report(
                        plain.schema(),
                        plain.generator(),
                        plain.startedAt(),
                        plain.finishedAt(),
                        true,
                        plain.host(),
                        plain.toolchains(),
                        plain.cases(),
                        plain.cells().stream()
                                .map(c -> c.measuredOn("linux/amd64", p -> "../a/" + p))
                                .toList(),
                        plain.notes(),
                        List.of(new Report.NamedHost("linux/amd64", "a/report.json", plain.host())),
                        null)
                .withBaseline(new Comparison(
                        "old.json",
                        "2025-12-31T00:00:00Z",
                        List.of(new Comparison.Change(
                                "c go1.22.12 amd64 linux/amd64 native default @linux/amd64", "known", "x", "x"))));
        Path file = dir.resolve("report.json");
        JsonReport.write(file, r);
        JsonNode tree = JsonReport.mapper().readTree(file.toFile());
        assertThat(tree.get("clusters")).hasSize(1);
        assertThat(tree.get("clusters").get(0).get("spread")).isNull();
        assertThat(tree.get("clusters")
                        .get(0)
                        .get("stacks")
                        .get(0)
                        .get("caughtIn")
                        .asText())
                .isEqualTo("main._Cfunc_m1go_abort");
        assertThat(tree.get("cells").get(0).get("host").asText()).isEqualTo("linux/amd64");
        assertThat(tree.get("cells").get(0).get("runs").get(0).get("stderrLog").isNull())
                .isTrue();
        assertThat(JsonReport.read(file)).isEqualTo(r);
    }

    /** A binary's Go build information as report.json holds it: a program without dependencies has no "deps". */
    @Test
    void goBuildInfo_withoutDependencies_readsBack() throws Exception {
        String written = JsonReport.mapper()
                .writeValueAsString(new dev.m1go.binary.GoBuildInfo(
                        "go1.22.12", "command-line-arguments", null, List.of(), java.util.Map.of("GOARCH", "arm64")));
        dev.m1go.binary.GoBuildInfo read = JsonReport.mapper()
                .readValue(
                        "{\"goVersion\":\"go1.22.12\",\"path\":\"command-line-arguments\"}",
                        dev.m1go.binary.GoBuildInfo.class);
        assertThat(read.deps()).isEmpty();
        assertThat(read.settings()).isEmpty();
        assertThat(JsonReport.mapper()
                        .readValue(written, dev.m1go.binary.GoBuildInfo.class)
                        .setting("GOARCH"))
                .isEqualTo("arm64");
    }

    @Test
    void notMeasured_isWrittenApartFromTheCells_withoutOutcomeOrVerdict_andReadsBack() throws Exception {
        dev.m1go.matrix.NotMeasured cut = new dev.m1go.matrix.NotMeasured(
                Cells.key("c", "go1.27.3", "arm64", "arm64", "qemu"), dev.m1go.matrix.NotMeasured.STOPPING);
        Report r = Cells.report(List.of(Cells.pass("c", "go1.21.13", "amd64", "native")))
                .withNotMeasured(List.of(cut));
        Path file = dir.resolve("report.json");
        JsonReport.write(file, r);
        JsonNode tree = JsonReport.mapper().readTree(file.toFile());
        assertThat(tree.get("cells")).hasSize(1);
        JsonNode n = tree.get("notMeasured").get(0);
        assertThat(n.get("case").asText()).isEqualTo("c");
        assertThat(n.get("toolchainArch").asText()).isEqualTo("arm64");
        assertThat(n.get("runner").asText()).isEqualTo("qemu");
        assertThat(n.get("reason").asText()).isEqualTo(dev.m1go.matrix.NotMeasured.STOPPING);
        assertThat(n.has("outcome") || n.has("verdict")).isFalse();
        assertThat(tree.get("summary") == null
                        || !tree.get("summary").toString().contains("KILLED"))
                .isTrue();
        assertThat(JsonReport.read(file).notMeasured()).containsExactly(cut);

        String md = MarkdownReport.render(r, dir);
        assertThat(md).contains("## Not measured (1)").contains("1 cell: m1go was stopping");
        assertThat(HtmlReport.render(ReportView.of(r, dir))).contains("id=\"not-measured\"");
        JUnitReport.write(dir, r);
        assertThat(Files.readString(dir.resolve(JUnitReport.FILE)))
                .contains("<skipped message=\"not measured: m1go was stopping");
    }

    @Test
    void runEnvNames_andBenchmarks_areWritten_andReadBack_andLeftOutWhenEmpty() throws Exception {
        Path file = dir.resolve("report.json");
        dev.m1go.matrix.CellResult cell = Cells.pass("c.test", "go1.26.8", "arm64", "qemu")
                .withRunEnvAndBenchmarks(
                        List.of("GODEBUG", "API_TOKEN"),
                        List.of(new dev.m1go.matrix.BenchmarkResult("BenchmarkSum-2", 100, 1883)));
        Report r = Cells.report(List.of(cell, Cells.pass("c.test", "go1.26.8", "amd64", "native")));
        JsonReport.write(file, r);
        JsonNode cells = JsonReport.mapper().readTree(file.toFile()).get("cells");
        assertThat(cells.get(0).get("runner").asText()).as("report order").isEqualTo("native");
        assertThat(cells.get(1).get("runEnv").toString()).isEqualTo("[\"API_TOKEN\",\"GODEBUG\"]");
        assertThat(cells.get(1).get("benchmarks").get(0).toString())
                .isEqualTo("{\"name\":\"BenchmarkSum-2\",\"iterations\":100,\"nsPerOp\":1883.0}");
        assertThat(cells.get(0).has("runEnv")).isFalse();
        assertThat(cells.get(0).has("benchmarks")).isFalse();
        assertThat(JsonReport.read(file)).isEqualTo(r);
    }

    @Test
    void json_ofOneHost_hasNoHostFieldsOrBaseline() throws Exception {
        Path file = dir.resolve("report.json");
        JsonReport.write(file, Cells.report(List.of(Cells.pass("c", "go1.21.13", "amd64", "native"))));
        JsonNode tree = JsonReport.mapper().readTree(file.toFile());
        assertThat(tree.has("hosts")).isFalse();
        assertThat(tree.has("baseline")).isFalse();
        assertThat(tree.get("cells").get(0).has("host")).isFalse();
        assertThat(tree.get("clusters")).isEmpty();
    }

    @Test
    void json_writesOptionalBuildAndRunFields_onlyWhenTheyHappened() throws Exception {
        dev.m1go.matrix.CellResult plain = Cells.crash("c", "go1.22.12", "amd64", "native", Verdict.EXPECTED, null);
        dev.m1go.matrix.BuildInfo b = plain.build();
        dev.m1go.matrix.RunResult run = plain.runs().get(0);
        dev.m1go.matrix.CellResult eventful = dev.m1go.matrix.CellResult.ran(
                plain.key(),
                plain.expected(),
                plain.outcome(),
                plain.verdict(),
                plain.diagnosis(),
                plain.translated(),
                new dev.m1go.matrix.BuildInfo(
                        b.outcome(),
                        b.cc(),
                        b.ccFamily(),
                        b.libraryArch(),
                        b.translated(),
                        b.staticLink(),
                        b.durationMillis(),
                        b.binary(),
                        b.stdoutLog(),
                        b.stderrLog(),
                        "go build stalled"),
                List.of(new dev.m1go.matrix.RunResult(
                        run.exitCode(),
                        run.timedOut(),
                        run.outcome(),
                        run.signal(),
                        run.durationMillis(),
                        run.stdoutLog(),
                        run.stderrLog(),
                        null,
                        2,
                        "disk full")),
                java.util.Map.of());
        JsonNode quiet = JsonReport.mapper().valueToTree(plain);
        JsonNode loud = JsonReport.mapper().valueToTree(eventful);
        assertThat(quiet.get("build").has("retried")).isFalse();
        assertThat(quiet.get("runs").get(0).has("leftoverProcesses")).isFalse();
        assertThat(quiet.get("runs").get(0).has("logTruncated")).isFalse();
        assertThat(loud.get("build").get("retried").asText()).isEqualTo("go build stalled");
        assertThat(loud.get("runs").get(0).get("leftoverProcesses").asInt()).isEqualTo(2);
        assertThat(loud.get("runs").get(0).get("logTruncated").asText()).isEqualTo("disk full");
        assertThat(JsonReport.mapper().treeToValue(loud, dev.m1go.matrix.CellResult.class))
                .isEqualTo(eventful);
    }

    /** A container run names the engine it ran on (no credential); any other run leaves the field out. */
    @Test
    void json_namesTheEngineOfAContainerRun_andReadsItBack() throws Exception {
        dev.m1go.matrix.CellResult plain = Cells.crash("c", "go1.22.12", "arm64", "container", Verdict.EXPECTED, null);
        dev.m1go.matrix.RunResult run = plain.runs().get(0);
        dev.m1go.matrix.CellResult remote = dev.m1go.matrix.CellResult.ran(
                plain.key(),
                plain.expected(),
                plain.outcome(),
                plain.verdict(),
                plain.diagnosis(),
                false,
                plain.build(),
                List.of(new dev.m1go.matrix.RunResult(
                        run.exitCode(),
                        run.timedOut(),
                        run.outcome(),
                        run.signal(),
                        run.durationMillis(),
                        run.stdoutLog(),
                        run.stderrLog(),
                        "aarch64",
                        null,
                        null,
                        List.of(),
                        null,
                        "tcp://arm64-box:2375")),
                java.util.Map.of());
        assertThat(JsonReport.mapper().valueToTree(plain).get("runs").get(0).has("engine"))
                .isFalse();
        JsonNode tree = JsonReport.mapper().valueToTree(remote);
        assertThat(tree.get("runs").get(0).get("engine").asText()).isEqualTo("tcp://arm64-box:2375");
        assertThat(JsonReport.mapper().treeToValue(tree, dev.m1go.matrix.CellResult.class))
                .isEqualTo(remote);
        assertThat(remote.measuredOn("mac", p -> p).runs().get(0).engine())
                .as("merged: kept")
                .isEqualTo("tcp://arm64-box:2375");
    }

    @Test
    void json_cellWithAnUnknownArchitecture_isAFormatErrorNamingTheField() throws Exception {
        Path file = dir.resolve("report.json");
        JsonReport.write(file, Cells.report(List.of(Cells.pass("c", "go1.21.13", "amd64", "native"))));
        Files.writeString(file, Files.readString(file).replace("\"goarch\" : \"amd64\"", "\"goarch\" : \"mips\""));
        assertThatThrownBy(() -> JsonReport.read(file))
                .isInstanceOf(JsonReport.ReportFormatException.class)
                .hasMessage(file + ": cells[0]: cell c go1.21.13: goarch 'mips' is not a GOOS/GOARCH name this m1go "
                        + "knows");
    }

    @Test
    void json_ofAnotherSchema_isRefusedNamingTheFile() throws Exception {
        Path file = dir.resolve("old.json");
        Files.writeString(file, "{\"schema\":\"m1go/0\",\"cells\":[]}");
        assertThatThrownBy(() -> JsonReport.read(file))
                .isInstanceOf(JsonReport.ReportFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("'m1go/0'");
    }

    @Test
    void read_bytesThatAreNoTextInTheEncodingTheyLookLike_isAFormatErrorNamingTheFile() throws Exception {
        Path file = dir.resolve("report.json");
        Files.write(file, new byte[] {0, 0, 0, '{', 0x7b, 0x09, 0x20, (byte) 0xea}); // UTF-32BE, then no character
        assertThatThrownBy(() -> JsonReport.read(file))
                .isInstanceOf(JsonReport.ReportFormatException.class)
                .hasMessageStartingWith(file + " is not JSON: Invalid UTF-32 character");
    }
}
