package dev.m1go.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.classify.Outcome;
import dev.m1go.host.Arch;
import dev.m1go.testing.Golden;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reports written by an earlier version (src/test/resources/golden) read and written again unchanged. */
class GoldenReportTest {

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"a", "b", "merged"})
    void goldenReportJson_readAndWrittenAgain_isByteIdentical(String name) throws Exception {
        Path dir = Golden.directory(Golden.copyTo(root), name);
        String before = Files.readString(dir.resolve(JsonReport.FILE), StandardCharsets.UTF_8);
        JsonReport.write(root.resolve("out.json"), JsonReport.read(dir.resolve(JsonReport.FILE)));
        assertThat(Files.readString(root.resolve("out.json"), StandardCharsets.UTF_8))
                .isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "b", "merged"})
    void goldenReport_everyFormatWrittenAgain_isByteIdentical(String name) throws Exception {
        Path dir = Golden.directory(Golden.copyTo(root), name);
        Report r = JsonReport.read(dir.resolve(JsonReport.FILE));
        java.util.Map<String, String> before = new java.util.TreeMap<>();
        for (ReportFormat f : Reports.all()) {
            before.put(f.file(), Files.readString(dir.resolve(f.file()), StandardCharsets.UTF_8));
            Files.delete(dir.resolve(f.file()));
        }
        Reports.writeAll(dir, r);
        if (Boolean.getBoolean("golden.update")) { // the formats changed on purpose: write them, review the diff
            for (ReportFormat f : Reports.all()) {
                Files.copy(
                        dir.resolve(f.file()),
                        Path.of("src/test/resources/golden", name, f.file()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (ReportFormat f : Reports.all()) {
            assertThat(Files.readString(dir.resolve(f.file()), StandardCharsets.UTF_8))
                    .as(f.file())
                    .isEqualTo(before.get(f.file()));
        }
    }

    @Test
    void goldenReport_readsIntoTypedKeys() throws Exception {
        Report r = JsonReport.read(Golden.directory(Golden.copyTo(root), "a").resolve(JsonReport.FILE));
        assertThat(r.cells()).hasSize(36);
        assertThat(r.cells()).anySatisfy(c -> {
            assertThat(c.key().toolchainArch()).isEqualTo(Arch.ARM64);
            assertThat(c.key().foreignToolchain(r.host().arch())).isTrue();
        });
        assertThat(r.cells())
                .filteredOn(c -> c.outcome() == Outcome.CGO_SIGNAL)
                .allSatisfy(c -> assertThat(c.failureRate()).hasToString("2/2"));
    }
}
