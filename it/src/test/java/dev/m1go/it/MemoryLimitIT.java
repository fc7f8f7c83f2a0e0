package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.m1go.host.DockerEndpoint;
import dev.m1go.host.EngineProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code m1go.memoryLimitMb} on every runner of a Linux host: natively, under qemu and binfmt_misc (a cgroup v2 group
 * where one with the memory controller can be made, else RLIMIT_AS through prlimit with headroom) and in
 * {@code --platform} containers of both architectures (the engine's limit). A program that allocates far past the
 * limit is KILLED with the reason in every cell; one that stays under it passes in every cell.
 */
class MemoryLimitIT {

    private static final String PROGRAM = """
            package main

            /*
            static int twice(int x) { return 2 * x; }
            */
            import "C"

            import (
            	"fmt"
            	"os"
            	"strconv"
            )

            var sink [][]byte

            func main() {
            	mb, _ := strconv.Atoi(os.Args[1])
            	for i := 0; i < mb; i++ {
            		b := make([]byte, 1<<20)
            		for j := 0; j < len(b); j += 4096 {
            			b[j] = byte(C.twice(1))
            		}
            		sink = append(sink, b)
            	}
            	fmt.Println("M1GO_OK")
            }
            """;

    private static void requireEngineAndTranslators() {
        Components.requireLinuxMatrix();
        Components.require(Components.binfmtEnabled("qemu-aarch64"), "the binfmt_misc handler qemu-aarch64");
        boolean answers;
        try {
            new EngineProbe(DockerEndpoint.from(Map.of()), Duration.ofSeconds(5)).probe();
            answers = true;
        } catch (EngineProbe.Unreachable e) {
            answers = false;
        }
        Components.require(answers, "a Docker engine on /var/run/docker.sock (start it with scripts/start-dockerd.sh)");
    }

    private static List<JsonNode> ranCells(JsonNode report) {
        List<JsonNode> cells = new ArrayList<>();
        report.path("cells").forEach(c -> {
            if (!c.path("runs").isEmpty()) {
                cells.add(c);
            }
        });
        return cells;
    }

    private static String title(JsonNode c) {
        return c.path("case").asText() + " " + c.path("goarch").asText() + " "
                + c.path("runner").asText();
    }

    @Test
    void anAllocationFarPastTheLimit_isKilledWithTheReason_andOneUnderItPasses_onEveryRunner() throws Exception {
        requireEngineAndTranslators();
        Path dir = Maven.workDirectory("memory-limit");
        Hostile.writeCase(
                dir.resolve("cases"),
                "allocates-8192",
                "description: allocates and touches 8 GiB.\nrun: {args: [\"8192\"]}\nexpect: {outcome: KILLED}\n",
                PROGRAM);
        Hostile.writeCase(
                dir.resolve("cases"),
                "allocates-4",
                "description: allocates and touches 4 MiB.\nrun: {args: [\"4\"]}\nexpect: {outcome: PASS}\n",
                PROGRAM);

        Maven.Run run = Maven.run(
                        dir,
                        Maven.goal("reproduce"),
                        "-Dm1go.casesDirectory=" + dir.resolve("cases"),
                        "-Dm1go.cases=allocates-8192,allocates-4",
                        "-Dm1go.goVersions=1.22@amd64",
                        "-Dm1go.runners=native,qemu,binfmt,container",
                        "-Dm1go.targets=linux/amd64,linux/arm64",
                        "-Dm1go.memoryLimitMb=64",
                        "-Dm1go.threads=2")
                .succeeded();

        JsonNode report = run.report();
        List<JsonNode> cells = ranCells(report);
        assertThat(cells)
                .extracting(MemoryLimitIT::title)
                .contains(
                        "allocates-8192 amd64 native",
                        "allocates-8192 arm64 qemu",
                        "allocates-8192 arm64 binfmt",
                        "allocates-8192 amd64 container",
                        "allocates-8192 arm64 container",
                        "allocates-4 amd64 native",
                        "allocates-4 arm64 qemu",
                        "allocates-4 arm64 binfmt",
                        "allocates-4 amd64 container",
                        "allocates-4 arm64 container");
        for (JsonNode c : cells) {
            String summary = c.path("summary").asText();
            assertThat(c.path("verdict").asText()).as(title(c) + ": " + summary).isEqualTo("EXPECTED");
            if (c.path("case").asText().equals("allocates-8192")) {
                assertThat(c.path("outcome").asText()).as(title(c)).isEqualTo("KILLED");
                assertThat(summary).as(title(c)).startsWith("memory limit of 64 MiB (m1go.memoryLimitMb) reached: ");
                if (c.path("runner").asText().equals("container")) {
                    assertThat(summary).as(title(c)).contains("the engine's OOM killer ended the container");
                    assertThat(c.path("signal").asText()).as(title(c)).isEqualTo("SIGKILL");
                }
            } else {
                assertThat(c.path("outcome").asText()).as(title(c)).isEqualTo("PASS");
            }
        }
        assertThat(report.path("notes").toString()).contains("m1go.memoryLimitMb=64: ");
    }
}
