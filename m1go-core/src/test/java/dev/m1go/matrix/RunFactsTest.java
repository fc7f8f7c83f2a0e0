package dev.m1go.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.m1go.classify.Outcome;
import dev.m1go.classify.Verdict;
import dev.m1go.host.Arch;
import dev.m1go.host.Os;
import dev.m1go.report.JsonReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunFactsTest {

    @Test
    void parse_keepsFactLinesOnly_sortedByKey() {
        String stdout = """
                hello from C
                M1GO_FACT sizeof.long_double=16
                M1GO_FACT alignof.long_double = 16\r
                not M1GO_FACT inline=1
                M1GO_FACT c.goarch=amd64
                M1GO_OK
                """;
        assertThat(RunFacts.parse(stdout))
                .containsExactly(Map.entry("c.goarch", "amd64"), Map.entry("sizeof.long_double", "16"));
    }

    @Test
    void parse_keyWithSpaceBeforeEquals_isNotAFact() {
        assertThat(RunFacts.parse("M1GO_FACT alignof.long_double = 16\n")).isEmpty();
    }

    @Test
    void parse_lastValueWins_valuesCut_keysBounded() {
        StringBuilder sb = new StringBuilder("M1GO_FACT k=1\nM1GO_FACT k=2\nM1GO_FACT long=" + "x".repeat(500) + "\n");
        for (int i = 0; i < 300; i++) {
            sb.append("M1GO_FACT many").append(i).append("=").append(i).append('\n');
        }
        Map<String, String> facts = RunFacts.parse(sb.toString());
        assertThat(facts).containsEntry("k", "2").hasSize(RunFacts.MAX_FACTS);
        assertThat(facts.get("long")).hasSize(RunFacts.MAX_VALUE);
    }

    @Test
    void parse_noFacts_isEmpty() {
        assertThat(RunFacts.parse("M1GO_OK\n")).isEmpty();
        assertThat(RunFacts.parse(null)).isEmpty();
    }

    @Test
    void cellFacts_reachReportJson_andAreLeftOutWhenEmpty() throws Exception {
        CellResult withFacts = cell(Map.of("sizeof.long", "8"));
        CellResult without = cell(Map.of());
        JsonNode a = JsonReport.mapper().valueToTree(withFacts);
        JsonNode b = JsonReport.mapper().valueToTree(without);
        assertThat(a.path("facts").path("sizeof.long").asText()).isEqualTo("8");
        assertThat(b.has("facts")).isFalse();
        CellResult back = JsonReport.mapper().treeToValue(b, CellResult.class);
        assertThat(back.facts()).isEmpty();
        assertThat(JsonReport.mapper().treeToValue(a, CellResult.class).facts()).containsEntry("sizeof.long", "8");
    }

    private static CellResult cell(Map<String, String> facts) {
        return CellResult.ran(
                CellKey.of(
                        "abi-layout", "go1.22.12", Arch.AMD64, new Platform(Os.LINUX, Arch.AMD64), "native", "default"),
                "PASS",
                Outcome.PASS,
                Verdict.EXPECTED,
                Diagnosis.note("passed"),
                false,
                null,
                List.of(),
                facts);
    }
}
