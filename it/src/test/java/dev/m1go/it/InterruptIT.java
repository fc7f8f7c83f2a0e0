package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C on Maven while a reproducer hangs: the hanging process dies with Maven, and report.json still holds
 * every cell that had finished, marked incomplete.
 */
class InterruptIT {

    @Test
    void ctrlC_killsTheRunningReproducer_andKeepsWhatWasMeasured() throws Exception {
        Path dir = Maven.workDirectory("interrupt");
        Path c = Files.createDirectories(dir.resolve("cases/hang-in-c"));
        Files.writeString(c.resolve("main.go"), """
                package main

                /*
                #include <unistd.h>
                static void m1go_hang(void) { for (;;) sleep(60); }
                */
                import "C"

                import "fmt"

                func main() {
                	C.m1go_hang()
                	fmt.Println("M1GO_OK")
                }
                """);
        Files.writeString(c.resolve("case.yaml"), "description: C never returns.\nexpect: {outcome: TIMEOUT}\n");

        List<String> argv = Maven.command(
                Maven.goal("reproduce"),
                "-Dm1go.casesDirectory=" + dir.resolve("cases"),
                "-Dm1go.cases=cgo-hello,hang-in-c",
                "-Dm1go.runners=native",
                "-Dm1go.goVersions=>=1.26@amd64",
                "-Dm1go.threads=1",
                "-Dm1go.timeoutSeconds=600");
        Process mvn = new ProcessBuilder(Maven.withCtrlC(argv))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mvn.log").toFile())
                .start();
        try {
            Optional<ProcessHandle> hanging = Optional.empty();
            for (int i = 0; i < 600 && hanging.isEmpty(); i++) {
                Thread.sleep(200);
                hanging = mvn.descendants()
                        .filter(p -> p.info().command().orElse("").endsWith("/hang-in-c"))
                        .findFirst();
            }
            assertThat(hanging)
                    .as("the hanging reproducer started; log:\n%s", Files.readString(dir.resolve("mvn.log")))
                    .isPresent();

            new ProcessBuilder("kill", "-INT", Long.toString(mvn.pid())).start().waitFor();
            assertThat(mvn.waitFor(60, TimeUnit.SECONDS))
                    .as("mvn ended after SIGINT")
                    .isTrue();
            ProcessHandle reproducer = hanging.get();
            for (int i = 0; i < 100 && reproducer.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertThat(reproducer.isAlive())
                    .as("the reproducer died with Maven")
                    .isFalse();

            JsonNode report = Maven.Run.report(dir.resolve("target/m1go/report.json"));
            assertThat(report.get("complete").asBoolean()).isFalse();
            List<String> finished = new ArrayList<>();
            report.get("cells")
                    .forEach(x -> finished.add(
                            x.get("case").asText() + "=" + x.get("outcome").asText()));
            assertThat(finished).contains("cgo-hello=PASS").noneMatch(s -> s.startsWith("hang-in-c"));
        } finally {
            mvn.descendants().forEach(ProcessHandle::destroyForcibly);
            mvn.destroyForcibly();
        }
    }

    /**
     * SIGTERM while a translated toolchain builds (the arm64 go command under binfmt, with an empty build cache): the
     * build m1go kills on its way out is not a measurement. Its cells are listed under {@code notMeasured} with the
     * reason, and no cell of the report claims an outcome for them (before, they read {@code KILLED SIGKILL} and
     * {@code UNEXPECTED}, which a baseline or a merge took for a regression).
     */
    @Test
    void sigterm_duringATranslatedBuild_leavesItsCellsNotMeasured_neverKilled() throws Exception {
        Components.requireLinuxMatrix();
        Path dir = Maven.workDirectory("interrupt-translated-build");
        List<String> argv = Maven.command(
                Maven.goal("reproduce"),
                "-Dm1go.cases=cgo-hello",
                "-Dm1go.goVersions=1.19@arm64",
                "-Dm1go.targets=linux/arm64",
                "-Dm1go.runners=qemu,binfmt",
                "-Dm1go.threads=1",
                "-Dm1go.cacheDirectory=" + dir.resolve("cache"));
        Process mvn = new ProcessBuilder(argv)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mvn.log").toFile())
                .start();
        try {
            Optional<ProcessHandle> build = Optional.empty();
            for (int i = 0; i < 900 && build.isEmpty(); i++) {
                Thread.sleep(200);
                build = mvn.descendants()
                        .filter(p -> String.join(" ", p.info().arguments().orElse(new String[0]))
                                .contains(" build -o "))
                        .findFirst();
            }
            assertThat(build)
                    .as("a translated go build started; log:\n%s", Files.readString(dir.resolve("mvn.log")))
                    .isPresent();
            Thread.sleep(2000); // inside the build now, well before it can finish on an empty cache

            new ProcessBuilder("kill", "-TERM", Long.toString(mvn.pid()))
                    .start()
                    .waitFor();
            assertThat(mvn.waitFor(60, TimeUnit.SECONDS))
                    .as("mvn ended after SIGTERM")
                    .isTrue();

            JsonNode report = Maven.Run.report(dir.resolve("target/m1go/report.json"));
            assertThat(report.get("complete").asBoolean()).isFalse();
            List<String> measured = new ArrayList<>();
            report.get("cells")
                    .forEach(c -> measured.add(c.get("case").asText() + " "
                            + c.get("go").asText() + " " + c.get("runner").asText() + " "
                            + c.get("outcome").asText() + " " + c.get("verdict").asText()));
            assertThat(measured).as("cells of the interrupted build").noneMatch(c -> c.startsWith("cgo-hello "));
            List<String> cut = new ArrayList<>();
            report.path("notMeasured").forEach(n -> {
                assertThat(n.has("outcome") || n.has("verdict"))
                        .as("a cell not measured has no outcome")
                        .isFalse();
                assertThat(n.get("reason").asText()).contains("m1go was stopping");
                cut.add(n.get("case").asText() + " " + n.get("runner").asText());
            });
            assertThat(cut)
                    .as(
                            "the interrupted build's cells, in report.json's notMeasured; log:\n%s",
                            Files.readString(dir.resolve("mvn.log")))
                    .contains("cgo-hello qemu", "cgo-hello binfmt");
        } finally {
            mvn.descendants().forEach(ProcessHandle::destroyForcibly);
            mvn.destroyForcibly();
        }
    }
}
