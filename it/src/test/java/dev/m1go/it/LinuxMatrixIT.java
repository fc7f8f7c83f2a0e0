package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The starter cases on every toolchain of this machine, natively and under qemu and binfmt, through the real plugin;
 * every assertion reads the report.json that run wrote.
 */
class LinuxMatrixIT {

    private static JsonNode report;
    private static Maven.Run run;

    @BeforeAll
    static void runTheMatrix() throws Exception {
        Components.requireLinuxMatrix();
        Path dir = Maven.workDirectory("linux-matrix");
        run = Maven.run(
                        dir,
                        Maven.goal("reproduce"),
                        "-Dm1go.goVersions=@amd64,1.19@arm64",
                        "-Dm1go.cases=cgo-hello,static-lib,static-lib-wrong-arch,c-abort",
                        "-Dm1go.runners=native,qemu,binfmt",
                        "-Dm1go.buildTimeoutSeconds=300")
                .succeeded();
        report = run.report();
    }

    private static List<JsonNode> cells() {
        List<JsonNode> cells = new ArrayList<>();
        report.get("cells").forEach(cells::add);
        return cells;
    }

    @Test
    void report_isVersionedAndComplete() {
        assertThat(report.get("schema").asText()).isEqualTo("m1go/1");
        assertThat(report.get("complete").asBoolean()).isTrue();
        assertThat(report.get("host").get("os").asText()).isEqualTo("linux");
        assertThat(report.get("host").get("arch").asText()).isEqualTo("amd64");
    }

    @Test
    void toolchains_includeDebiansTheMachinesTheDownloadedAndTheArm64One() {
        Set<String> found = new TreeSet<>();
        report.get("toolchains")
                .forEach(t -> found.add(t.get("version").asText().replaceAll("^(go1\\.\\d+).*", "$1") + "/"
                        + t.get("binaryArch").asText()));
        assertThat(report.get("toolchains").size()).isGreaterThanOrEqualTo(6);
        assertThat(found)
                .contains(
                        "go1.19/amd64", "go1.21/amd64", "go1.22/amd64", "go1.23/amd64", "go1.26/amd64", "go1.19/arm64");
    }

    @Test
    void everyStarterCase_runsNativelyAndUnderQemuAndBinfmt() {
        for (String c : List.of("cgo-hello", "static-lib", "static-lib-wrong-arch", "c-abort")) {
            Set<String> columns = new TreeSet<>();
            cells().stream()
                    .filter(x -> x.get("case").asText().equals(c))
                    .forEach(x -> columns.add(
                            x.get("goarch").asText() + "/" + x.get("runner").asText()));
            assertThat(columns).as(c).contains("amd64/native", "arm64/qemu", "arm64/binfmt");
        }
    }

    @Test
    void outcomes_areTheMeasuredOnes() {
        for (JsonNode c : cells()) {
            String id = c.get("case").asText();
            String outcome = c.get("outcome").asText();
            switch (id) {
                case "static-lib-wrong-arch" -> assertThat(outcome).as(title(c)).isEqualTo("LINK_ARCH_MISMATCH");
                case "c-abort" -> {
                    assertThat(outcome).as(title(c)).isEqualTo("CGO_SIGNAL");
                    assertThat(c.get("signal").asText()).as(title(c)).isEqualTo("SIGABRT");
                    assertThat(c.get("inCgo").asBoolean()).as(title(c)).isTrue();
                }
                default -> assertThat(outcome).as(title(c)).isEqualTo("PASS");
            }
        }
    }

    @Test
    void everyCell_isExpected() {
        assertThat(cells()).isNotEmpty();
        assertThat(cells())
                .allSatisfy(
                        c -> assertThat(c.get("verdict").asText()).as(title(c)).isEqualTo("EXPECTED"));
    }

    @Test
    void arm64Toolchain_buildsUnderTranslation_andItsBinariesRun() {
        List<JsonNode> arm64Go = cells().stream()
                .filter(c -> c.get("toolchainArch").asText().equals("arm64"))
                .toList();
        assertThat(arm64Go).isNotEmpty();
        assertThat(arm64Go)
                .allSatisfy(c ->
                        assertThat(c.get("build").get("translated").asBoolean()).isTrue());
        assertThat(arm64Go).anySatisfy(c -> {
            assertThat(c.get("case").asText()).isEqualTo("cgo-hello");
            assertThat(c.get("outcome").asText()).isEqualTo("PASS");
        });
        assertThat(cells().stream().filter(c -> c.get("toolchainArch").asText().equals("amd64")))
                .allSatisfy(c ->
                        assertThat(c.get("build").get("translated").asBoolean()).isFalse());
    }

    @Test
    void translatedRuns_areMarked_andLogsExist() {
        for (JsonNode c : cells()) {
            boolean ran = c.get("runs").size() > 0;
            boolean translated = ran && !c.get("runner").asText().equals("native");
            assertThat(c.get("translated").asBoolean()).as(title(c)).isEqualTo(translated);
            assertThat(ran).as(title(c)).isEqualTo(!c.get("outcome").asText().equals("LINK_ARCH_MISMATCH"));
            for (JsonNode r : c.get("runs")) {
                assertThat(run.directory()
                                .resolve("target/m1go")
                                .resolve(r.get("stderrLog").asText()))
                        .exists();
            }
        }
    }

    @Test
    void progress_isOneLinePerCell_andASummaryFollows() {
        long lines = run.output()
                .lines()
                .filter(l -> l.matches("\\[INFO\\] \\[ *\\d+/\\d+\\] .* \\.\\.\\. .*"))
                .count();
        assertThat(lines).isEqualTo(cells().size());
        assertThat(run.output()).contains("[INFO] case ").contains("[INFO] total ");
    }

    private static String title(JsonNode c) {
        return c.get("case").asText() + " " + c.get("go").asText() + "/"
                + c.get("toolchainArch").asText() + " " + c.get("goos").asText() + "/"
                + c.get("goarch").asText() + " " + c.get("runner").asText();
    }
}
