package dev.m1go.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.m1go.doctor.DoctorReport.DockerSection;
import dev.m1go.host.Arch;
import dev.m1go.host.BinfmtEntry;
import dev.m1go.host.Host;
import dev.m1go.host.Os;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Docker check over a unix socket, against a small stand-in engine that answers /_ping and /version. */
class DockerProbeTest {

    @TempDir
    Path tmp;

    private static Host linux(List<BinfmtEntry> binfmt) {
        return new Host(
                Os.LINUX,
                Arch.AMD64,
                "x86_64",
                "amd64",
                "6.1",
                null,
                List.of(),
                binfmt,
                Map.of(),
                new java.util.TreeMap<>());
    }

    @Test
    void engineAnswering_isReachable_withItsPlatform_andTheBinfmtPlatformsThatHaveF() throws Exception {
        Path socket = tmp.resolve("docker.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread engine = new Thread(() -> serve(server, 2));
            engine.start();
            DockerSection d = new DockerProbe(Map.of("DOCKER_HOST", "unix://" + socket), tmp, Duration.ofSeconds(5))
                    .probe(linux(List.of(
                            new BinfmtEntry("qemu-aarch64", true, "/usr/bin/qemu-aarch64-static", "PF", Arch.ARM64),
                            new BinfmtEntry("qemu-riscv64", true, "/usr/bin/qemu-riscv64", "P", Arch.RISCV64))));
            engine.join(5000);

            assertThat(d.reachable()).isTrue();
            assertThat(d.serverVersion()).isEqualTo("20.10.24+dfsg1");
            assertThat(d.platforms())
                    .containsExactly("linux/amd64", "linux/arm64 (emulated by binfmt_misc qemu-aarch64)");
            assertThat(d.evidence()).anySatisfy(o -> assertThat(o.source()).endsWith("/_ping"));
        }
    }

    @Test
    void noSocket_isUnreachable_andSaysWhere() {
        Path socket = tmp.resolve("absent.sock");
        DockerSection d = new DockerProbe(Map.of("DOCKER_HOST", "unix://" + socket), tmp, Duration.ofSeconds(1))
                .probe(linux(List.of()));

        assertThat(d.reachable()).isFalse();
        assertThat(d.status()).isEqualTo("no socket at " + socket);
        assertThat(d.platforms()).isEmpty();
    }

    @Test
    void socketWithoutEngine_isUnreachable_withTheConnectionError() throws Exception {
        Path socket = tmp.resolve("stale.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
        }
        DockerSection d = new DockerProbe(Map.of("DOCKER_HOST", "unix://" + socket), tmp, Duration.ofSeconds(1))
                .probe(linux(List.of()));

        assertThat(d.reachable()).isFalse();
        assertThat(d.status()).startsWith("no engine answers at unix://" + socket);
    }

    @Test
    void sshDockerHost_isNotChecked_andSaysSo() {
        DockerSection d = new DockerProbe(Map.of("DOCKER_HOST", "ssh://builder"), tmp, Duration.ofSeconds(1))
                .probe(linux(List.of()));

        assertThat(d.reachable()).isFalse();
        assertThat(d.status()).contains("is not unix:// or tcp://");
    }

    /**
     * m1go.container.hosts: each named engine is checked besides the default one, says whether that platform's cells
     * run natively or translated there, and one that does not answer is a finding naming the platform and the setting.
     */
    @Test
    void platformEngines_areCheckedToo_andOneThatDoesNotAnswerIsAFinding() throws Exception {
        Path socket = tmp.resolve("second.sock");
        Path absent = tmp.resolve("absent.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread engine = new Thread(() -> serve(server, 2));
            engine.start();
            DockerSection d = new DockerProbe(
                            Map.of("DOCKER_HOST", "unix://" + absent),
                            tmp,
                            Duration.ofSeconds(5),
                            Map.of(
                                    Arch.ARM64,
                                    new dev.m1go.host.DockerEndpoint(
                                            "unix://" + socket, "m1go.container.hosts.linux-arm64", false),
                                    Arch.AMD64,
                                    new dev.m1go.host.DockerEndpoint(
                                            "unix://" + absent, "m1go.container.hosts.linux-amd64", false)))
                    .probe(linux(List.of()));
            engine.join(5000);

            assertThat(d.reachable()).as("the default engine").isFalse();
            assertThat(d.engines())
                    .extracting(DoctorReport.PlatformEngine::platform)
                    .containsExactly("linux/amd64", "linux/arm64");
            DoctorReport.PlatformEngine arm = d.engines().get(1);
            assertThat(arm.reachable()).isTrue();
            assertThat(arm.endpoint()).isEqualTo("unix://" + socket);
            assertThat(arm.setting()).isEqualTo("m1go.container.hosts.linux-arm64");
            assertThat(arm.status())
                    .isEqualTo("engine 20.10.24+dfsg1 (API 1.41), linux/amd64: linux/arm64 cells are "
                            + "translated there");
            assertThat(d.engines().get(0).status())
                    .startsWith("no engine answers at unix://" + absent
                            + " (m1go.container.hosts.linux-amd64): no socket at ");
            assertThat(DockerCheck.findings(d, Os.LINUX))
                    .extracting(Finding::subject)
                    .contains("Docker linux/amd64")
                    .doesNotContain("Docker linux/arm64");
        }
    }

    /** Answers {@code n} requests the way dockerd does (HTTP/1.0: answer, then close). */
    private static void serve(ServerSocketChannel server, int n) {
        try {
            for (int i = 0; i < n; i++) {
                try (SocketChannel c = server.accept()) {
                    ByteBuffer in = ByteBuffer.allocate(4096);
                    c.read(in);
                    String request = new String(in.array(), 0, in.position(), StandardCharsets.US_ASCII);
                    String body = request.startsWith("GET /_ping")
                            ? "OK"
                            : "{\"Version\":\"20.10.24+dfsg1\",\"ApiVersion\":\"1.41\",\"Os\":\"linux\",\"Arch\":\"amd64\"}";
                    c.write(ByteBuffer.wrap(("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                                    + body.length() + "\r\n\r\n" + body)
                            .getBytes(StandardCharsets.US_ASCII)));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
