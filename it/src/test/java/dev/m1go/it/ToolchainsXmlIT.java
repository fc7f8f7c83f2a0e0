package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go toolchains declared in Maven's toolchains.xml (type {@code go}) join the ones m1go finds, selected by
 * {@code m1go.goToolchains}: the arm64 Go that no search finds by itself is used once declared there.
 */
class ToolchainsXmlIT {

    @Test
    void aDeclaredGoToolchain_isUsed_andARequirementMatchingNothingIsAClearError() throws Exception {
        Components.requireLinuxMatrix();
        Path dir = Maven.workDirectory("toolchains-xml");
        Path toolchains = dir.resolve("toolchains.xml");
        Files.writeString(toolchains, """
                <?xml version="1.0" encoding="UTF-8"?>
                <toolchains>
                  <toolchain>
                    <type>go</type>
                    <provides>
                      <version>1.19.8</version>
                      <arch>arm64</arch>
                    </provides>
                    <configuration>
                      <goRoot>%s</goRoot>
                    </configuration>
                  </toolchain>
                </toolchains>
                """.formatted(Components.ARM64_GOROOT));

        // Rosetta applies to no cell on Linux: the report lists the toolchains without building anything.
        Maven.Run run = Maven.run(
                        dir,
                        "-t",
                        toolchains.toString(),
                        Maven.goal("reproduce"),
                        "-Dm1go.goToolchains=version=1.19,arch=arm64",
                        "-Dm1go.goVersions=1.19",
                        "-Dm1go.cases=go-nil-deref",
                        "-Dm1go.runners=rosetta",
                        "-Dm1go.failIfNoCells=false")
                .succeeded();
        List<String> roots = new ArrayList<>();
        for (JsonNode t : run.report().get("toolchains")) {
            roots.add(t.get("goroot").asText() + " " + t.get("binaryArch").asText() + " "
                    + t.get("source").asText());
        }
        // labelled by where it came from, not as a GOROOT given in m1go.goRoots
        assertThat(roots).contains(Components.ARM64_GOROOT.toRealPath() + " arm64 toolchains.xml");
        assertThat(run.output())
                .contains(Components.ARM64_GOROOT.toRealPath() + " (toolchains.xml)")
                .doesNotContain("(m1go.goRoots)");

        Maven.Run none = Maven.run(
                        dir,
                        "-t",
                        toolchains.toString(),
                        Maven.goal("reproduce"),
                        "-Dm1go.goToolchains=arch=riscv64",
                        "-Dm1go.cases=go-nil-deref")
                .failed();
        assertThat(none.output())
                .contains("m1go.goToolchains=arch=riscv64 matches no go toolchain of toolchains.xml")
                .doesNotContain("at dev.m1go.");
    }
}
