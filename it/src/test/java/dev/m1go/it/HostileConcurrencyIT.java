package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two runs in one output directory: the second is refused with a message naming the first, which finishes with a
 * complete report; a lock left by a run that no longer lives is taken over with a warning.
 */
class HostileConcurrencyIT {

    @Test
    void secondRunInTheSameDirectory_isRefusedNamingTheFirst_whichCompletes() throws Exception {
        Path dir = Maven.workDirectory("hostile-concurrency");
        Hostile.writeCase(
                dir.resolve("cases"), "slow", "description: takes a few seconds.\nexpect: {outcome: PASS}\n", """
                package main

                import (
                	"fmt"
                	"time"
                )

                func main() {
                	time.Sleep(8 * time.Second)
                	fmt.Println("M1GO_OK")
                }
                """);
        Process first = new ProcessBuilder(Maven.command(
                        Maven.goal("reproduce"),
                        "-Dm1go.casesDirectory=" + dir.resolve("cases"),
                        "-Dm1go.cases=slow",
                        "-Dm1go.runners=native",
                        "-Dm1go.targets=linux/amd64",
                        "-Dm1go.goVersions=1.26"))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("first.log").toFile())
                .start();
        try {
            Path lock = dir.resolve("target/m1go/.m1go.lock");
            for (int i = 0; i < 600 && !(Files.exists(lock) && Files.size(lock) > 0); i++) {
                Thread.sleep(100);
            }
            String holder = Files.readString(lock).strip();
            assertThat(holder).startsWith("pid ");
            Maven.Run second = Maven.run(
                            dir,
                            Maven.goal("reproduce"),
                            "-Dm1go.cases=cgo-hello",
                            "-Dm1go.runners=native",
                            "-Dm1go.targets=linux/amd64",
                            "-Dm1go.goVersions=1.26")
                    .failed();
            assertThat(second.output())
                    .contains("m1go.outputDirectory: " + dir.resolve("target/m1go") + " is in use by another m1go run ("
                            + holder + "; lock file " + lock + ")");
            assertThat(first.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(first.exitValue())
                    .as(Files.readString(dir.resolve("first.log")))
                    .isZero();
            var report = Maven.Run.report(dir.resolve("target/m1go/report.json"));
            assertThat(report.get("complete").asBoolean()).isTrue();
            assertThat(report.get("cells"))
                    .extracting(
                            c -> c.get("case").asText() + " " + c.get("outcome").asText())
                    .containsExactly("slow PASS");
        } finally {
            first.descendants().forEach(ProcessHandle::destroyForcibly);
            first.destroyForcibly();
        }
    }

    @Test
    void staleLockOfADeadRun_isTakenOver_withAWarning() throws Exception {
        Path dir = Maven.workDirectory("hostile-stale-lock");
        Path lock = Files.createDirectories(dir.resolve("target/m1go")).resolve(".m1go.lock");
        Files.writeString(lock, "pid 999999, started 2026-01-01T00:00:00Z\n");
        Maven.Run run = Maven.run(
                        dir,
                        Maven.goal("reproduce"),
                        "-Dm1go.cases=cgo-hello",
                        "-Dm1go.runners=native",
                        "-Dm1go.targets=linux/amd64",
                        "-Dm1go.goVersions=1.26")
                .succeeded();
        assertThat(run.output())
                .contains("[WARNING] m1go: took over " + lock + " from an m1go run that no longer runs "
                        + "(pid 999999, started 2026-01-01T00:00:00Z)");
        assertThat(lock).content().isEmpty();
    }
}
