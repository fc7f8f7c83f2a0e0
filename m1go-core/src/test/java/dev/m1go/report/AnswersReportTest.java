package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.matrix.CellResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparative sections in report.json, report.md and report.html. */
class AnswersReportTest {

    @TempDir
    Path dir;

    private static Report translatedCrash() {
        CellResult nativeCell =
                DifferentialTest.rate(Cells.pass("c-abort", "go1.22.12", "amd64", "native"), Outcome.TIMEOUT, 0, 200);
        CellResult qemu =
                DifferentialTest.rate(Cells.pass("c-abort", "go1.22.12", "amd64", "qemu"), Outcome.TIMEOUT, 7, 200);
        CellResult check = Cells.cell(
                "c-abort",
                "go1.23.5",
                "amd64",
                "amd64",
                "native",
                Outcome.CGO_CHECK,
                null,
                "PASS",
                Verdict.UNEXPECTED,
                null,
                List.of());
        return Cells.report(List.of(nativeCell, qemu, check));
    }

    @Test
    void json_hasDifferentials_boundaries_andFailureRatesWithTheirInterval() throws Exception {
        Path file = dir.resolve("report.json");
        JsonReport.write(file, translatedCrash());
        JsonNode tree = JsonReport.mapper().readTree(file.toFile());
        JsonNode d = tree.get("differentials");
        assertThat(d).hasSize(1);
        assertThat(d.get(0).get("verdict").asText()).isEqualTo("translation-only");
        assertThat(d.get(0).get("case").asText()).isEqualTo("c-abort");
        assertThat(d.get(0).get("reference").get("key").asText())
                .isEqualTo("c-abort go1.22.12 amd64 linux/amd64 native default");
        assertThat(d.get(0).get("cell").get("outcome").asText()).isEqualTo("PASS");
        assertThat(d.get(0).get("pValue").asDouble()).isBetween(0.0148, 0.0149);
        JsonNode rate = d.get(0).get("cell").get("failureRate");
        assertThat(rate.get("k").asInt()).isEqualTo(7);
        assertThat(rate.get("n").asInt()).isEqualTo(200);
        assertThat(rate.get("low").asDouble()).isBetween(0.0170, 0.0171);
        assertThat(rate.get("high").asDouble()).isBetween(0.0704, 0.0705);
        JsonNode qemuCell = tree.get("cells").get(1);
        assertThat(qemuCell.get("failureRate").get("k").asInt()).isEqualTo(7);
        assertThat(qemuCell.get("outcomeCounts").get("TIMEOUT").asInt()).isEqualTo(7);
        assertThat(qemuCell.get("outcomeCounts").get("PASS").asInt()).isEqualTo(193);
        assertThat(tree.get("boundaries")).hasSize(1);
        assertThat(tree.get("boundaries").get(0).get("from").asText()).isEqualTo("go1.23.5");
        assertThat(JsonReport.read(file).cells().get(1).outcomeCounts()).containsEntry("TIMEOUT", 7);
    }

    @Test
    void json_ofAnEarlierVersion_withFailureRateAsText_readsBack() throws Exception {
        Path file = dir.resolve("report.json");
        JsonReport.write(file, translatedCrash());
        String text = java.nio.file.Files.readString(file);
        String old = text.replaceAll("\"failureRate\" : \\{[^}]*\\}", "\"failureRate\" : \"7/200\"");
        assertThat(old).contains("\"failureRate\" : \"7/200\"");
        java.nio.file.Files.writeString(file, old);
        assertThat(JsonReport.read(file).cells()).hasSize(3);
    }

    @Test
    void markdown_opensWithFailsOnlyUnderTranslation_withRatesAndP_thenBoundaries() {
        String md = MarkdownReport.render(translatedCrash());
        int section = md.indexOf("## Fails only under translation");
        assertThat(section).isPositive().isLessThan(md.indexOf("## Regressions"));
        assertThat(md)
                .contains("- c-abort go1.22.12 linux/amd64: qemu PASS 7/200 [1.7 %–7.0 %] vs native PASS "
                        + "0/200 [0 %–1.9 %], p = 0.015\n");
        assertThat(md)
                .contains("## Where the outcome changes across versions\n\n"
                        + "- c-abort linux/amd64 native: PASS at go1.22.12, CGO_CHECK at go1.23.5: an observation, not a boundary "
                        + "to bisect (200 runs at go1.22.12, 0/200 [0 %–1.9 %] failed, 1 run at go1.23.5)\n");
    }

    @Test
    void markdown_andHtml_withNothingTranslationOnly_sayItInOneLine() {
        Report r = Cells.report(List.of(
                Cells.pass("c-abort", "go1.22.12", "amd64", "native"),
                Cells.pass("c-abort", "go1.22.12", "amd64", "qemu")));
        assertThat(MarkdownReport.render(r))
                .contains("## Fails only under translation\n\nNo cell fails only under "
                        + "translation (1 translated cells compared with their reference cells).\n\n");
        assertThat(HtmlReport.render(r, null))
                .contains("<h2>Fails only under translation</h2>\n<p>No cell fails only " + "under translation");
        assertThat(MarkdownReport.render(r)).doesNotContain("Where the outcome changes");
    }

    @Test
    void markdownClusterTable_showsTheRateOfRepeatedFailingCells() {
        CellResult flaky = DifferentialTest.rate(
                Cells.crash("c-abort", "go1.22.12", "amd64", "qemu", Verdict.FLAKY, null), Outcome.CGO_SIGNAL, 3, 20);
        String md = MarkdownReport.render(
                Cells.report(List.of(Cells.pass("c-abort", "go1.22.12", "amd64", "native"), flaky)));
        assertThat(md).contains("<br>go1.22.12 linux/amd64 qemu 3/20 [5.2 %–36.0 %] |");
    }

    @Test
    void html_opensWithTheSection_andShowsTheIntervalInTheCell() {
        String html = HtmlReport.render(translatedCrash(), null);
        assertThat(html.indexOf("id=\"translation-only\"")).isPositive().isLessThan(html.indexOf("class=\"hosts\""));
        assertThat(html)
                .contains("<li>c-abort go1.22.12 linux/amd64: qemu PASS 7/200 [1.7 %–7.0 %] vs native PASS "
                        + "0/200 [0 %–1.9 %], p = 0.015</li>");
        assertThat(html).contains("PASS 7/200 <span class=\"rate\">[1.7 %–7.0 %]</span>");
        assertThat(html).contains("id=\"boundaries\"", "PASS at go1.22.12, CGO_CHECK at go1.23.5: an observation");
    }
}
