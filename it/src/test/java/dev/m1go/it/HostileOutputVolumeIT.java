package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Output far larger than Maven's heap: a program printing 150 MiB natively and in a container, and an endless log
 * given to m1go:classify, each under a forked Maven with a 96 MiB heap. The heap stays bounded, the logs are complete,
 * the marker at the end is seen, and the endless input is refused by name.
 */
class HostileOutputVolumeIT {

    private static final Map<String, String> SMALL_HEAP = Map.of("MAVEN_OPTS", "-Xmx96m");

    @Test
    void hugeOutput_nativeAndInAContainer_passesWithItsMarker_inASmallHeap() throws Exception {
        boolean docker = Hostile.dockerAnswers();
        Components.require(docker, "a Docker engine (scripts/start-dockerd.sh)");
        Path dir = Maven.workDirectory("hostile-output");
        Hostile.writeCase(
                dir.resolve("cases"),
                "chatty",
                "description: prints 150 MiB, then its marker.\n" + "expect: {outcome: PASS}\n",
                """
                package main

                import (
                	"bytes"
                	"fmt"
                	"os"
                )

                func main() {
                	line := append(bytes.Repeat([]byte("m1go"), 255), 'x', 'y', 'z', '\\n')
                	chunk := bytes.Repeat(line, 1024)
                	for i := 0; i < 150; i++ {
                		os.Stdout.Write(chunk)
                	}
                	fmt.Println("M1GO_OK")
                }
                """);
        Maven.Run run = Maven.run(
                        dir,
                        SMALL_HEAP,
                        Maven.goal("reproduce"),
                        "-Dm1go.casesDirectory=" + dir.resolve("cases"),
                        "-Dm1go.cases=chatty",
                        "-Dm1go.runners=native,container",
                        "-Dm1go.targets=linux/amd64",
                        "-Dm1go.goVersions=1.26",
                        "-Dm1go.threads=1")
                .succeeded();
        assertThat(run.output()).doesNotContain("OutOfMemoryError");
        List<String> cells = new ArrayList<>();
        for (JsonNode c : run.report().get("cells")) {
            JsonNode r = c.get("runs").get(0);
            cells.add(c.get("runner").asText() + " " + c.get("outcome").asText() + " exit="
                    + r.get("exitCode").asText());
            assertThat(Files.size(dir.resolve("target/m1go")
                            .resolve(r.get("stdoutLog").asText())))
                    .isEqualTo(150L * 1024 * 1024 + "M1GO_OK\n".length());
        }
        assertThat(cells).containsExactly("native PASS exit=0", "container PASS exit=0");
    }

    @Test
    void classify_anEndlessInput_isRefusedByName_withoutGrowingTheHeap() throws Exception {
        Path dir = Maven.workDirectory("hostile-classify");
        Maven.Run run = Maven.run(dir, SMALL_HEAP, "-q", Maven.goal("classify"), "-Dm1go.log=/dev/zero")
                .failed();
        assertThat(run.output())
                .contains("m1go.log: /dev/zero is larger than 1024 MiB, the most m1go:classify reads")
                .doesNotContain("OutOfMemoryError")
                .doesNotContain("\tat dev.m1go");
    }
}
