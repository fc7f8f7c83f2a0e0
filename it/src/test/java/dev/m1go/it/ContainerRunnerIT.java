package dev.m1go.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.m1go.host.DockerEndpoint;
import dev.m1go.host.EngineProbe;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The container runner on the real engine that scripts/start-dockerd.sh starts (a loopback-only network namespace:
 * nothing can be pulled), with no Testcontainers variable in the environment (the harness removes them all).
 */
class ContainerRunnerIT {

    private static final String REASON_END = ": start a Docker engine or set DOCKER_HOST";

    private static EngineProbe localEngine() {
        return new EngineProbe(DockerEndpoint.from(Map.of()), Duration.ofSeconds(5));
    }

    private static void requireEngine() {
        boolean answers;
        try {
            localEngine().probe();
            answers = true;
        } catch (EngineProbe.Unreachable e) {
            answers = false;
        }
        Components.requireLinuxMatrix();
        Components.require(answers, "a Docker engine on /var/run/docker.sock (start it with scripts/start-dockerd.sh)");
    }

    /** Ids of every container and every image on the local engine. */
    private static TreeSet<String> engineContents() throws EngineProbe.Unreachable {
        TreeSet<String> ids = new TreeSet<>();
        localEngine()
                .json("/containers/json?all=1")
                .forEach(c -> ids.add("container " + c.path("Id").asText()));
        localEngine().json("/images/json?all=1").forEach(i -> {
            ids.add("image " + i.path("Id").asText());
            i.path("RepoTags").forEach(t -> ids.add("tag " + t.asText()));
        });
        return ids;
    }

    private static List<JsonNode> cells(JsonNode report, String runner) {
        List<JsonNode> out = new ArrayList<>();
        report.path("cells").forEach(c -> {
            if (c.path("runner").asText().equals(runner)) {
                out.add(c);
            }
        });
        return out;
    }

    private static JsonNode cell(JsonNode report, String caseId, String goarch, String runner) {
        for (JsonNode c : report.path("cells")) {
            if (c.path("case").asText().equals(caseId)
                    && c.path("goarch").asText().equals(goarch)
                    && c.path("runner").asText().equals(runner)) {
                return c;
            }
        }
        throw new AssertionError("no cell " + caseId + " " + goarch + " " + runner);
    }

    @Test
    void starterCases_inContainersOfBothPlatforms_matchNativeAndBinfmt_observeTheCpu_leaveNothingBehind()
            throws Exception {
        requireEngine();
        Path dir = Maven.workDirectory("container-starter-cases");
        TreeSet<String> before = engineContents();

        Maven.Run run = Maven.run(
                        dir,
                        Maven.goal("reproduce"),
                        "-Dm1go.cases=cgo-hello,static-lib,static-lib-wrong-arch,c-abort",
                        "-Dm1go.goVersions=1.22@amd64",
                        "-Dm1go.runners=native,binfmt,container",
                        "-Dm1go.targets=linux/amd64,linux/arm64")
                .succeeded();

        assertThat(engineContents())
                .as("containers and images on the engine after the run")
                .isEqualTo(before);
        // Testcontainers' INFO lines (its registry-credential lookup on each created container, the engine search
        // that lookup starts) stay out of Maven's log.
        assertThat(run.output())
                .as("Maven's log")
                .doesNotContain("Failure when attempting to lookup auth config")
                .doesNotContain("Testcontainers version")
                .doesNotContain("Found Docker environment");
        JsonNode report = run.report();
        List<JsonNode> container = cells(report, "container");
        assertThat(container).hasSize(8);
        for (JsonNode c : container) {
            String goarch = c.path("goarch").asText();
            JsonNode reference =
                    cell(report, c.path("case").asText(), goarch, goarch.equals("amd64") ? "native" : "binfmt");
            String what = c.path("case").asText() + " " + goarch;
            assertThat(c.path("verdict").asText()).as(what).isEqualTo("EXPECTED");
            assertThat(c.path("outcome").asText())
                    .as(what)
                    .isEqualTo(reference.path("outcome").asText());
            assertThat(c.path("signal").asText())
                    .as(what)
                    .isEqualTo(reference.path("signal").asText());
            assertThat(c.path("build").path("staticLink").asBoolean())
                    .as(what + " static link")
                    .isTrue();
            assertThat(reference.path("build").path("staticLink").asBoolean())
                    .as(what + " reference link")
                    .isFalse();
            if (c.path("outcome").asText().startsWith("LINK")) {
                assertThat(c.path("runs")).as(what + " runs").isEmpty();
                continue;
            }
            assertThat(c.path("translated").asBoolean())
                    .as(what + " translated")
                    .isEqualTo(goarch.equals("arm64"));
            JsonNode r = c.path("runs").get(0);
            assertThat(r.path("observedArch").asText())
                    .as(what + " uname -m inside the container")
                    .isEqualTo(goarch.equals("amd64") ? "x86_64" : "aarch64");
            assertThat(reference.path("runs").get(0).path("observedArch").isNull())
                    .as("local runners observe nothing")
                    .isTrue();
        }
        assertThat(report.path("notes").toString())
                .contains("container: engine ")
                .contains("unix:///var/run/docker.sock");
        assertThat(cell(report, "c-abort", "arm64", "container").path("signal").asText())
                .isEqualTo("SIGABRT");
        assertThat(cell(report, "static-lib-wrong-arch", "arm64", "container")
                        .path("outcome")
                        .asText())
                .isEqualTo("LINK_ARCH_MISMATCH");
    }

    @Test
    void pureGoAndChildProcessCases_inScratchContainers_matchNative_onGo119() throws Exception {
        requireEngine();
        Path dir = Maven.workDirectory("container-go119");
        Maven.Run run = Maven.run(
                        dir,
                        Maven.goal("reproduce"),
                        "-Dm1go.cases=go-nil-deref,os-exec-child",
                        "-Dm1go.goVersions=1.19@amd64",
                        "-Dm1go.runners=native,container",
                        "-Dm1go.targets=linux/amd64")
                .succeeded();
        JsonNode report = run.report();
        for (String id : List.of("go-nil-deref", "os-exec-child")) {
            JsonNode inContainer = cell(report, id, "amd64", "container");
            JsonNode natively = cell(report, id, "amd64", "native");
            assertThat(inContainer.path("outcome").asText())
                    .as(id)
                    .isEqualTo(natively.path("outcome").asText());
            assertThat(inContainer.path("verdict").asText()).as(id).isEqualTo("EXPECTED");
            assertThat(inContainer.path("build").path("staticLink").asBoolean())
                    .as(id + " static")
                    .isTrue();
        }
    }

    @Test
    void explicitDockerHost_atAMissingSocket_skipsEveryContainerCellInSeconds_evenWithAnEngineOnTheDefaultSocket()
            throws Exception {
        requireEngine();
        Path dir = Maven.workDirectory("container-docker-host-missing");
        String host = "unix://" + dir.toAbsolutePath().resolve("nope.sock");
        TreeSet<String> before = engineContents();
        Map<String, String> env = new java.util.HashMap<String, String>();
        env.put("DOCKER_HOST", host);

        long t0 = System.nanoTime();
        Maven.Run run = Maven.run(
                        dir,
                        env,
                        Maven.goal("reproduce"),
                        "-Dm1go.cases=cgo-hello",
                        "-Dm1go.goVersions=1.22@amd64",
                        "-Dm1go.runners=native,container")
                .succeeded();
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;

        assertSkippedWithReason(run, "Docker not reachable at " + host + " (DOCKER_HOST): no socket at ");
        assertThat(engineContents())
                .as("the engine on the default socket was not used")
                .isEqualTo(before);
        assertThat(seconds).as("whole mvn run, builds included").isLessThan(90);
        assertThat(cell(run.report(), "cgo-hello", "amd64", "native")
                        .path("outcome")
                        .asText())
                .isEqualTo("PASS");
    }

    @Test
    void noEngineAtAll_socketFileNobodyListensOn_runnersAllIncludeContainer_andSkipItInSeconds() throws Exception {
        requireEngine();
        Path dir = Maven.workDirectory("container-no-engine");
        Path socket = dir.toAbsolutePath().resolve("dead.sock");
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(Files.exists(socket)).as("a socket file with no listener").isTrue();
        Map<String, String> env = new java.util.HashMap<String, String>();
        env.put("DOCKER_HOST", "unix://" + socket);

        long t0 = System.nanoTime();
        // On Linux the default matrix leaves the container runner out; `all` brings it in.
        Maven.Run run = Maven.run(
                        dir,
                        env,
                        Maven.goal("reproduce"),
                        "-Dm1go.cases=cgo-hello",
                        "-Dm1go.goVersions=1.22@amd64",
                        "-Dm1go.runners=all")
                .succeeded();
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;

        assertSkippedWithReason(run, "Docker not reachable at unix://" + socket + " (DOCKER_HOST): ");
        assertThat(seconds).as("whole mvn run, builds included").isLessThan(120);
    }

    private static void assertSkippedWithReason(Maven.Run run, String start) throws IOException {
        JsonNode report = run.report();
        List<JsonNode> container = cells(report, "container");
        assertThat(container).as("container cells (one per target)").hasSize(2);
        for (JsonNode c : container) {
            assertThat(c.path("outcome").asText()).isEqualTo("SKIPPED");
            assertThat(c.path("verdict").asText()).isEqualTo("SKIPPED");
            assertThat(c.path("reason").asText()).startsWith(start).endsWith(REASON_END);
            assertThat(run.output())
                    .as("the skip is logged with its reason")
                    .contains("container ... SKIPPED (" + c.path("reason").asText() + ")");
        }
        assertThat(report.path("notes").toString()).contains("container: Docker not reachable at ");
    }
}
