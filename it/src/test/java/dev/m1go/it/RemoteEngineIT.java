package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.m1go.host.DockerEndpoint;
import dev.m1go.host.EngineProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code m1go.container.hosts.linux-arm64} on a real second engine: the one {@code scripts/start-dockerd.sh --second}
 * starts on {@code /var/run/m1go-docker-second.sock} (its own data-root, exec-root and containerd, in a loopback-only
 * network namespace), standing in for another machine's engine. The engine of each cell is checked from the engines'
 * own side (their event logs: which engine created which containers of this Maven process) as well as from the report,
 * and neither engine keeps anything of the run, also after Ctrl-C.
 */
class RemoteEngineIT {

    static final String SECOND = "unix:///var/run/m1go-docker-second.sock";
    static final String FIRST = DockerEndpoint.DEFAULT;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EngineProbe engine(String uri) {
        return new EngineProbe(new DockerEndpoint(uri, "RemoteEngineIT", false), Duration.ofSeconds(10));
    }

    private static boolean answers(String uri) {
        try {
            engine(uri).probe();
            return true;
        } catch (EngineProbe.Unreachable e) {
            return false;
        }
    }

    private static void requireEngines() {
        Components.require(answers(FIRST), "a Docker engine on /var/run/docker.sock (scripts/start-dockerd.sh)");
        requireSecondEngine();
    }

    /** The second engine alone: these tests need nothing of the default socket. */
    private static void requireSecondEngine() {
        Components.requireLinuxMatrix();
        Components.require(
                answers(SECOND),
                "a second Docker engine on /var/run/m1go-docker-second.sock " + "(scripts/start-dockerd.sh --second)");
    }

    /** Ids of every container and every image on an engine (the second engine is this test's alone). */
    private static TreeSet<String> contents(String uri) throws EngineProbe.Unreachable {
        TreeSet<String> ids = new TreeSet<>();
        engine(uri)
                .json("/containers/json?all=1")
                .forEach(c -> ids.add("container " + c.path("Id").asText()));
        engine(uri).json("/images/json?all=1").forEach(i -> {
            ids.add("image " + i.path("Id").asText());
            i.path("RepoTags").forEach(t -> ids.add("tag " + t.asText()));
        });
        return ids;
    }

    /** m1go-labelled containers and images of Maven process {@code pid} still on an engine. */
    private static List<String> objectsOf(String uri, long pid) throws EngineProbe.Unreachable {
        List<String> found = new ArrayList<>();
        String mine = pid + "-";
        engine(uri).json("/containers/json?all=1").forEach(c -> {
            if (c.path("Labels").path("dev.m1go.run").asText().startsWith(mine)) {
                found.add("container " + c.path("Id").asText() + " "
                        + c.path("Image").asText());
            }
        });
        engine(uri).json("/images/json?all=1").forEach(i -> {
            if (i.path("Labels").path("dev.m1go.run").asText().startsWith(mine)) {
                found.add("image " + i.path("Id").asText() + " " + i.path("RepoTags"));
            }
        });
        return found;
    }

    /**
     * The container events an engine logged between two times (epoch seconds) for containers of Maven process
     * {@code pid}: {@code "create m1go-cell:linux-arm64-…"}, {@code "destroy …"}.
     */
    private static List<String> containerEventsOf(String uri, long pid, long since, long until) throws Exception {
        String body =
                engine(uri).get("/events?since=" + since + "&until=" + until).body();
        List<String> events = new ArrayList<>();
        for (String line : body.lines().filter(l -> !l.isBlank()).toList()) {
            JsonNode e = JSON.readTree(line);
            JsonNode attributes = e.path("Actor").path("Attributes");
            if (e.path("Type").asText().equals("container")
                    && attributes.path("dev.m1go.run").asText().startsWith(pid + "-")) {
                events.add(e.path("Action").asText() + " "
                        + attributes.path("image").asText());
            }
        }
        return events;
    }

    private static Process start(Path dir, List<String> argv) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mvn.log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("TESTCONTAINERS_") || k.startsWith("DOCKER_"));
        pb.environment().remove("MAVEN_ARGS");
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    @Test
    void arm64CellsRunOnTheSecondEngine_amd64CellsOnTheDefault_eachRunNamesItsEngine_andNeitherKeepsAnything()
            throws Exception {
        requireEngines();
        Path dir = Maven.workDirectory("remote-engine");
        TreeSet<String> secondBefore = contents(SECOND);
        long since = System.currentTimeMillis() / 1000 - 1;
        Process mvn = start(
                dir,
                Maven.command(
                        Maven.goal("reproduce"),
                        "-Dm1go.cases=cgo-hello,c-abort",
                        "-Dm1go.goVersions=1.22@amd64",
                        "-Dm1go.runners=container",
                        "-Dm1go.targets=linux/amd64,linux/arm64",
                        "-Dm1go.container.hosts.linux-arm64=" + SECOND));
        try {
            assertThat(mvn.waitFor(20, TimeUnit.MINUTES)).as("mvn ended").isTrue();
        } finally {
            mvn.descendants().forEach(ProcessHandle::destroyForcibly);
            mvn.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("mvn.log"), StandardCharsets.UTF_8);
        assertThat(mvn.exitValue()).as("mvn's exit status; log:\n%s", log).isZero();
        long until = System.currentTimeMillis() / 1000 + 1;

        // From the engines' side: the arm64 cells' containers were made by the second engine, the amd64 ones by the
        // first, each container destroyed again, and no object of the run is left on either engine.
        // (The engine's image build runs its steps in containers of intermediate images, "sha256:…", which carry the
        // run's labels too.)
        List<String> onSecond = containerEventsOf(SECOND, mvn.pid(), since, until);
        List<String> onFirst = containerEventsOf(FIRST, mvn.pid(), since, until);
        assertThat(onSecond)
                .as("the second engine's container events of the run")
                .isNotEmpty()
                .allMatch(e -> e.contains(" m1go-cell:linux-arm64-") || e.contains(" sha256:"))
                .anyMatch(e -> e.contains(" sha256:"));
        assertThat(onSecond.stream().filter(e -> e.startsWith("create m1go-cell:")))
                .as("probe and program of 2 cells")
                .hasSize(4);
        assertThat(onSecond.stream().filter(e -> e.startsWith("destroy m1go-cell:")))
                .hasSize(4);
        assertThat(onSecond.stream().filter(e -> e.startsWith("create ")))
                .as("every container destroyed again")
                .hasSameSizeAs(
                        onSecond.stream().filter(e -> e.startsWith("destroy ")).toList());
        assertThat(onFirst)
                .as("the first engine's container events of the run")
                .isNotEmpty()
                .allMatch(e -> e.contains(" m1go-cell:linux-amd64-") || e.contains(" sha256:"));
        assertThat(onFirst.stream().filter(e -> e.startsWith("create m1go-cell:")))
                .hasSize(4);
        assertThat(onFirst.stream().filter(e -> e.startsWith("destroy m1go-cell:")))
                .hasSize(4);
        assertThat(onFirst.stream().filter(e -> e.startsWith("create ")))
                .as("every container destroyed again")
                .hasSameSizeAs(
                        onFirst.stream().filter(e -> e.startsWith("destroy ")).toList());
        assertThat(contents(SECOND))
                .as("containers and images on the second engine after the run")
                .isEqualTo(secondBefore);
        assertThat(objectsOf(FIRST, mvn.pid()))
                .as("objects of the run on the first engine")
                .isEmpty();

        // From the report's side.
        JsonNode report = Maven.Run.report(dir.resolve("target/m1go/report.json"));
        int cells = 0;
        for (JsonNode c : report.path("cells")) {
            String goarch = c.path("goarch").asText();
            String what = c.path("case").asText() + " " + goarch;
            assertThat(c.path("verdict").asText()).as(what).isEqualTo("EXPECTED");
            JsonNode run = c.path("runs").get(0);
            assertThat(run.path("engine").asText())
                    .as(what + " engine")
                    .isEqualTo(goarch.equals("arm64") ? SECOND : FIRST);
            assertThat(run.path("observedArch").asText())
                    .as(what)
                    .isEqualTo(goarch.equals("arm64") ? "aarch64" : "x86_64");
            // The second engine runs on this amd64 machine: arm64 is translated there too (on an arm64 machine it is
            // not, which the unit tests cover).
            assertThat(c.path("translated").asBoolean()).as(what).isEqualTo(goarch.equals("arm64"));
            cells++;
        }
        assertThat(cells).isEqualTo(4);
        assertThat(report.path("notes").toString())
                .contains("container: linux/arm64 cells: engine ")
                .contains("at " + SECOND + " (m1go.container.hosts.linux-arm64)")
                .contains("container: linux/amd64 cells: engine ")
                .contains("(2 on " + FIRST + ", 2 on " + SECOND + "); removed at the end of the run");
        assertThat(cellOf(report, "c-abort", "arm64").path("signal").asText()).isEqualTo("SIGABRT");
        assertThat(Files.readString(dir.resolve("target/m1go/report.md")))
                .contains("linux/arm64 cells: engine ")
                .contains(SECOND);
    }

    @Test
    void ctrlC_duringCellsOnTheSecondEngine_leavesNothingOfTheRunThere() throws Exception {
        requireSecondEngine();
        Path dir = Maven.workDirectory("remote-engine-interrupt");
        String token = Hostile.token();
        Hostile.writeCase(
                dir.resolve("cases"),
                "hang-on-second-engine",
                "description: hangs.\nexpect: {outcome: TIMEOUT}\n",
                Hostile.hangsWithAChild(token));
        Process mvn = start(
                dir,
                Maven.withCtrlC(Maven.command(
                        Maven.goal("reproduce"),
                        "-Dm1go.casesDirectory=" + dir.resolve("cases"),
                        "-Dm1go.cases=hang-on-second-engine",
                        "-Dm1go.runners=container",
                        "-Dm1go.targets=linux/arm64",
                        "-Dm1go.goVersions=1.22@amd64",
                        "-Dm1go.timeoutSeconds=600",
                        "-Dm1go.container.hosts.linux-arm64=" + SECOND)));
        try {
            List<String> running = List.of();
            for (int i = 0; i < 1500 && running.stream().noneMatch(o -> o.startsWith("container ")); i++) {
                Thread.sleep(200);
                running = objectsOf(SECOND, mvn.pid());
            }
            assertThat(running)
                    .as(
                            "the cell's container runs on the second engine; log:\n%s",
                            Files.readString(dir.resolve("mvn.log")))
                    .anyMatch(o -> o.startsWith("container "));
            Thread.sleep(2000); // past the uname probe, into the program itself

            new ProcessBuilder("kill", "-INT", Long.toString(mvn.pid())).start().waitFor();
            assertThat(mvn.waitFor(90, TimeUnit.SECONDS))
                    .as("mvn ended after SIGINT")
                    .isTrue();
            assertThat(objectsOf(SECOND, mvn.pid()))
                    .as("objects of the run on the second engine")
                    .isEmpty();
            if (answers(FIRST)) {
                assertThat(objectsOf(FIRST, mvn.pid()))
                        .as("objects of the run on the first engine")
                        .isEmpty();
            }
            assertThat(Files.readString(dir.resolve("mvn.log"))).doesNotContain("\tat ");
        } finally {
            mvn.descendants().forEach(ProcessHandle::destroyForcibly);
            mvn.destroyForcibly();
            Hostile.killAll(token);
        }
    }

    @Test
    void anSshEndpoint_failsTheBuildBeforeAnythingRuns_withTheForwardingCommand() throws Exception {
        requireSecondEngine();
        Path dir = Maven.workDirectory("remote-engine-ssh");
        Maven.Run run = Maven.run(
                dir,
                Maven.goal("reproduce"),
                "-Dm1go.cases=cgo-hello",
                "-Dm1go.runners=container",
                "-Dm1go.container.hosts.linux-arm64=ssh://ci:hunter2@arm64-box");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output())
                .contains("-Dm1go.container.hosts.linux-arm64=ssh://arm64-box: m1go does not speak " + "ssh:// itself")
                .contains("ssh -fNL /tmp/m1go-docker.sock:/var/run/docker.sock ci@arm64-box")
                .doesNotContain("hunter2");
    }

    @Test
    void doctor_checksTheEngineOfEachPlatformNamed_andSaysWhetherItsCellsTranslateThere() throws Exception {
        requireSecondEngine();
        Path dir = Maven.workDirectory("remote-engine-doctor");
        Maven.Run run = Maven.run(dir, Maven.goal("doctor"), "-Dm1go.container.hosts.linux-arm64=" + SECOND)
                .succeeded();
        assertThat(run.output())
                .contains("linux/arm64 cells")
                .contains(SECOND + " (m1go.container.hosts.linux-arm64): " + "reachable: engine ")
                .contains("linux/arm64 cells are translated there");
        JsonNode engines = Maven.Run.report(dir.resolve("target/m1go/doctor.json"))
                .path("docker")
                .path("engines");
        assertThat(engines).hasSize(1);
        assertThat(engines.get(0).path("endpoint").asText()).isEqualTo(SECOND);
        assertThat(engines.get(0).path("reachable").asBoolean()).isTrue();
    }

    private static JsonNode cellOf(JsonNode report, String caseId, String goarch) {
        for (JsonNode c : report.path("cells")) {
            if (c.path("case").asText().equals(caseId)
                    && c.path("goarch").asText().equals(goarch)) {
                return c;
            }
        }
        throw new AssertionError("no cell " + caseId + " " + goarch);
    }
}
