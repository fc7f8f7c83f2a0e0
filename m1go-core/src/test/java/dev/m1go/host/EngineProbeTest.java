package dev.m1go.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineProbeTest {

    @TempDir
    Path tmp;

    private EngineProbe probe(Path socket, Duration timeout) {
        return new EngineProbe(DockerEndpoint.from(Map.of("DOCKER_HOST", "unix://" + socket)), timeout);
    }

    @Test
    void missingSocket_isUnreachableAtOnce() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() ->
                        probe(tmp.resolve("nope.sock"), Duration.ofSeconds(5)).probe())
                .isInstanceOf(EngineProbe.Unreachable.class)
                .hasMessage("no socket at " + tmp.resolve("nope.sock"));
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1000);
    }

    @Test
    void socketThatNeverAnswers_isUnreachableWhenTheTimeLimitRunsOut() throws Exception {
        Path sock = tmp.resolve("silent.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> probe(sock, Duration.ofMillis(500)).probe())
                    .hasMessage("no answer to GET /_ping within 500 ms");
            assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(400L, 3000L);
        }
    }

    @Test
    void answeringEngine_isProbedForPingAndVersion() throws Exception {
        Path sock = tmp.resolve("engine.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            Thread t = new Thread(() -> {
                for (String body : new String[] {
                    "OK", "{\"Version\":\"20.10.24\",\"ApiVersion\":\"1.41\",\"Os\":\"linux\",\"Arch\":\"amd64\"}"
                }) {
                    try (SocketChannel c = server.accept()) {
                        c.read(ByteBuffer.allocate(4096));
                        c.write(ByteBuffer.wrap(("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n" + body)
                                .getBytes(StandardCharsets.US_ASCII)));
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            t.start();
            EngineProbe.EngineInfo info = probe(sock, Duration.ofSeconds(5)).probe();
            t.join(5000);
            assertThat(info).isEqualTo(new EngineProbe.EngineInfo("20.10.24", "1.41", "linux", "amd64"));
        }
    }

    @Test
    void sshEngine_isNotSpokenToDirectly_andTheReasonSaysHowToForwardIt() {
        EngineProbe p =
                new EngineProbe(DockerEndpoint.from(Map.of("DOCKER_HOST", "ssh://me@build")), Duration.ofSeconds(1));
        assertThatThrownBy(p::probe).hasMessageContaining("set DOCKER_HOST=unix:///tmp/docker.sock");
    }

    @Test
    void chunkedHttp11Answer_withMultiByteText_isReassembled() throws Exception {
        Path sock = tmp.resolve("chunked.sock");
        String body = "{\"Os\":\"linux\",\"Architecture\":\"arm64\",\"Comment\":\"d\u00e9j\u00e0 vu\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // Split inside the two-byte é: a decoder that mixes bytes and characters breaks here.
        int cut = body.indexOf('\u00e9') + 1 + 1;
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            Thread t = new Thread(() -> {
                try (SocketChannel c = server.accept()) {
                    c.read(ByteBuffer.allocate(4096));
                    var out = new java.io.ByteArrayOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                                    + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write((Integer.toHexString(cut) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes, 0, cut);
                    out.write(("\r\n" + Integer.toHexString(bytes.length - cut) + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes, cut, bytes.length - cut);
                    out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    c.write(ByteBuffer.wrap(out.toByteArray()));
                } catch (Exception e) {
                    // The test fails on the probe's side.
                }
            });
            t.start();
            EngineProbe.Answer a = probe(sock, Duration.ofSeconds(5)).get("/images/x/json");
            t.join(5000);
            assertThat(a).isEqualTo(new EngineProbe.Answer(200, body));
        }
    }

    @Test
    void errorStatus_isAnAnswer_andMissingImage_isNull() throws Exception {
        Path sock = tmp.resolve("404.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            Thread t = new Thread(() -> {
                try (SocketChannel c = server.accept()) {
                    c.read(ByteBuffer.allocate(4096));
                    c.write(ByteBuffer.wrap(("HTTP/1.1 404 Not Found\r\nContent-Length: 27\r\nConnection: close\r\n"
                                    + "\r\n{\"message\":\"No such image\"}")
                            .getBytes(StandardCharsets.US_ASCII)));
                } catch (Exception e) {
                    // The test fails on the probe's side.
                }
            });
            t.start();
            assertThat(probe(sock, Duration.ofSeconds(5)).imagePlatform("m1go/none:1"))
                    .isNull();
            t.join(5000);
        }
    }
}
