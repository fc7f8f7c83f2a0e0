package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use it in a project" pom, pasted as it is into an empty directory, builds with {@code mvn verify}:
 * no file the README does not mention, no parameter that names a directory the user does not have.
 */
class ReadmeUsageIT {

    @Test
    void theUsagePom_runsAsPasted_inAnEmptyDirectory() throws Exception {
        Components.requireLinuxMatrix();
        String readme = Files.readString(
                Path.of(System.getProperty("it.projects", "projects")).resolve("../../README.md"));
        String section = readme.substring(readme.indexOf("## Use it in a project"), readme.indexOf("## Parameters"));
        int start = section.indexOf("```xml\n") + "```xml\n".length();
        String pom = section.substring(start, section.indexOf("\n```", start) + 1);
        assertThat(pom)
                .startsWith("<?xml")
                .contains("<project")
                .endsWith("</project>\n")
                .contains("<m1go-plugin.version>" + Maven.version() + "</m1go-plugin.version>");

        Path dir = Maven.workDirectory("readme-usage");
        Files.writeString(dir.resolve("pom.xml"), pom);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("mvn-")))
                    .containsExactly("pom.xml");
        }
        // only the Go version is narrowed (the README's own advice), so the run needs no translated toolchain
        Maven.Run run =
                Maven.run(dir, "-B", "verify", "-Dm1go.goVersions=1.26@amd64").succeeded();
        JsonNode report = run.report();
        Set<String> cells = new TreeSet<>();
        report.get("cells")
                .forEach(c -> cells.add(c.get("case").asText() + " "
                        + c.get("goarch").asText() + " " + c.get("runner").asText() + "="
                        + c.get("outcome").asText() + " " + c.get("verdict").asText()));
        assertThat(cells)
                .contains("cgo-hello arm64 qemu=PASS EXPECTED", "c-abort amd64 native=CGO_SIGNAL EXPECTED")
                .allSatisfy(c -> assertThat(c).endsWith(" EXPECTED"));
        assertThat(cells).anySatisfy(c -> assertThat(c).startsWith("static-lib-wrong-arch "));
    }
}
