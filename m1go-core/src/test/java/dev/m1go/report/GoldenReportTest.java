package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Outcome;
import dev.m1go.host.Arch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.json files written by an earlier version (src/test/resources/golden) read and written again unchanged. */
class GoldenReportTest {

    @TempDir
    Path dir;

    /** Copies {@code golden/<name>/report.json} to {@code target} and returns its text. */
    static String golden(String name, Path target) throws IOException {
        try (InputStream in = GoldenReportTest.class.getResourceAsStream("/golden/" + name + "/report.json")) {
            assertThat(in).as("golden report %s", name).isNotNull();
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
        }
        return Files.readString(target, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"matrix", "baseline", "merged"})
    void goldenReport_readAndWrittenAgain_isByteIdentical(String name) throws Exception {
        String before = golden(name, dir.resolve("in/report.json"));
        Report r = JsonReport.read(dir.resolve("in/report.json"));
        JsonReport.write(dir.resolve("out/report.json"), r);
        assertThat(Files.readString(dir.resolve("out/report.json"), StandardCharsets.UTF_8)).isEqualTo(before);
    }

    @Test
    void goldenReport_readsIntoTypedKeys() throws Exception {
        golden("matrix", dir.resolve("report.json"));
        Report r = JsonReport.read(dir.resolve("report.json"));
        assertThat(r.cells()).hasSize(36);
        assertThat(r.cells()).anySatisfy(c -> {
            assertThat(c.key().toolchainArch()).isEqualTo(Arch.ARM64);
            assertThat(c.key().foreignToolchain(r.host().arch())).isTrue();
        });
        assertThat(r.cells()).filteredOn(c -> c.outcome() == Outcome.CGO_SIGNAL)
                .allSatisfy(c -> assertThat(c.failureRate()).isEqualTo("2/2"));
    }
}
