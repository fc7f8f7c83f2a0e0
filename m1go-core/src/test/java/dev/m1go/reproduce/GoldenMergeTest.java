package dev.m1go.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.core.Log;
import dev.m1go.report.JsonReport;
import dev.m1go.report.Report;
import dev.m1go.testing.Golden;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code m1go:merge} of a report written by an earlier version with one written by this version gives the golden
 * merged report (src/test/resources/golden/merged), byte for byte. When the merge changes on purpose, run this test
 * with {@code -Dgolden.update=true} to write the new golden file, and review its diff.
 */
class GoldenMergeTest {

    @TempDir
    Path root;

    @Test
    void merge_ofAnOldReportWithANewOne_writesTheGoldenMergedReport() throws Exception {
        Golden.copyTo(root);
        Path old = Golden.directory(root, "a").resolve(JsonReport.FILE);
        Path fresh = Golden.directory(root, "b").resolve(JsonReport.FILE);
        JsonReport.write(fresh, JsonReport.read(fresh));
        Path out = root.resolve("again/target/m1go");
        Files.createDirectories(out);
        Path expected = Golden.directory(root, "merged").resolve(JsonReport.FILE);

        Report merged = new MergeReports(new Log() {
                    @Override
                    public void info(String message) {}

                    @Override
                    public void warn(String message) {}
                })
                .merge(List.of(old, fresh), out, "m1go-maven-plugin merge");

        assertThat(merged.hosts()).hasSize(2);
        // the golden report names its inputs by their paths then; the crash texts it quotes keep them as measured
        String actual = Files.readString(out.resolve(JsonReport.FILE), StandardCharsets.UTF_8)
                .replace(root.toString(), Golden.MEASURED_IN);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(
                    Path.of("src/test/resources/golden/merged").resolve(JsonReport.FILE),
                    actual,
                    StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
}
