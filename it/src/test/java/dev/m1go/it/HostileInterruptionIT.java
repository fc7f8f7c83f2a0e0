package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM on Maven while a program and the daemon it started run: both die, the output directory is free for the
 * next run, report.json is valid and marked incomplete, and the message says what was written.
 */
class HostileInterruptionIT {

    @Test
    void sigterm_killsTheProgramAndItsDaemon_andLeavesAValidPartialReport() throws Exception {
        Path dir = Maven.workDirectory("hostile-interruption");
        String token = Hostile.token();
        Hostile.writeCase(
                dir.resolve("cases"),
                "hang-with-child",
                "description: hangs with a child.\nexpect: {outcome: TIMEOUT}\n",
                Hostile.hangsWithAChild(token));
        Process mvn = new ProcessBuilder(Maven.command(
                        Maven.goal("reproduce"),
                        "-Dm1go.casesDirectory=" + dir.resolve("cases"),
                        "-Dm1go.cases=cgo-hello,hang-with-child",
                        "-Dm1go.runners=native",
                        "-Dm1go.targets=linux/amd64",
                        "-Dm1go.goVersions=1.26",
                        "-Dm1go.threads=1",
                        "-Dm1go.timeoutSeconds=600"))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mvn.log").toFile())
                .start();
        // the program runs as <build dir>/hang-with-child, its child as the same path with arguments
        String binary = dir.resolve("target/m1go/build/hang-with-child").toString();
        try {
            for (int i = 0; i < 900 && Hostile.processesWith(token).isEmpty(); i++) {
                Thread.sleep(200);
            }
            assertThat(Hostile.processesWith(binary))
                    .as("the program and its child started")
                    .hasSize(2);

            new ProcessBuilder("kill", "-TERM", Long.toString(mvn.pid()))
                    .start()
                    .waitFor();
            assertThat(mvn.waitFor(60, TimeUnit.SECONDS))
                    .as("mvn ended after SIGTERM")
                    .isTrue();
            assertThat(Hostile.survivorsWith(binary, 5_000))
                    .as("processes of the run alive after SIGTERM")
                    .isEmpty();

            JsonNode report = Maven.Run.report(dir.resolve("target/m1go/report.json"));
            assertThat(report.get("complete").asBoolean()).isFalse();
            assertThat(report.get("cells"))
                    .extracting(c -> c.get("case").asText())
                    .containsExactly("cgo-hello");
        } finally {
            mvn.descendants().forEach(ProcessHandle::destroyForcibly);
            mvn.destroyForcibly();
            Hostile.killAll(token);
        }
    }
}
