package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Go 1.19 as an amd64 and as an arm64 toolchain, side by side (the version whose Go build caches the catalog IT
 * already fills, so that the arm64 one does not compile the standard library under qemu here once more), both found without m1go.goRoots (the arm64 one where
 * the install script unpacks it, /opt/go-arm64), each cell run three times in stress mode: report.json carries the
 * differentials (runner translated, toolchain translated) with failure rates and their Wilson intervals, and
 * report.md opens with the "Fails only under translation" section.
 */
class TranslationAnswersIT {

    static JsonNode report;
    static String markdown;

    @BeforeAll
    static void run() throws Exception {
        Components.requireLinuxMatrix();
        Path dir = Maven.workDirectory("translation-answers");
        long t0 = System.nanoTime();
        Maven.Run run = Maven.run(
                        dir,
                        Maven.goal("reproduce"),
                        "-Dm1go.cases=cgo-hello",
                        "-Dm1go.goVersions=1.19",
                        "-Dm1go.runners=native,binfmt",
                        "-Dm1go.stress.runs=3",
                        "-Dm1go.buildTimeoutSeconds=600")
                .succeeded();
        System.out.println("TranslationAnswersIT: the run took " + (System.nanoTime() - t0) / 1_000_000_000L + " s");
        assertThat(run.output()).contains("m1go: stress mode: every cell runs 3 times");
        report = run.report();
        markdown = Files.readString(dir.resolve("target/m1go/report.md"), StandardCharsets.UTF_8);
    }

    private static List<JsonNode> all(String field) {
        List<JsonNode> out = new ArrayList<>();
        report.path(field).forEach(out::add);
        return out;
    }

    @Test
    void discovery_findsTheArm64Toolchain_besideTheAmd64One() {
        List<String> toolchains = all("toolchains").stream()
                .filter(t -> t.path("version").asText().startsWith("go1.19."))
                .map(t -> t.path("binaryArch").asText() + " " + t.path("source").asText())
                .toList();
        assertThat(toolchains).containsExactlyInAnyOrder("amd64 /usr/lib/go-*", "arm64 /opt/go-*");
    }

    @Test
    void everyCellRanThreeTimes_withAFailureRateAndItsWilsonInterval() {
        List<JsonNode> cells = all("cells");
        assertThat(cells).hasSize(4);
        for (JsonNode c : cells) {
            JsonNode rate = c.path("failureRate");
            assertThat(rate.path("n").asInt()).as(c.toString()).isEqualTo(3);
            assertThat(rate.path("k").asInt()).isZero();
            assertThat(rate.path("low").asDouble()).isZero();
            assertThat(rate.path("high").asDouble()).isBetween(0.56, 0.57);
            assertThat(c.path("outcomeCounts").path("PASS").asInt()).isEqualTo(3);
        }
    }

    @Test
    void differentials_compareTheTranslatedRunner_andTheTranslatedToolchain_withTheNativeCell() {
        List<String> seen = all("differentials").stream()
                .map(d -> d.path("goarch").asText() + " "
                        + d.path("cell").path("runner").asText() + " "
                        + d.path("cell").path("toolchainArch").asText() + " "
                        + d.path("translation").asText() + " "
                        + d.path("referenceKind").asText() + " "
                        + d.path("verdict").asText())
                .toList();
        assertThat(seen)
                .containsExactlyInAnyOrder(
                        "amd64 native arm64 toolchain native same",
                        "arm64 binfmt arm64 runner+toolchain translator same");
        assertThat(all("differentials"))
                .allSatisfy(d -> assertThat(d.path("pValue").asDouble()).isEqualTo(1.0));
    }

    @Test
    void markdown_opensWithTheTranslationSection() {
        int section = markdown.indexOf("## Fails only under translation\n\nNo cell fails only under translation (2 "
                + "translated cells compared with their reference cells).");
        assertThat(section).isPositive().isLessThan(markdown.indexOf("## cgo-hello"));
        assertThat(all("boundaries")).isEmpty();
    }
}
