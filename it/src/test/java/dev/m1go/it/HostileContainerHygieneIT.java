package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Docker objects: what a run that was killed outright left behind is removed by the next run (and nothing of a live
 * run, nor anything without m1go's labels); Ctrl-C during container cells leaves no container or image of the run and
 * no stack trace.
 */
class HostileContainerHygieneIT {

    private static String image(String tag, String... labels) throws IOException, InterruptedException {
        List<String> argv = new java.util.ArrayList<>(List.of("docker", "build", "-q", "-t", tag));
        for (String l : labels) {
            argv.addAll(List.of("--label", l));
        }
        argv.add("-");
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().write("FROM scratch\nLABEL purpose=m1go-it\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0)
                .as(out)
                .isTrue();
        return tag;
    }

    private static boolean exists(String tag) throws IOException, InterruptedException {
        return !Hostile.docker("images", "-q", tag).isEmpty();
    }

    @Test
    void leftoversOfADeadRun_areSweptAtStart_butNotThoseOfALiveRunOrUnlabelledOnes() throws Exception {
        Components.require(Hostile.dockerAnswers(), "a Docker engine (scripts/start-dockerd.sh)");
        String host = java.net.InetAddress.getLocalHost().getHostName();
        String token = Hostile.token();
        ProcessHandle me = ProcessHandle.current();
        String liveRun = me.pid() + "-" + me.info().startInstant().orElseThrow().toEpochMilli();
        String dead = image(
                "m1go-cell:" + token + "-dead",
                "dev.m1go.runner=image",
                "dev.m1go.run=999999999-1",
                "dev.m1go.host=" + host);
        String live = image(
                "m1go-cell:" + token + "-live",
                "dev.m1go.runner=image",
                "dev.m1go.run=" + liveRun,
                "dev.m1go.host=" + host);
        String foreign = image("m1go-cell:" + token + "-unlabelled");
        try {
            Path dir = Maven.workDirectory("hostile-docker-sweep");
            Maven.run(
                            dir,
                            Maven.goal("reproduce"),
                            "-Dm1go.cases=cgo-hello",
                            "-Dm1go.runners=container",
                            "-Dm1go.targets=linux/amd64",
                            "-Dm1go.goVersions=1.26")
                    .succeeded();
            assertThat(exists(dead)).as("the dead run's image").isFalse();
            assertThat(exists(live)).as("the live run's image").isTrue();
            assertThat(exists(foreign)).as("the unlabelled image").isTrue();
        } finally {
            for (String tag : List.of(dead, live, foreign)) {
                Hostile.docker("rmi", "-f", tag);
            }
        }
    }

    @Test
    void ctrlC_duringContainerCells_leavesNoObjectOfTheRun_andNoStackTrace() throws Exception {
        Components.require(Hostile.dockerAnswers(), "a Docker engine (scripts/start-dockerd.sh)");
        Path dir = Maven.workDirectory("hostile-docker-interrupt");
        String token = Hostile.token();
        Hostile.writeCase(
                dir.resolve("cases"),
                "hang-in-container",
                "description: hangs.\nexpect: {outcome: TIMEOUT}\n",
                Hostile.hangsWithAChild(token));
        List<String> argv = Maven.command(
                Maven.goal("reproduce"),
                "-Dm1go.casesDirectory=" + dir.resolve("cases"),
                "-Dm1go.cases=hang-in-container",
                "-Dm1go.runners=container",
                "-Dm1go.goVersions=1.26",
                "-Dm1go.threads=2",
                "-Dm1go.timeoutSeconds=600");
        ProcessBuilder pb = new ProcessBuilder(Maven.withCtrlC(argv))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mvn.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("TESTCONTAINERS_"));
        Process mvn = pb.start();
        try {
            String running = "";
            for (int i = 0; i < 900 && running.lines().count() < 2; i++) {
                Thread.sleep(200);
                running = Hostile.docker(
                                "ps",
                                "--filter",
                                "label=dev.m1go.run",
                                "--format",
                                "{{.ID}} {{.Label \"dev.m1go.run\"}}")
                        .lines()
                        .filter(l -> l.contains(" " + mvn.pid() + "-"))
                        .reduce("", (a, b) -> a + b + "\n");
            }
            assertThat(running.lines())
                    .as("both container cells are running; log:\n%s", Files.readString(dir.resolve("mvn.log")))
                    .hasSize(2);

            new ProcessBuilder("kill", "-INT", Long.toString(mvn.pid())).start().waitFor();
            assertThat(mvn.waitFor(90, TimeUnit.SECONDS))
                    .as("mvn ended after SIGINT")
                    .isTrue();
            assertThat(Hostile.dockerObjectsOf(mvn.pid()))
                    .as("m1go-labelled objects of the run")
                    .isEmpty();
            String log = Files.readString(dir.resolve("mvn.log"));
            assertThat(log).doesNotContain("\tat ").doesNotContain("409");
        } finally {
            mvn.descendants().forEach(ProcessHandle::destroyForcibly);
            mvn.destroyForcibly();
        }
    }
}
