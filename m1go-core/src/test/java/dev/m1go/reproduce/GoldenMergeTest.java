package dev.m1go.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.report.JsonReport;
import dev.m1go.report.Report;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code m1go:merge} of a report written by an earlier version with one written by this version gives the merged
 * report the earlier version gave (src/test/resources/golden), byte for byte.
 */
class GoldenMergeTest {

    /** Where the golden reports were measured; their paths are rewritten to the test's directory. */
    private static final String MEASURED_IN = "/tmp/model-golden";

    @TempDir
    Path dir;

    private static String golden(String name) throws IOException {
        try (InputStream in = GoldenMergeTest.class.getResourceAsStream("/golden/" + name + "/report.json")) {
            assertThat(in).as("golden report %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void merge_ofAnOldReportWithANewOne_writesTheGoldenMergedReport() throws Exception {
        Path old = dir.resolve("a/target/m1go/report.json");
        Files.createDirectories(old.getParent());
        Files.writeString(old, golden("matrix"), StandardCharsets.UTF_8);
        Path fresh = dir.resolve("b/target/m1go/report.json");
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, golden("baseline"), StandardCharsets.UTF_8);
        JsonReport.write(fresh, JsonReport.read(fresh));

        Path out = dir.resolve("merged/target/m1go");
        Report merged = new MergeReports(new Log() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }
        }).merge(List.of(old, fresh), out, "m1go-maven-plugin merge");

        assertThat(merged.hosts()).hasSize(2);
        // the golden report names its inputs by their paths then; the crash texts it quotes keep them as measured
        assertThat(Files.readString(out.resolve("report.json"), StandardCharsets.UTF_8).replace(dir.toString(),
                MEASURED_IN)).isEqualTo(golden("merged"));
    }
}
