package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A narrow matrix run twice through the real plugin and real toolchains: the second run starts no build process (its
 * binaries are the cache's own files, its build logs were all written before it started) and measures the same
 * outcomes, a cached link failure included.
 */
class BuildCacheIT {

    @Test
    void secondRun_buildsNothing_andMeasuresTheSameOutcomes() throws Exception {
        Components.requireLinuxMatrix();
        Path dir = Maven.workDirectory("build-cache");
        // The default m1go.cacheDirectory, whose Go build caches the other ITs keep warm; the first run rebuilds, so
        // that entries an earlier run of this test left do not count.
        Path cache = dev.m1go.reproduce.ReproduceSettings.defaultCacheDirectory(
                System.getenv(), Path.of(System.getProperty("user.home")));
        String[] matrix = {
            Maven.goal("reproduce"),
            "-Dm1go.cases=cgo-hello,static-lib-wrong-arch",
            "-Dm1go.goVersions=1.26",
            "-Dm1go.runners=native,qemu",
            "-Dm1go.buildTimeoutSeconds=300"
        };

        List<String> rebuild = new ArrayList<>(List.of(matrix));
        rebuild.add("-Dm1go.rebuild=true");
        Maven.Run first = Maven.run(dir, rebuild.toArray(String[]::new)).succeeded();
        List<JsonNode> before = cells(first.report());
        assertThat(before)
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("build").get("cached").asBoolean())
                        .as(title(c))
                        .isFalse());
        assertThat(before).anySatisfy(c -> assertThat(c.get("outcome").asText()).isEqualTo("LINK_ARCH_MISMATCH"));

        Instant secondStarted = Instant.now();
        Thread.sleep(1100); // file times of this file system may be whole seconds
        Maven.Run second = Maven.run(dir, matrix).succeeded();
        List<JsonNode> after = cells(second.report());

        assertThat(after)
                .extracting(BuildCacheIT::title, c -> c.get("outcome").asText())
                .containsExactlyElementsOf(before.stream()
                        .map(c -> org.assertj.core.groups.Tuple.tuple(
                                title(c), c.get("outcome").asText()))
                        .toList());
        Path out = dir.resolve("target/m1go");
        for (JsonNode c : after) {
            JsonNode build = c.get("build");
            assertThat(build.get("cached").asBoolean()).as(title(c)).isTrue();
            String key = build.get("cacheKey").asText();
            for (String log : List.of("stdoutLog", "stderrLog")) {
                assertThat(Files.getLastModifiedTime(out.resolve(build.get(log).asText()))
                                .toInstant())
                        .as("%s %s was written by the first run", title(c), log)
                        .isBefore(secondStarted);
            }
            if (!build.get("binary").isNull()) {
                Path binary = out.resolve(build.get("binary").asText());
                assertThat(Files.isSameFile(
                                binary,
                                cache.resolve("builds")
                                        .resolve(key)
                                        .resolve("bin")
                                        .resolve(binary.getFileName())))
                        .as("%s runs the cached file itself", title(c))
                        .isTrue();
            }
        }
        assertThat(second.output().lines().filter(l -> l.matches(".*\\[\\s*\\d+/\\d+] .*")))
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains(" (cached build)"));
    }

    private static List<JsonNode> cells(JsonNode report) {
        List<JsonNode> cells = new ArrayList<>();
        report.get("cells").forEach(cells::add);
        return cells;
    }

    private static String title(JsonNode c) {
        return c.get("case").asText() + " " + c.get("go").asText() + "/"
                + c.get("toolchainArch").asText() + " " + c.get("goarch").asText() + " "
                + c.get("runner").asText();
    }
}
