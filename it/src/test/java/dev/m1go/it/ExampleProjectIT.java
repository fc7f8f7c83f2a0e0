package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The example project of the README, declaring the plugin in its pom, built with `mvn verify`. */
class ExampleProjectIT {

    @Test
    void exampleProject_runsTheMatrixInVerify_withItsOwnCase() throws Exception {
        Components.requireLinuxMatrix();
        Path dir = Maven.workDirectory("example");
        Path source = Path.of(System.getProperty("it.projects", "projects")).resolve("example");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path target = dir.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Maven.Run run = Maven.run(dir, "verify", "-Dm1go-plugin.version=" + Maven.version())
                .succeeded();
        // Maven 3.8 names the plugin by its artifactId in the mojo line, 3.9 by its prefix
        assertThat(run.output())
                .containsAnyOf(
                        "--- m1go-maven-plugin:" + Maven.version() + ":reproduce (default) @ cgo-matrix",
                        "--- m1go:" + Maven.version() + ":reproduce (default) @ cgo-matrix");
        JsonNode report = run.report();
        Set<String> cases = new TreeSet<>();
        report.get("cells")
                .forEach(c -> cases.add(
                        c.get("case").asText() + "=" + c.get("outcome").asText()));
        assertThat(cases)
                .contains(
                        "cgo-hello=PASS",
                        "c-abort=CGO_SIGNAL",
                        "static-lib-wrong-arch=LINK_ARCH_MISMATCH",
                        "c-null-deref=CGO_SIGNAL");
        assertThat(report.get("cells"))
                .allSatisfy(c -> assertThat(c.get("verdict").asText()).isEqualTo("EXPECTED"));

        // From the command line (execution default-cli): the plugin-level configuration applies (the project's own
        // case is found), and -D narrows what the pom's <properties> set.
        Maven.Run cli = Maven.run(
                        dir, "m1go:reproduce", "-Dm1go-plugin.version=" + Maven.version(), "-Dm1go.cases=c-null-deref")
                .succeeded();
        assertThat(cli.output())
                .containsAnyOf(
                        "--- m1go-maven-plugin:" + Maven.version() + ":reproduce (default-cli) @ cgo-matrix",
                        "--- m1go:" + Maven.version() + ":reproduce (default-cli) @ cgo-matrix");
        Set<String> cliCells = new TreeSet<>();
        cli.report()
                .get("cells")
                .forEach(c -> cliCells.add(
                        c.get("case").asText() + " " + c.get("runner").asText()));
        assertThat(cliCells).isNotEmpty().allSatisfy(c -> assertThat(c).matches("c-null-deref (native|binfmt)"));
    }
}
